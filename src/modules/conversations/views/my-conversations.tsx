import type { PageContext } from '../../../ui/page-context.js';
import type { MyConversationContributions } from '../participant-contributions.js';

/**
 * A participant's statements and votes in conversations, on their "My data" page (the participants
 * module places it). The votes are summed per conversation; the download holds each one.
 */
export function MyConversationsSection(props: {
  ctx: PageContext;
  contributions: MyConversationContributions;
}): JSX.Element {
  const { ctx, contributions } = props;
  if (contributions.statements.length === 0 && contributions.votes.length === 0) return <></>;
  const t = ctx.t;
  const perConversation = new Map<string, number>();
  for (const v of contributions.votes)
    perConversation.set(v.conversation, (perConversation.get(v.conversation) ?? 0) + 1);
  return (
    <section aria-labelledby="my-conversations-title">
      <h2 id="my-conversations-title" safe>
        {t('conversations:me.title')}
      </h2>
      <p safe>{t('conversations:me.intro')}</p>
      <ul>
        {contributions.statements.map((s) => (
          <li safe>
            {t('conversations:me.statement', {
              body: s.body,
              status: t(`conversations:statementStatus.${s.status}`),
            })}
          </li>
        ))}
        {[...perConversation].map(([question, count]) => (
          <li safe>{t('conversations:me.votes', { count, question })}</li>
        ))}
      </ul>
    </section>
  );
}
