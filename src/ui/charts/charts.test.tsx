import { describe, expect, it } from 'vitest';
import { BarChart } from './bar-chart.js';
import {
  BACKGROUND,
  BAR_COLOUR,
  INK,
  MUTED,
  SCALE_COLOURS,
  contrastRatio,
  textColourOn,
  wrapText,
} from './chart-parts.js';
import { DivergingBarChart } from './diverging-bar-chart.js';
import { percentFormat, pointsFormat } from './format.js';
import { NpsChart } from './nps-chart.js';
import { StackedBarChart } from './stacked-bar-chart.js';

function html(el: JSX.Element): string {
  if (typeof el !== 'string') throw new Error('charts render synchronously');
  return el;
}
const rowsOf = (svg: string): string[] =>
  [...svg.matchAll(/<g class="row[^"]*">([\s\S]*?)<\/g>/g)].map((m) => m[0]);
const attr = (markup: string, selector: RegExp, name: string): number[] =>
  [...markup.matchAll(selector)].map((m) => Number(new RegExp(`${name}="([-\\d.]+)"`).exec(m[0])?.[1]));
const textOf = (markup: string): string =>
  [...markup.matchAll(/>([^<>]+)</g)]
    .map((m) => m[1])
    .join(' ')
    .replace(/[ \t\n]+/g, ' ');
const pct = percentFormat('en', 0);

function expectAccessible(svg: string, title: string): void {
  expect(svg).toMatch(/^<svg [^>]*role="img"/);
  const labelledBy = /aria-labelledby="([^"]+)"/.exec(svg)?.[1]?.split(' ') ?? [];
  expect(labelledBy).toHaveLength(2);
  expect(svg).toContain(`<title id="${labelledBy[0]}">${title}</title>`);
  expect(svg).toContain(`<desc id="${labelledBy[1]}">`);
  expect(svg).toMatch(/viewBox="0 0 640 \d+"/);
  expect(svg).not.toMatch(/<svg[^>]* (width|height)=/);
}

describe('BarChart', () => {
  const bars = [
    { label: 'Agree', suppressed: false as const, value: 0.5 },
    { label: 'Undecided', suppressed: false as const, value: 0.25 },
    { label: 'None', suppressed: false as const, value: 0 },
    { label: 'Disagree', suppressed: true as const },
  ];
  const svg = html(
    <BarChart id="q1" title="Question one" bars={bars} format={pct} suppressedText="fewer than five" />,
  );

  it('is an accessible, scalable image', () => {
    expectAccessible(svg, 'Question one');
    expect(svg).toContain(
      '<desc id="q1-desc">Agree: 50%; Undecided: 25%; None: 0%; Disagree: fewer than five</desc>',
    );
  });

  it('draws bars proportional to their values', () => {
    const widths = attr(svg, /<rect class="bar"[^>]*>/g, 'width');
    expect(widths).toHaveLength(3);
    expect(widths[0]).toBeCloseTo(2 * (widths[1] ?? 0), 1);
    expect(widths[2]).toBe(0);
    expect(widths[0]).toBe(640 - 16 - 96);
  });

  it('draws a suppressed bar with the caller text and no number or proportional width', () => {
    const row = rowsOf(svg)[3] ?? '';
    expect(row).toContain('row-suppressed');
    expect(row).not.toContain('class="bar"');
    expect(textOf(row)).toBe('Disagree fewer than five');
    expect(textOf(row)).not.toMatch(/\d/);
  });

  it('escapes labels, titles and formatted values', () => {
    const evil = '<script>alert(1)</script>';
    const out = html(
      <BarChart
        id="x"
        title={evil}
        description={evil}
        bars={[{ label: evil, suppressed: false, value: 1 }]}
        format={() => evil}
        suppressedText={evil}
      />,
    );
    expect(out).not.toContain('<script>');
    // Text content needs only < and & escaped; no element can open.
    expect(out).toContain('&lt;script>alert(1)&lt;/script>');
    expect(out).not.toMatch(/<script/i);
  });

  it('formats numbers with the caller locale: Danish decimal comma', () => {
    const da = html(
      <BarChart
        id="da"
        title="Spørgsmål"
        bars={[{ label: 'Enig', suppressed: false, value: 0.125 }]}
        format={percentFormat('da', 1)}
        suppressedText="færre end 5"
      />,
    );
    expect(textOf(da)).toContain('12,5\u00a0%');
    expect(percentFormat('en', 1)(0.125)).toBe('12.5%');
  });

  it('wraps long labels over several lines', () => {
    const long = 'word '.repeat(60).trim();
    const out = html(
      <BarChart
        id="w"
        title="t"
        bars={[{ label: long, suppressed: false, value: 1 }]}
        format={pct}
        suppressedText="-"
      />,
    );
    expect((out.match(/<tspan/g) ?? []).length).toBeGreaterThan(2);
    expect(wrapText('aaaaaaaaaa bb', 4)).toEqual(['aaaa', 'aaaa', 'aa', 'bb']);
  });
});

describe('StackedBarChart', () => {
  const categories = ['Strongly disagree', 'Disagree', 'Neutral', 'Agree', 'Strongly agree'];
  const v = (value: number) => ({ suppressed: false as const, value });
  const hidden = { suppressed: true as const };
  const svg = html(
    <StackedBarChart
      id="lk"
      title="Likert"
      categories={categories}
      rows={[
        { label: 'Everyone', suppressed: false, cells: [v(0.1), v(0.2), v(0.3), v(0.25), v(0.15)] },
        { label: 'Women', suppressed: false, cells: [hidden, v(0.3), v(0.4), hidden, v(0.1)] },
        { label: 'Men', suppressed: true },
      ]}
      format={pct}
      suppressedText="fewer than 5"
    />,
  );
  const rows = rowsOf(svg);

  it('splits each bar in proportion to its cells, filling the track', () => {
    expectAccessible(svg, 'Likert');
    const widths = attr(rows[0] ?? '', /<rect class="segment"[^>]*>/g, 'width');
    expect(widths).toHaveLength(5);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(624, 1);
    expect((widths[2] ?? 0) / (widths[0] ?? 1)).toBeCloseTo(3, 2);
  });

  it('draws hidden cells as one block and names them without numbers', () => {
    const row = rows[1] ?? '';
    expect(attr(row, /<rect class="segment"[^>]*>/g, 'width')).toHaveLength(3);
    const block = attr(row, /<rect class="segment-suppressed"[^>]*>/g, 'width');
    expect(block).toHaveLength(1);
    expect(block[0]).toBeCloseTo(0.2 * 624, 1);
    expect(textOf(row)).toContain('fewer than 5: Strongly disagree, Agree');
    expect(svg).toContain(
      'Women: Strongly disagree fewer than 5, Disagree 30%, Neutral 40%, Agree fewer than 5',
    );
    expect(textOf(rows[2] ?? '')).toBe('Men fewer than 5');
  });

  it('gives every category its own pattern and a legend', () => {
    for (let i = 0; i < 5; i++) expect(svg).toContain(`<pattern id="lk-p${i}"`);
    expect(textOf(svg)).toContain('Strongly agree');
  });
});

describe('NpsChart', () => {
  const labels = ['Detractors', 'Passives', 'Promoters'] as const;
  it('shows the score and the split', () => {
    const svg = html(
      <NpsChart
        id="nps"
        title="Recommend"
        scoreLabel="NPS"
        score={{ suppressed: false, value: 25 }}
        formatScore={(s) => (s > 0 ? `+${s}` : String(s))}
        labels={labels}
        cells={[
          { suppressed: false, value: 0.25 },
          { suppressed: false, value: 0.25 },
          { suppressed: false, value: 0.5 },
        ]}
        format={pct}
        suppressedText="fewer than 5"
      />,
    );
    expectAccessible(svg, 'Recommend');
    expect(svg).toMatch(/<text class="score"[^>]*>NPS \+25<\/text>/);
    const widths = attr(svg, /<rect class="segment"[^>]*>/g, 'width');
    expect(widths).toEqual([156, 156, 312]);
  });

  it('shows no score when it is suppressed', () => {
    const hidden = { suppressed: true as const };
    const svg = html(
      <NpsChart
        id="nps2"
        title="Recommend"
        scoreLabel="NPS"
        score={hidden}
        formatScore={String}
        labels={labels}
        cells={[hidden, hidden, hidden]}
        format={pct}
        suppressedText="fewer than k"
      />,
    );
    expect(svg).toMatch(/<text class="score"[^>]*>NPS fewer than k<\/text>/);
    expect(svg).not.toContain('class="segment"');
    expect(textOf(svg)).not.toMatch(/\d/);
  });
});

describe('DivergingBarChart', () => {
  const svg = html(
    <DivergingBarChart
      id="rep"
      title="Representativeness"
      rows={[
        { label: 'Under 30', suppressed: false, sample: 0.1, population: 0.2 },
        { label: '30 to 59', suppressed: false, sample: 0.55, population: 0.5 },
        { label: 'Over 60', suppressed: true },
      ]}
      sampleLabel="Sample"
      populationLabel="Population"
      format={pct}
      formatDifference={pointsFormat('en', 'pp')}
      suppressedText="fewer than 5"
      axisLabels={{ under: 'Under-represented', over: 'Over-represented' }}
    />,
  );
  it('draws deviations left and right of zero, proportional to their size', () => {
    expectAccessible(svg, 'Representativeness');
    const [under, over] = rowsOf(svg);
    const u = /<rect class="bar bar-under"[^>]*>/.exec(under ?? '')?.[0] ?? '';
    const o = /<rect class="bar bar-over"[^>]*>/.exec(over ?? '')?.[0] ?? '';
    const num = (m: string, n: string): number => Number(new RegExp(`${n}="([-\\d.]+)"`).exec(m)?.[1]);
    expect(num(u, 'x') + num(u, 'width')).toBeCloseTo(320, 1);
    expect(num(o, 'x')).toBe(320);
    expect(num(u, 'width')).toBeCloseTo(2 * num(o, 'width'), 1);
    expect(textOf(under ?? '')).toContain('-10.0\u00a0pp');
    expect(textOf(over ?? '')).toContain('+5.0\u00a0pp');
    expect(textOf(under ?? '')).toContain('Sample 10% · Population 20%');
  });

  it('shows a suppressed category without numbers', () => {
    const row = rowsOf(svg)[2] ?? '';
    expect(row).not.toContain('class="bar');
    expect(textOf(row)).toBe('Over 60 fewer than 5');
  });

  it('formats Danish points with a decimal comma', () => {
    expect(pointsFormat('da', 'procentpoint')(0.052)).toBe('+5,2\u00a0procentpoint');
  });
});

describe('colours', () => {
  it('keeps text at 4.5:1 or more and bars at 3:1 against the background', () => {
    expect(contrastRatio(INK, BACKGROUND)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(MUTED, BACKGROUND)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(BAR_COLOUR, BACKGROUND)).toBeGreaterThanOrEqual(3);
    for (const fill of [...SCALE_COLOURS, '#777777', '#767676', '#888888'])
      expect(contrastRatio(fill, textColourOn(fill))).toBeGreaterThanOrEqual(4.5);
  });
});
