import type { PageContext } from '../../../ui/page-context.js';
import type { MySurveyResponse } from '../participant-responses.js';

/** The participant's survey answers on their "My data" page. */
export function MySurveyResponsesSection(props: {
  ctx: PageContext;
  responses: MySurveyResponse[];
}): JSX.Element {
  const { ctx, responses } = props;
  if (responses.length === 0) return <></>;
  return (
    <section aria-labelledby="my-surveys">
      <h2 id="my-surveys" safe>
        {ctx.t('surveys:me.title')}
      </h2>
      {responses.map((r) => (
        <article class="my-response">
          <h3 safe>{r.survey}</h3>
          <p class="hint" safe>
            {r.status === 'completed' ? ctx.t('surveys:me.completed') : ctx.t('surveys:me.inProgress')}
          </p>
          <dl>
            {r.answers.map((a) => (
              <>
                <dt safe>{a.question}</dt>
                <dd safe>{Array.isArray(a.answer) ? a.answer.join(', ') : String(a.answer)}</dd>
              </>
            ))}
          </dl>
        </article>
      ))}
    </section>
  );
}
