import {
  PULSE_QUESTIONS,
  type PulseGroup,
  type PulseQuestion,
  type QuestionResult,
} from '../../../analysis/pulse/index.js';
import type { Guarded } from '../../../analysis/survey-results/index.js';
import { BarChart, numberFormat } from '../../../ui/charts/index.js';
import type { PageContext } from '../../../ui/page-context.js';

// Pieces of the pulse report: tables first (exact, read by screen readers, printable) and SVG bars
// with a title and description; a suppressed group or question says "fewer than k" and nothing else.

function chartLocale(ctx: PageContext): string {
  return ctx.locale === 'da' ? 'da-DK' : 'en-GB';
}

/** "fewer than k". */
export function fewer(ctx: PageContext, k: number): string {
  return ctx.t('pulse:staff.fewer', { k });
}

/** A mean with its interval (or without one, with a single respondent; or why it is hidden). */
export function meanText(ctx: PageContext, result: QuestionResult): string {
  const f = numberFormat(chartLocale(ctx), 2);
  if (!result.mean) return '–';
  if (result.mean.suppressed) return ctx.t('pulse:staff.meanHidden', { k: result.mean.k });
  if (!result.mean.ci) return ctx.t('pulse:staff.meanOnly', { mean: f(result.mean.mean) });
  return ctx.t('pulse:staff.mean', {
    mean: f(result.mean.mean),
    lower: f(result.mean.ci.lower),
    upper: f(result.mean.ci.upper),
  });
}

/** One question of a shown group: the bars per point and the mean. */
export function QuestionBlock(props: {
  ctx: PageContext;
  id: string;
  question: PulseQuestion;
  /** The report's small-cell threshold, for the "fewer than k" of hidden points. */
  k: number;
  result: Guarded<QuestionResult>;
}): JSX.Element {
  const { ctx, result, question } = props;
  const t = ctx.t;
  const title = t(`pulse:questions.${question}`);
  return (
    <div class="pulse-question">
      <h3 safe>{title}</h3>
      {result.suppressed ? (
        <p class="suppressed" safe>
          {fewer(ctx, result.k)}
        </p>
      ) : (
        <>
          <p
            safe
          >{`${t('pulse:staff.respondents')}: ${result.respondents}. ${t('pulse:staff.meanLine', { mean: meanText(ctx, result) })}`}</p>
          <figure class="chart">
            {BarChart({
              id: props.id,
              title: t('pulse:staff.chartTitle', { question: title }),
              description: t('pulse:staff.chartDesc'),
              // A hidden point is drawn as the chart's fixed-width hatched track, never with its length.
              bars: result.counts.map((n, i) => {
                const label = `${i + 1} – ${t(`pulse:scale.${question}.${i + 1}`)}`;
                return n === null
                  ? { label, suppressed: true as const }
                  : { label, suppressed: false as const, value: n };
              }),
              format: numberFormat(chartLocale(ctx)),
              suppressedText: fewer(ctx, props.k),
            })}
          </figure>
        </>
      )}
    </div>
  );
}

/** Rows of groups (kinds or segments): answers and each question's mean with its interval. */
export function GroupTable(props: {
  ctx: PageContext;
  caption: string;
  rows: { label: string; group: PulseGroup }[];
}): JSX.Element {
  const { ctx } = props;
  const t = ctx.t;
  return (
    <table class="results-table">
      <caption safe>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col" safe>
            {t('pulse:staff.group')}
          </th>
          <th scope="col" safe>
            {t('pulse:staff.respondents')}
          </th>
          {PULSE_QUESTIONS.map((q) => (
            <th scope="col" safe>
              {t(`pulse:questions.${q}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map(({ label, group }) => (
          <tr>
            <th scope="row" safe>
              {label}
            </th>
            {group.suppressed ? (
              <td colspan={String(1 + PULSE_QUESTIONS.length)} class="suppressed" safe>
                {fewer(ctx, group.k)}
              </td>
            ) : (
              <>
                <td class="num" safe>
                  {String(group.respondents)}
                </td>
                {PULSE_QUESTIONS.map((q) => {
                  const r = group.questions[q];
                  return r.suppressed ? (
                    <td class="suppressed" safe>
                      {fewer(ctx, r.k)}
                    </td>
                  ) : (
                    <td class="num" safe>
                      {meanText(ctx, r)}
                    </td>
                  );
                })}
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The free texts of shown groups, one list per group; suppressed groups are left out entirely. */
export function Comments(props: {
  ctx: PageContext;
  groups: { label: string; group: PulseGroup }[];
}): JSX.Element {
  const { ctx } = props;
  const shown = props.groups.filter((g) => !g.group.suppressed && g.group.comments.length > 0);
  if (shown.length === 0) return <></>;
  return (
    <>
      {shown.map(({ label, group }) => {
        const heading = ctx.t('pulse:staff.commentsOf', { group: label });
        return (
          <details class="pulse-comments">
            <summary safe>{heading}</summary>
            <ul>{group.suppressed ? '' : group.comments.map((c) => <li safe>{c}</li>)}</ul>
          </details>
        );
      })}
    </>
  );
}
