import type { PageContext } from '../../../ui/page-context.js';
import type { OutcomeDecision } from '../build-outcomes.js';

type Level = 2 | 3 | 4 | 5;

/** A heading of a given level, so the same parts nest under an initiative page or the organization page. */
export function Heading(props: { level: Level; id?: string; text: string }): JSX.Element {
  switch (props.level) {
    case 2:
      return (
        <h2 id={props.id} safe>
          {props.text}
        </h2>
      );
    case 3:
      return (
        <h3 id={props.id} safe>
          {props.text}
        </h3>
      );
    case 4:
      return (
        <h4 id={props.id} safe>
          {props.text}
        </h4>
      );
    case 5:
      return (
        <h5 id={props.id} safe>
          {props.text}
        </h5>
      );
  }
}

/** A decision's date in the reader's language (dates are calendar days, so no time zone shift). */
function day(ctx: PageContext, iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(ctx.locale === 'da' ? 'da-DK' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(date);
}

/** What people said about a decision: counts and quotes, or only "fewer than k people". */
function WhatYouSaid(props: { ctx: PageContext; d: OutcomeDecision; k: number; level: Level }): JSX.Element {
  const { ctx, d, k } = props;
  const t = ctx.t;
  const said = d.said;
  return (
    <>
      <Heading level={props.level} text={t('outcomes:whatYouSaid')} />
      {!said.linked ? (
        <p safe>{t('outcomes:noInput')}</p>
      ) : said.suppressed ? (
        <p class="suppressed" safe>
          {t('outcomes:fewerThan', { k })}
        </p>
      ) : (
        <>
          <p safe>{t('outcomes:contributors', { count: said.contributors ?? 0 })}</p>
          <ul>
            {said.inputs.map((i) => (
              <li safe>{t(`outcomes:kinds.${i.kind}`, { count: i.count })}</li>
            ))}
          </ul>
          {said.quotes.length > 0 ? (
            <div class="quotes">
              <p class="muted" safe>
                {t('outcomes:quotesNote')}
              </p>
              {said.quotes.map((q) => (
                <blockquote class="quote">
                  <p safe>{q}</p>
                </blockquote>
              ))}
            </div>
          ) : (
            ''
          )}
        </>
      )}
    </>
  );
}

/** One decision: what was decided, its status, who and when, why, "we did not, because …", what you said. */
export function DecisionOutcome(props: {
  ctx: PageContext;
  d: OutcomeDecision;
  k: number;
  level: 3 | 4;
}): JSX.Element {
  const { ctx, d, k, level } = props;
  const t = ctx.t;
  const sub = (level + 1) as Level;
  return (
    <article class={`decision status-${d.status}`} aria-labelledby={`d-${d.id}`}>
      <Heading level={level} id={`d-${d.id}`} text={d.title} />
      <dl class="facts">
        <dt safe>{t('outcomes:status')}</dt>
        <dd>
          <strong class="status-label" safe>
            {t(`outcomes:statuses.${d.status}`)}
          </strong>
        </dd>
      </dl>
      <p class="muted">
        <time datetime={d.decidedOn} safe>
          {t('outcomes:decided', { who: t(`outcomes:deciders.${d.decidedBy}`), date: day(ctx, d.decidedOn) })}
        </time>
      </p>
      {d.rationale ? (
        <>
          <Heading level={sub} text={t('outcomes:rationale')} />
          <p class="prose" safe>
            {d.rationale}
          </p>
        </>
      ) : (
        ''
      )}
      {d.status === 'not_adopted' ? (
        <>
          <Heading level={sub} text={t('outcomes:weDidNot')} />
          <p class="prose reason" safe>
            {d.notAdoptedReason}
          </p>
        </>
      ) : (
        ''
      )}
      <WhatYouSaid ctx={ctx} d={d} k={k} level={sub} />
    </article>
  );
}

/** An initiative's decisions by topic ("Other" last), headings starting at `level`. */
export function TopicSections(props: {
  ctx: PageContext;
  idPrefix: string;
  topics: { topic: string | null; decisions: OutcomeDecision[] }[];
  k: number;
  level: 2 | 3;
}): JSX.Element {
  const { ctx, k, level } = props;
  return (
    <>
      {props.topics.map((g, index) => (
        <section class="topic" aria-labelledby={`${props.idPrefix}-t${index}`}>
          <Heading
            level={level}
            id={`${props.idPrefix}-t${index}`}
            text={g.topic ?? ctx.t('outcomes:other')}
          />
          {g.decisions.map((d) => (
            <DecisionOutcome ctx={ctx} d={d} k={k} level={(level + 1) as 3 | 4} />
          ))}
        </section>
      ))}
    </>
  );
}
