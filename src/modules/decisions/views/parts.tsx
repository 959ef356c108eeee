import type { PageContext } from '../../../ui/page-context.js';
import type { Initiative } from '../../initiatives/initiatives.table.js';

/** Where an initiative's decisions live for staff. */
export const decisionsPath = (initiativeId: string) =>
  `/staff/initiatives/${encodeURIComponent(initiativeId)}/decisions`;

/** Where one decision lives for staff. */
export const decisionPath = (initiativeId: string, decisionId: string) =>
  `${decisionsPath(initiativeId)}/${encodeURIComponent(decisionId)}`;

/** The linking screen of a decision, with a search (and its notice) kept in the query string. */
export function linkingPath(
  initiativeId: string,
  decisionId: string,
  search: { q?: string | undefined; kind?: string | undefined; notice?: string | undefined } = {},
): string {
  const query = new URLSearchParams();
  if (search.q) query.set('q', search.q);
  if (search.kind) query.set('kind', search.kind);
  if (search.notice) query.set('notice', search.notice);
  const qs = query.toString();
  return `${decisionPath(initiativeId, decisionId)}/link${qs ? `?${qs}` : ''}`;
}

/** A date as text in the reader's language. */
export function dateText(ctx: PageContext, iso: string): string {
  return new Intl.DateTimeFormat(ctx.locale === 'da' ? 'da-DK' : 'en-GB', {
    dateStyle: 'medium',
    timeZone: 'UTC',
  }).format(new Date(iso));
}

/** A date in the reader's language, machine-readable too. */
export function When({ ctx, iso }: { ctx: PageContext; iso: string }): JSX.Element {
  const text = dateText(ctx, iso);
  return (
    <time datetime={iso} safe>
      {text}
    </time>
  );
}

/** The start of a contributor's words, short enough for a list. */
export function excerpt(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/**
 * What a row's buttons act on, for screen readers: the kind, the label and the start of the words
 * (two responses to one survey on one day share a label, so the words tell them apart).
 */
export function aboutInput(ctx: PageContext, input: { kind: string; label: string; text: string }): string {
  const kind = ctx.t(`decisions:kinds.${input.kind}`);
  return input.text.trim() === ''
    ? `${kind} ${input.label}`
    : `${kind} ${input.label}, “${excerpt(input.text, 60)}”`;
}

/** Breadcrumbs back to the initiative and, deeper down, its decisions (and one decision). */
export function Crumbs({
  ctx,
  initiative,
  decision,
}: {
  ctx: PageContext;
  initiative: Initiative;
  decision?: { id: string; title: string } | 'list' | undefined;
}): JSX.Element {
  return (
    <nav aria-label={ctx.t('decisions:breadcrumbs')}>
      <p>
        <a href={`/staff/initiatives/${encodeURIComponent(initiative.id)}`} safe>
          {initiative.title}
        </a>
        {decision ? (
          <>
            {' › '}
            <a href={decisionsPath(initiative.id)} safe>
              {ctx.t('decisions:link')}
            </a>
          </>
        ) : (
          ''
        )}
        {decision && decision !== 'list' ? (
          <>
            {' › '}
            <a href={decisionPath(initiative.id, decision.id)} safe>
              {decision.title}
            </a>
          </>
        ) : (
          ''
        )}
      </p>
    </nav>
  );
}

/** A problem with an action, shown at the top of the page. */
export function Problem({ text }: { text: string | undefined }): JSX.Element {
  if (!text) return <></>;
  return (
    <div class="error-summary" role="alert" tabindex="-1" id="error-summary">
      <p safe>{text}</p>
    </div>
  );
}

/** A one-button form with hidden fields; the button names what it acts on for screen readers. */
export function RowAction(props: {
  ctx: PageContext;
  action: string;
  fields: Record<string, string>;
  label: string;
  /** What the action is on ("Idea: A bench …"), read by screen readers after the label. */
  about: string;
  kind?: 'primary' | 'secondary' | 'danger';
}): JSX.Element {
  return (
    <form method="post" action={props.action} class="inline">
      <input type="hidden" name="_csrf" value={props.ctx.csrfToken} />
      {Object.entries(props.fields).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class={`button ${props.kind ?? 'secondary'}`}>
        <span safe>{props.label}</span>
        <span class="visually-hidden" safe>
          {`: ${props.about}`}
        </span>
      </button>
    </form>
  );
}
