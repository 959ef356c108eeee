import { ChartFrame, INK, PAD, Patterns, describe, scaleColours, type ChartValue } from './chart-parts.js';
import { Legend, describeRow, stackedBar, type StackedRow } from './stacked-bar-chart.js';

/**
 * The NPS: the score in large type above one bar split into detractors, passives and promoters (shares
 * of respondents). A hidden score shows `suppressedText`; hidden buckets are drawn as in the stacked
 * bar chart. `labels` are the three bucket names from the caller's catalogue.
 */
export function NpsChart(props: {
  id: string;
  title: string;
  description?: string;
  scoreLabel: string;
  score: ChartValue;
  formatScore: (score: number) => string;
  labels: readonly [string, string, string];
  cells: readonly [ChartValue, ChartValue, ChartValue];
  format: (share: number) => string;
  suppressedText: string;
}): JSX.Element {
  const colours = scaleColours(3);
  const scoreText = `${props.scoreLabel} ${props.score.suppressed ? props.suppressedText : props.formatScore(props.score.value)}`;
  const row: StackedRow = { label: '', suppressed: false, cells: props.cells };
  const top = PAD + 36;
  const bar = stackedBar({
    id: props.id,
    y: top + 8,
    label: '',
    row,
    categories: props.labels,
    colours,
    format: props.format,
    suppressedText: props.suppressedText,
  });
  const legend = Legend({ id: props.id, y: top + 8 + bar.height, labels: props.labels });
  const barEl = bar.el;
  const legendEl = legend.el;
  const desc = describe(props.description, [
    scoreText,
    describeRow('', row, props.labels, props.format, props.suppressedText),
  ]);
  return (
    <ChartFrame
      id={props.id}
      title={props.title}
      desc={desc}
      height={top + 8 + bar.height + legend.height + PAD}
      defs={<Patterns id={props.id} colours={colours} />}
      body={
        <>
          <text class="score" x={PAD} y={top} font-size="28" font-weight="bold" fill={INK} safe>
            {scoreText}
          </text>
          {barEl}
          {legendEl}
        </>
      }
    />
  );
}
