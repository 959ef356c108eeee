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
  type ChartValue,
} from './chart-parts.js';

/** One bar: its label and its value, or a hidden value. */
export type BarDatum = { readonly label: string } & ChartValue;

const BAR_HEIGHT = 22;
const VALUE_SPACE = 96;

/**
 * A horizontal bar chart (counts or shares per option). Bars are proportional to `value / max` (default:
 * the largest value). Labels sit above their bars so long option texts wrap instead of being cut. A
 * hidden bar is drawn as a dashed, hatched track of fixed width with `suppressedText` (e.g. "fewer than
 * 5"): no number and no proportional width.
 */
export function BarChart(props: {
  id: string;
  title: string;
  description?: string;
  bars: readonly BarDatum[];
  format: (value: number) => string;
  suppressedText: string;
  max?: number;
}): JSX.Element {
  const track = WIDTH - 2 * PAD - VALUE_SPACE;
  const largest = Math.max(0, ...props.bars.map((b) => (b.suppressed ? 0 : b.value)));
  const max = props.max ?? largest;
  let y = PAD;
  const rows = props.bars.map((bar) => {
    const lines = wrapText(bar.label, charsFor(WIDTH - 2 * PAD));
    const top = y;
    const barY = top + lines.length * LINE + 4;
    y = barY + BAR_HEIGHT + 12;
    const label = <Label x={PAD} y={top + FONT_SIZE} lines={lines} />;
    if (bar.suppressed) {
      return (
        <g class="row row-suppressed">
          {label}
          <rect
            class="bar-suppressed"
            x={PAD}
            y={r2(barY)}
            width={r2(track)}
            height={BAR_HEIGHT}
            fill={`url(#${props.id}-hidden)`}
            stroke={MUTED}
            stroke-dasharray="4 3"
          />
          <text
            x={PAD + 8}
            y={r2(barY + 16)}
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
    const width = max > 0 ? (Math.max(0, bar.value) / max) * track : 0;
    return (
      <g class="row">
        {label}
        <rect class="bar" x={PAD} y={r2(barY)} width={r2(width)} height={BAR_HEIGHT} fill={BAR_COLOUR} />
        <text class="value" x={r2(PAD + width + 6)} y={r2(barY + 16)} fill={INK} safe>
          {props.format(bar.value)}
        </text>
      </g>
    );
  });
  const desc = describe(
    props.description,
    props.bars.map((b) => `${b.label}: ${b.suppressed ? props.suppressedText : props.format(b.value)}`),
  );
  return (
    <ChartFrame
      id={props.id}
      title={props.title}
      desc={desc}
      height={y + PAD}
      defs={<Patterns id={props.id} colours={[]} />}
      body={
        <>
          {rows}
          <line x1={PAD} x2={PAD} y1={PAD} y2={r2(y)} stroke={MUTED} stroke-width="1" />
        </>
      }
    />
  );
}
