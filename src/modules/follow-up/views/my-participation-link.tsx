import type { PageContext } from '../../../ui/page-context.js';
import { myParticipationPath } from '../paths.js';

/** The way from "My data" to "My participation" (the participants module places it). */
export function MyParticipationLink({ ctx, orgSlug }: { ctx: PageContext; orgSlug: string }): JSX.Element {
  return (
    <section aria-labelledby="my-participation-link-title">
      <h2 id="my-participation-link-title" safe>
        {ctx.t('followUp:me.title')}
      </h2>
      <p safe>{ctx.t('followUp:me.linkText')}</p>
      <p>
        <a href={myParticipationPath(orgSlug)} safe>
          {ctx.t('followUp:me.linkLabel')}
        </a>
      </p>
    </section>
  );
}
