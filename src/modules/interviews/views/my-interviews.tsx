import type { PageContext } from '../../../ui/page-context.js';
import type { MyInterview } from '../participant-interviews.js';
import { Day } from './parts.js';

/**
 * The interviews and observations recorded with a participant, on their "My data" page (the
 * participants module places it): what, when, where and in which initiative. The full notes and
 * transcripts are in their download. Nothing is shown when there are none.
 */
export function MyInterviewsSection(props: {
  ctx: PageContext;
  interviews: MyInterview[];
  initiatives: { initiativeId: string; initiativeTitle: string }[];
}): JSX.Element {
  const { ctx, interviews } = props;
  if (interviews.length === 0) return <></>;
  const t = ctx.t;
  const title = (id: string) => props.initiatives.find((m) => m.initiativeId === id)?.initiativeTitle ?? '';
  return (
    <section aria-labelledby="my-interviews-title">
      <h2 id="my-interviews-title" safe>
        {t('interviews:me.title')}
      </h2>
      <p safe>{t('interviews:me.intro')}</p>
      <ul>
        {interviews.map((i) => (
          <li>
            <span safe>{`${t(`interviews:methods.${i.method}`)}, `}</span>
            <Day ctx={ctx} iso={i.heldOn} />
            <span safe>{`${i.place ? `, ${i.place}` : ''} (${title(i.initiativeId)})`}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
