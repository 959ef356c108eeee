// Shared pieces of the SVG charts: the accessible frame, wrapped labels, colours with readable text,
// fill patterns (so categories never differ by colour alone) and coordinate rounding. Charts are plain
// server-rendered SVG in viewBox units: they scale with their container, print, and need no script.

/** Width of every chart in viewBox units. */
export const WIDTH = 640;
export const PAD = 8;
export const FONT_SIZE = 14;
export const LINE = 18;
/** Text colour on the white background: 16:1 contrast. */
export const INK = '#1f2328';
/** Secondary text (details, axis): 7.5:1 on white. */
export const MUTED = '#4b5259';
export const BACKGROUND = '#ffffff';

/** A value to draw, or a hidden one (small-cell suppression): a hidden value carries no number at all. */
export type ChartValue =
  { readonly suppressed: true } | { readonly suppressed: false; readonly value: number };

/** Rounds a coordinate to 2 decimals so the markup stays short. */
export function r2(x: number): number {
  return Math.round(x * 100) / 100;
}

function channel(hex: string, at: number): number {
  const v = parseInt(hex.slice(at, at + 2), 16) / 255;
  return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of a `#rrggbb` colour. */
export function luminance(hex: string): number {
  return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
}

/** WCAG contrast ratio of two `#rrggbb` colours (1..21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

/** Black or white text, whichever reads better on `fill` (always at least 4.5:1 for any colour). */
export function textColourOn(fill: string): string {
  return contrastRatio(fill, '#000000') >= contrastRatio(fill, '#ffffff') ? '#000000' : '#ffffff';
}

/** A diverging palette from low (orange) through neutral grey to high (blue). */
export const SCALE_COLOURS = ['#8c2d04', '#d95f0e', '#fdae6b', '#d9d9d9', '#9ecae1', '#4292c6', '#08519c'];
/** The colour of a single-series bar: 7:1 against white. */
export const BAR_COLOUR = '#2f5d8a';

/** `count` colours spread over the diverging palette, in order from low to high. */
export function scaleColours(count: number): string[] {
  const last = SCALE_COLOURS.length - 1;
  if (count <= 1) return [SCALE_COLOURS[last] ?? BAR_COLOUR];
  return Array.from({ length: count }, (_, i) => {
    const at =
      count <= SCALE_COLOURS.length ? Math.round((i * last) / (count - 1)) : i % SCALE_COLOURS.length;
    return SCALE_COLOURS[at] ?? BAR_COLOUR;
  });
}

const PATTERN_PATHS = [
  '',
  'M0,8 L8,0',
  'M0,4 L8,4',
  'M4,0 L4,8',
  'M0,0 L8,8',
  'M0,8 L8,0 M0,0 L8,8',
  'M2,2 h1 M6,6 h1',
];

/** Fill patterns, one per category: the base colour with its own line texture, so print in grey still tells them apart. */
export function Patterns(props: { id: string; colours: readonly string[] }): JSX.Element {
  return (
    <defs>
      {props.colours.map((colour, i) => {
        const path = PATTERN_PATHS[i % PATTERN_PATHS.length] ?? '';
        return (
          <pattern id={`${props.id}-p${i}`} width="8" height="8" patternUnits="userSpaceOnUse">
            <rect width="8" height="8" fill={colour} />
            {path ? (
              <path d={path} stroke={textColourOn(colour)} stroke-width="1" stroke-opacity="0.35" />
            ) : (
              ''
            )}
          </pattern>
        );
      })}
      <pattern id={`${props.id}-hidden`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill={BACKGROUND} />
        <path d="M0,6 L6,0" stroke={MUTED} stroke-width="1" stroke-opacity="0.5" />
      </pattern>
    </defs>
  );
}

/** Splits a label into lines of at most about `maxChars` characters (SVG text does not wrap). */
export function wrapText(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let rest = word;
    while (rest.length > maxChars) {
      if (line) lines.push(line);
      line = '';
      lines.push(rest.slice(0, maxChars));
      rest = rest.slice(maxChars);
    }
    if (!line) line = rest;
    else if (line.length + 1 + rest.length <= maxChars) line += ` ${rest}`;
    else {
      lines.push(line);
      line = rest;
    }
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

/** Characters that fit on a line of `width` units at the chart's font size (a generous estimate). */
export function charsFor(width: number): number {
  return Math.max(8, Math.floor(width / (FONT_SIZE * 0.56)));
}

/** A label of one or more lines whose first baseline is at `y`. */
export function Label(props: {
  x: number;
  y: number;
  lines: readonly string[];
  fill?: string;
  anchor?: string;
}): JSX.Element {
  return (
    <text x={r2(props.x)} y={r2(props.y)} fill={props.fill ?? INK} text-anchor={props.anchor ?? 'start'}>
      {props.lines.map((line, i) => (
        <tspan x={r2(props.x)} dy={i === 0 ? '0' : String(LINE)} safe>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/**
 * The accessible SVG root: `role="img"`, labelled by its `<title>` and described by its `<desc>`, which
 * carries every number shown (screen readers do not read the drawing inside an image). `body` is the
 * already-rendered drawing.
 */
export function ChartFrame(props: {
  id: string;
  title: string;
  desc: string;
  height: number;
  defs?: JSX.Element;
  body: JSX.Element;
}): JSX.Element {
  const height = Math.ceil(props.height);
  const defs = props.defs ?? <></>;
  const { body } = props;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby={`${props.id}-title ${props.id}-desc`}
      class="chart"
      font-family="system-ui, -apple-system, 'Segoe UI', sans-serif"
      font-size={String(FONT_SIZE)}
    >
      <title id={`${props.id}-title`} safe>
        {props.title}
      </title>
      <desc id={`${props.id}-desc`} safe>
        {props.desc}
      </desc>
      {defs}
      <rect width={WIDTH} height={height} fill={BACKGROUND} />
      {body}
    </svg>
  );
}

/** Joins an optional lead-in and the per-row facts into the text of `<desc>`. */
export function describe(description: string | undefined, facts: readonly string[]): string {
  return [description?.trim(), facts.join('; ')].filter(Boolean).join(' ');
}
