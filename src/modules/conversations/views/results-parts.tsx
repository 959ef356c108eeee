import type { PageContext } from '../../../ui/page-context.js';
import type { StoredAnalysis } from '../analysis-result.js';
import type { Statement } from '../conversations.table.js';
import { groupLabel } from './opinion-map.js';

const percent = (ctx: PageContext, share: number) =>
  new Intl.NumberFormat(ctx.locale === 'da' ? 'da-DK' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(share);

/** A card per opinion group: its size, and its representative statements with the share that agrees. */
export function GroupCards(props: {
  ctx: PageContext;
  analysis: StoredAnalysis;
  statements: Map<string, Statement>;
  headingLevel?: 2 | 3;
}): JSX.Element {
  const { ctx, analysis, statements } = props;
  const t = ctx.t;
  if (analysis.groups.length === 0) return <></>;
  return (
    <section aria-labelledby="groups-title" class="opinion-groups">
      <h2 id="groups-title" safe>
        {t('conversations:groups.title')}
      </h2>
      <div class="group-cards">
        {analysis.groups.map((g, i) => (
          <article class={`group-card group-colour-${i % 5}`} aria-labelledby={`group-${g.id}`}>
            <h3 id={`group-${g.id}`} safe>
              {`${t('conversations:groups.group', { group: groupLabel(g.id) })} · ${t('conversations:groups.size', { size: g.participants.length })}`}
            </h3>
            <h4 safe>{t('conversations:groups.representative')}</h4>
            {g.representative.length === 0 ? (
              <p safe>{t('conversations:groups.none')}</p>
            ) : (
              <ul>
                {g.representative.map((r) => (
                  <li>
                    <q safe>{statements.get(r.statementId)?.body ?? ''}</q>{' '}
                    <span class="hint" safe>
                      {`${t(`conversations:groups.direction.${r.direction}`)}; ${t('conversations:groups.agreeShare', { share: percent(ctx, r.agreeShare) })}`}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </article>
        ))}
      </div>
    </section>
  );
}

/** The statements nearly everyone agrees on (group-informed consensus). */
export function ConsensusList(props: {
  ctx: PageContext;
  analysis: StoredAnalysis;
  statements: Map<string, Statement>;
  showScores?: boolean;
}): JSX.Element {
  const { ctx, analysis, statements } = props;
  const t = ctx.t;
  const items = analysis.consensus
    .filter((c) => statements.get(c.statementId)?.status === 'approved')
    .slice(0, 5);
  return (
    <section aria-labelledby="consensus-title">
      <h2 id="consensus-title" safe>
        {t('conversations:consensus.title')}
      </h2>
      <p safe>{t('conversations:consensus.intro')}</p>
      {items.length === 0 ? (
        <p safe>{t('conversations:consensus.none')}</p>
      ) : (
        <ol>
          {items.map((c) => (
            <li>
              <q safe>{statements.get(c.statementId)?.body ?? ''}</q>
              {props.showScores ? (
                <span
                  class="hint"
                  safe
                >{` (${t('conversations:consensus.score', { score: c.score.toFixed(2) })})`}</span>
              ) : (
                ''
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The statements the groups disagree on most (staff pages). */
export function DivisiveList(props: {
  ctx: PageContext;
  analysis: StoredAnalysis;
  statements: Map<string, Statement>;
}): JSX.Element {
  const { ctx, analysis, statements } = props;
  const t = ctx.t;
  const items = analysis.divisive
    .filter((c) => statements.get(c.statementId)?.status === 'approved')
    .slice(0, 5);
  return (
    <section aria-labelledby="divisive-title">
      <h2 id="divisive-title" safe>
        {t('conversations:divisive.title')}
      </h2>
      {items.length === 0 ? (
        <p safe>{t('conversations:divisive.none')}</p>
      ) : (
        <ol>
          {items.map((c) => (
            <li safe>{statements.get(c.statementId)?.body ?? ''}</li>
          ))}
        </ol>
      )}
    </section>
  );
}
