import { ParticipantLayout, StaffLayout } from './layout.js';
import type { PageContext } from './page-context.js';

/** A full page explaining an error, in the staff or participant layout. */
export function ErrorPage({
  ctx,
  title,
  detail,
}: {
  ctx: PageContext;
  title: string;
  detail: string;
}): JSX.Element {
  const body = (
    <>
      <h1 safe>{title}</h1>
      <p safe>{detail}</p>
      <p>
        <a href={ctx.staff ? '/staff' : '/'} safe>
          {ctx.t('errorPage.home')}
        </a>
      </p>
    </>
  );
  return ctx.staff ? (
    <StaffLayout ctx={ctx} title={title}>
      {body}
    </StaffLayout>
  ) : (
    <ParticipantLayout ctx={ctx} title={title}>
      {body}
    </ParticipantLayout>
  );
}
