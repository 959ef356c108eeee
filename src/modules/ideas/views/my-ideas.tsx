import type { PageContext } from '../../../ui/page-context.js';
import type { MyIdeaContributions } from '../participant-ideas.js';

/**
 * A participant's ideas, comments and supports on their "My data" page (the participants module
 * places it); the full texts are in their download. Nothing is shown when there are none.
 */
export function MyIdeasSection({
  ctx,
  ideas,
}: {
  ctx: PageContext;
  ideas: MyIdeaContributions;
}): JSX.Element {
  if (ideas.ideas.length + ideas.comments.length + ideas.supports.length === 0) return <></>;
  const t = ctx.t;
  return (
    <section aria-labelledby="my-ideas-title">
      <h2 id="my-ideas-title" safe>
        {t('ideas:me.title')}
      </h2>
      <ul>
        {ideas.ideas.map((i) => (
          <li safe>{t('ideas:me.idea', { title: i.title, status: t(`ideas:status.${i.status}`) })}</li>
        ))}
        {ideas.comments.map((c) => (
          <li safe>{t('ideas:me.comment', { title: c.ideaTitle })}</li>
        ))}
        {ideas.supports.map((s) => (
          <li safe>{t('ideas:me.support', { title: s.ideaTitle })}</li>
        ))}
      </ul>
    </section>
  );
}
