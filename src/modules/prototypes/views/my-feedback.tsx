import type { PageContext } from '../../../ui/page-context.js';
import type { MyPrototypeFeedback } from '../participant-prototypes.js';

/**
 * The feedback a participant gave on prototypes, on their "My data" page (the participants module
 * places it); the full texts are in their download. Nothing is shown when there is none.
 */
export function MyPrototypeFeedbackSection({
  ctx,
  feedback,
}: {
  ctx: PageContext;
  feedback: MyPrototypeFeedback[];
}): JSX.Element {
  if (feedback.length === 0) return <></>;
  const t = ctx.t;
  return (
    <section aria-labelledby="my-feedback-title">
      <h2 id="my-feedback-title" safe>
        {t('prototypes:me.title')}
      </h2>
      <ul>
        {feedback.map((f) => (
          <li safe>
            {t('prototypes:me.item', { title: f.prototype, version: f.version, rating: f.rating })}
          </li>
        ))}
      </ul>
    </section>
  );
}
