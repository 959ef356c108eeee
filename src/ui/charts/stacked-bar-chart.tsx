import {
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
  scaleColours,
  textColourOn,
  wrapText,
  type ChartValue,
} from './chart-parts.js';

/** One stacked bar: a question, or a segment of a breakdown; hidden whole or with hidden cells. */
export type StackedRow = { readonly label: string } & (
  | { readonly suppressed: true }
  | {
      readonly suppressed: false;
      /** One value per category, in the categories' order. */
      readonly cells: readonly ChartValue[];
      /** What the cells add up to (1 for shares, the default; the respondents for counts). */
      readonly total?: number;
    }
);

const BAR_HEIGHT = 26;
const SWATCH = 14;

function textFits(text: string, width: number): boolean {
  return text.length * FONT_SIZE * 0.6 + 6 <= width;
}

/** The legend: one patterned swatch and label per category, flowing over as many lines as needed. */
export function Legend(props: { id: string; y: number; labels: readonly string[] }): {
  el: JSX.Element;
  height: number;
} {
  let x = PAD;
  let y = props.y;
  const items = props.labels.map((label, i) => {
    const width = SWATCH + 6 + label.length * FONT_SIZE * 0.56 + 18;
    if (x > PAD && x + width > WIDTH - PAD) {
      x = PAD;
      y += LINE + 4;
    }
    const el = (
      <>
        <rect
          x={r2(x)}
          y={r2(y)}
          width={SWATCH}
          height={SWATCH}
          fill={`url(#${props.id}-p${i})`}
          stroke={INK}
          stroke-width="0.5"
        />
        <text x={r2(x + SWATCH + 6)} y={r2(y + 12)} fill={INK} safe>
          {label}
        </text>
      </>
    );
    x += width;
    return el;
  });
  return { el: <g class="legend">{items}</g>, height: y - props.y + LINE + 8 };
}

/**
 * Draws one stacked bar at `y` (internal to the charts): shown cells in category order with their value
 * text inside when it fits, then one hatched block for all hidden cells together (so no hidden cell's
 * width or position is given away), then a note naming the hidden categories.
 */
export function stackedBar(props: {
  id: string;
  y: number;
  label: string;
  row: StackedRow;
  categories: readonly string[];
  colours: readonly string[];
  format: (value: number) => string;
  suppressedText: string;
}): { el: JSX.Element; height: number } {
  const { row } = props;
  const track = WIDTH - 2 * PAD;
  const lines = props.label ? wrapText(props.label, charsFor(track)) : [];
  const barY = props.y + lines.length * LINE + (lines.length > 0 ? 4 : 0);
  const label = lines.length > 0 ? <Label x={PAD} y={props.y + FONT_SIZE} lines={lines} /> : '';
  if (row.suppressed) {
    return {
      el: (
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
            y={r2(barY + 18)}
            fill={INK}
            stroke="#ffffff"
            stroke-width="4"
            paint-order="stroke"
            safe
          >
            {props.suppressedText}
          </text>
        </g>
      ),
      height: barY - props.y + BAR_HEIGHT + 14,
    };
  }
  const total = row.total ?? 1;
  let x = PAD;
  let shownSum = 0;
  const segments = row.cells.map((cell, i) => {
    if (cell.suppressed || cell.value <= 0 || total <= 0) return '';
    shownSum += cell.value;
    const width = (cell.value / total) * track;
    const colour = props.colours[i] ?? MUTED;
    const text = props.format(cell.value);
    const el = (
      <>
        <rect
          class="segment"
          x={r2(x)}
          y={r2(barY)}
          width={r2(width)}
          height={BAR_HEIGHT}
          fill={`url(#${props.id}-p${i})`}
          stroke={INK}
          stroke-width="0.5"
        />
        {textFits(text, width) ? (
          <text
            x={r2(x + width / 2)}
            y={r2(barY + 18)}
            text-anchor="middle"
            fill={textColourOn(colour)}
            stroke={colour}
            stroke-width="3"
            paint-order="stroke"
            safe
          >
            {text}
          </text>
        ) : (
          ''
        )}
      </>
    );
    x += width;
    return el;
  });
  const hiddenCategories = props.categories.filter((_, i) => row.cells[i]?.suppressed === true);
  const rest = total > 0 ? Math.max(0, 1 - shownSum / total) * track : 0;
  const hiddenBlock =
    hiddenCategories.length > 0 && rest > 0.5 ? (
      <rect
        class="segment-suppressed"
        x={r2(x)}
        y={r2(barY)}
        width={r2(rest)}
        height={BAR_HEIGHT}
        fill={`url(#${props.id}-hidden)`}
        stroke={MUTED}
        stroke-dasharray="4 3"
      />
    ) : (
      ''
    );
  const noteLines =
    hiddenCategories.length > 0
      ? wrapText(`${props.suppressedText}: ${hiddenCategories.join(', ')}`, charsFor(track))
      : [];
  const note =
    noteLines.length > 0 ? (
      <Label x={PAD} y={barY + BAR_HEIGHT + FONT_SIZE + 2} lines={noteLines} fill={MUTED} />
    ) : (
      ''
    );
  return {
    el: (
      <g class="row">
        {label}
        {segments}
        {hiddenBlock}
        {note}
      </g>
    ),
    height: barY - props.y + BAR_HEIGHT + noteLines.length * LINE + 14,
  };
}

/** The facts of one stacked row for `<desc>`. */
export function describeRow(
  label: string,
  row: StackedRow,
  categories: readonly string[],
  format: (value: number) => string,
  suppressedText: string,
): string {
  if (row.suppressed) return `${label}: ${suppressedText}`;
  const parts = categories.map((category, i) => {
    const cell = row.cells[i];
    return `${category} ${!cell || cell.suppressed ? suppressedText : format(cell.value)}`;
  });
  return label ? `${label}: ${parts.join(', ')}` : parts.join(', ');
}

/**
 * A stacked bar chart for Likert questions: one bar per question, or per segment of a breakdown, with
 * the scale's points as categories (low to high, diverging colours plus a texture each, and a legend).
 */
export function StackedBarChart(props: {
  id: string;
  title: string;
  description?: string;
  categories: readonly string[];
  rows: readonly StackedRow[];
  format: (value: number) => string;
  suppressedText: string;
}): JSX.Element {
  const colours = scaleColours(props.categories.length);
  const legend = Legend({ id: props.id, y: PAD, labels: props.categories });
  let y = PAD + legend.height;
  const bars = props.rows.map((row) => {
    const bar = stackedBar({ ...props, y, label: row.label, row, colours });
    y += bar.height;
    return bar.el;
  });
  const legendEl = legend.el;
  const desc = describe(
    props.description,
    props.rows.map((row) =>
      describeRow(row.label, row, props.categories, props.format, props.suppressedText),
    ),
  );
  return (
    <ChartFrame
      id={props.id}
      title={props.title}
      desc={desc}
      height={y + PAD}
      defs={<Patterns id={props.id} colours={colours} />}
      body={
        <>
          {legendEl}
          {bars}
        </>
      }
    />
  );
}
