import {
  BAR_COLOUR,
  ChartFrame,
  FONT_SIZE,
  INK,
  LINE,
  Label,
  MUTED,
  PAD,
  Patterns,
  WIDTH,
  charsFor,
  describe,
  r2,
  wrapText,
} from './chart-parts.js';

/** One category: its share in the sample and in the population (0..1), or hidden. */
export type DivergingRow = { readonly label: string } & (
  | { readonly suppressed: true }
  | { readonly suppressed: false; readonly sample: number; readonly population: number }
);

const BAR_HEIGHT = 20;
const TEXT_SPACE = 84;
const UNDER_COLOUR = '#b4490a';

/**
 * A diverging bar chart for representativeness: per category, the sample share minus the population
 * share, drawn right of the zero line when over-represented and left when under-represented (solid
 * blue versus hatched orange, and the signed difference as text, so direction never rests on colour).
 * Bars are proportional to the difference over `maxAbs` (default: the largest difference).
 * `formatDifference` should show the sign (see `pointsFormat`).
 */
export function DivergingBarChart(props: {
  id: string;
  title: string;
  description?: string;
  rows: readonly DivergingRow[];
  sampleLabel: string;
  populationLabel: string;
  format: (share: number) => string;
  formatDifference: (difference: number) => string;
  suppressedText: string;
  /** Texts at the top of each side, e.g. "← under-represented" and "over-represented →". */
  axisLabels?: { readonly under: string; readonly over: string };
  maxAbs?: number;
}): JSX.Element {
  const centre = WIDTH / 2;
  const half = centre - PAD - TEXT_SPACE;
  const largest = Math.max(
    0,
    ...props.rows.map((r) => (r.suppressed ? 0 : Math.abs(r.sample - r.population))),
  );
  const maxAbs = props.maxAbs ?? largest;
  let y = PAD;
  const axis = props.axisLabels ? (
    <>
      <text x={r2(centre - 6)} y={r2(y + FONT_SIZE)} text-anchor="end" fill={MUTED} safe>
        {props.axisLabels.under}
      </text>
      <text x={r2(centre + 6)} y={r2(y + FONT_SIZE)} fill={MUTED} safe>
        {props.axisLabels.over}
      </text>
    </>
  ) : (
    ''
  );
  if (props.axisLabels) y += LINE + 6;
  const axisTop = y;
  const rows = props.rows.map((row) => {
    const lines = wrapText(row.label, charsFor(WIDTH - 2 * PAD));
    const top = y;
    const label = <Label x={PAD} y={top + FONT_SIZE} lines={lines} />;
    if (row.suppressed) {
      const barY = top + lines.length * LINE + 4;
      y = barY + BAR_HEIGHT + 12;
      return (
        <g class="row row-suppressed">
          {label}
          <text
            x={r2(centre + 8)}
            y={r2(barY + 15)}
            fill={INK}
            stroke="#ffffff"
            stroke-width="4"
            paint-order="stroke"
            safe
          >
            {props.suppressedText}
          </text>
        </g>
      );
    }
    const detail = `${props.sampleLabel} ${props.format(row.sample)} · ${props.populationLabel} ${props.format(row.population)}`;
    const detailY = top + lines.length * LINE + FONT_SIZE;
    const barY = detailY + 8;
    y = barY + BAR_HEIGHT + 12;
    const difference = row.sample - row.population;
    const width = maxAbs > 0 ? (Math.abs(difference) / maxAbs) * half : 0;
    const over = difference >= 0;
    const x = over ? centre : centre - width;
    return (
      <g class="row">
        {label}
        <text x={PAD} y={r2(detailY)} fill={MUTED} safe>
          {detail}
        </text>
        <rect
          class={over ? 'bar bar-over' : 'bar bar-under'}
          x={r2(x)}
          y={r2(barY)}
          width={r2(width)}
          height={BAR_HEIGHT}
          fill={over ? BAR_COLOUR : `url(#${props.id}-p1)`}
          stroke={over ? BAR_COLOUR : UNDER_COLOUR}
        />
        <text
          class="value"
          x={r2(over ? centre + width + 6 : centre - width - 6)}
          y={r2(barY + 15)}
          text-anchor={over ? 'start' : 'end'}
          fill={INK}
          safe
        >
          {props.formatDifference(difference)}
        </text>
      </g>
    );
  });
  const desc = describe(
    props.description,
    props.rows.map((row) =>
      row.suppressed
        ? `${row.label}: ${props.suppressedText}`
        : `${row.label}: ${props.formatDifference(row.sample - row.population)} (${props.sampleLabel} ${props.format(row.sample)}, ${props.populationLabel} ${props.format(row.population)})`,
    ),
  );
  return (
    <ChartFrame
      id={props.id}
      title={props.title}
      desc={desc}
      height={y + PAD}
      defs={<Patterns id={props.id} colours={['#ffffff', UNDER_COLOUR]} />}
      body={
        <>
          {axis}
          {rows}
          <line x1={centre} x2={centre} y1={r2(axisTop)} y2={r2(y)} stroke={INK} stroke-width="1" />
        </>
      }
    />
  );
}
