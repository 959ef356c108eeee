import type { PageContext } from '../../../ui/page-context.js';
import type { Initiative } from '../../initiatives/initiatives.table.js';
import type { Conversation } from '../conversations.table.js';

/** Where an initiative's conversations live for staff. */
export function conversationsBase(initiativeId: string): string {
  return `/staff/initiatives/${encodeURIComponent(initiativeId)}/conversations`;
}

/** The way back: the initiative, the conversations list, and the conversation when on one of its pages. */
export function Breadcrumbs(props: {
  ctx: PageContext;
  initiative: Initiative;
  toList: boolean;
  conversation?: Conversation;
}): JSX.Element {
  const { ctx, initiative } = props;
  const base = conversationsBase(initiative.id);
  return (
    <nav aria-label={ctx.t('conversations:staff.breadcrumbs')} class="no-print">
      <p>
        <a href={`/staff/initiatives/${initiative.id}`} safe>
          {initiative.title}
        </a>
        {props.toList ? (
          <>
            {' › '}
            <a href={base} safe>
              {ctx.t('conversations:link')}
            </a>
          </>
        ) : (
          ''
        )}
        {props.conversation ? (
          <>
            {' › '}
            <a href={`${base}/${props.conversation.id}`} safe>
              {props.conversation.question}
            </a>
          </>
        ) : (
          ''
        )}
      </p>
    </nav>
  );
}
