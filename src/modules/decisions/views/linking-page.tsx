import { Notice } from '../../../ui/components.js';
import { StaffLayout } from '../../../ui/layout.js';
import type { PageContext } from '../../../ui/page-context.js';
import type { Initiative } from '../../initiatives/initiatives.table.js';
import type { InputSearch } from '../decision-input.js';
import type { Decision } from '../decisions.table.js';
import type { InputKind } from '../input-source.js';
import type { InputHit } from '../search-inputs.js';
import { ReviewCell } from './decision-pages.js';
import { aboutInput, Crumbs, decisionPath, excerpt, Problem, RowAction, When } from './parts.js';

/**
 * The linking screen of a decision: one search across every kind of the initiative's input, each hit
 * with its kind, date, excerpt, the decisions it is already linked to, and Link / Mark reviewed forms
 * that work without JavaScript.
 */
export function LinkingPage(props: {
  ctx: PageContext;
  initiative: Initiative;
  decision: Decision;
  search: InputSearch;
  kinds: InputKind[];
  hits: InputHit[];
  canManage: boolean;
  notice?: string | undefined;
  problem?: string | undefined;
}): JSX.Element {
  const { ctx, initiative, decision, search } = props;
  const t = ctx.t;
  const path = decisionPath(initiative.id, decision.id);
  const title = t('decisions:linking.title', { title: decision.title });
  // Each form sends the search back so the page comes back to the same hits.
  const back: Record<string, string> = { q: search.q, within: search.kind ?? '' };
  return (
    <StaffLayout ctx={ctx} title={title}>
      <Crumbs ctx={ctx} initiative={initiative} decision={decision} />
      <h1 safe>{title}</h1>
      <Notice text={props.notice} />
      <Problem text={props.problem} />
      <p safe>{t('decisions:linking.intro')}</p>
      <form method="get" action={`${path}/link`} role="search" class="search">
        <div class="field">
          <label for="f-q" safe>
            {t('decisions:linking.query')}
          </label>
          <p class="hint" id="f-q-hint" safe>
            {t('decisions:linking.queryHint')}
          </p>
          <input
            id="f-q"
            name="q"
            type="search"
            value={search.q}
            maxlength={200}
            aria-describedby="f-q-hint"
          />
        </div>
        <div class="field">
          <label for="f-kind" safe>
            {t('decisions:linking.kind')}
          </label>
          <select id="f-kind" name="kind">
            <option value="" selected={!search.kind} safe>
              {t('decisions:linking.allKinds')}
            </option>
            {props.kinds.map((k) => (
              <option value={k} selected={search.kind === k} safe>
                {t(`decisions:kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button primary" safe>
          {t('decisions:actions.search')}
        </button>
      </form>
      <h2 id="hits-title" safe>
        {t('decisions:linking.results', { count: props.hits.length })}
      </h2>
      {props.hits.length === 0 ? (
        <p safe>{t('decisions:linking.none')}</p>
      ) : (
        <ul class="hits" aria-labelledby="hits-title">
          {props.hits.map((hit) => (
            <Hit
              ctx={ctx}
              hit={hit}
              decisionId={decision.id}
              path={path}
              back={back}
              canManage={props.canManage}
            />
          ))}
        </ul>
      )}
      <p>
        <a href={path} safe>
          {t('decisions:actions.backToDecision')}
        </a>
      </p>
    </StaffLayout>
  );
}

function Hit(props: {
  ctx: PageContext;
  hit: InputHit;
  decisionId: string;
  path: string;
  back: Record<string, string>;
  canManage: boolean;
}): JSX.Element {
  const { ctx, hit } = props;
  const t = ctx.t;
  const { item } = hit;
  const here = hit.linkedTo.some((l) => l.decisionId === props.decisionId);
  const elsewhere = hit.linkedTo.filter((l) => l.decisionId !== props.decisionId);
  const kindLabel = t(`decisions:kinds.${item.kind}`);
  return (
    <li class="hit" id={`hit-${item.kind}-${item.id}`}>
      <h3>
        {item.href ? (
          <a href={item.href} safe>
            {item.label}
          </a>
        ) : (
          <span safe>{item.label}</span>
        )}
      </h3>
      <p class="meta">
        <span safe>{kindLabel}</span>
        {' · '}
        <When ctx={ctx} iso={item.createdAt} />
      </p>
      {item.text ? <p safe>{excerpt(item.text)}</p> : ''}
      <p safe>{here ? t('decisions:linking.linkedHere') : t('decisions:linking.notLinked')}</p>
      {elsewhere.length > 0 ? (
        <p>
          <span safe>{t('decisions:linking.linkedElsewhere')}</span>{' '}
          {elsewhere.map((l, i) => (
            <>
              {i > 0 ? ', ' : ''}
              <a href={decisionPath(item.initiativeId, l.decisionId)} safe>
                {l.title}
              </a>
            </>
          ))}
        </p>
      ) : (
        ''
      )}
      <div class="actions">
        {props.canManage && !here ? (
          <RowAction
            ctx={ctx}
            action={`${props.path}/links`}
            fields={{ inputKind: item.kind, inputId: item.id, ...props.back }}
            label={t('decisions:actions.link')}
            about={aboutInput(ctx, item)}
            kind="primary"
          />
        ) : (
          ''
        )}
        <ReviewCell
          ctx={ctx}
          action={`${props.path}/review`}
          input={{ kind: item.kind, id: item.id, label: item.label, text: item.text }}
          reviewedAt={hit.reviewedAt}
          canManage={props.canManage}
          back={{ from: 'link', ...props.back }}
        />
      </div>
    </li>
  );
}
