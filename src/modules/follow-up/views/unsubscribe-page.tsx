import type { PageContext } from '../../../ui/page-context.js';
import { Form } from '../../../ui/components.js';
import { ParticipantLayout } from '../../../ui/layout.js';
import { myParticipationPath, unsubscribePath } from '../paths.js';

/**
 * The page an unsubscribe link opens, without signing in: a confirmation button (a GET never
 * unsubscribes, since mail scanners follow links), or the result after it.
 */
export function UnsubscribePage(props: {
  ctx: PageContext;
  org: { slug: string; name: string };
  token: string;
  state: 'confirm' | 'done';
}): JSX.Element {
  const { ctx, org } = props;
  const t = ctx.t;
  const title = t('followUp:unsubscribe.title');
  return (
    <ParticipantLayout ctx={ctx} title={title} org={org}>
      <h1 safe>{title}</h1>
      {props.state === 'done' ? (
        <div class="notice" role="status">
          <p safe>{t('followUp:unsubscribe.done', { org: org.name })}</p>
        </div>
      ) : (
        <>
          <p safe>{t('followUp:unsubscribe.confirmText', { org: org.name })}</p>
          <Form ctx={ctx} action={unsubscribePath(org.slug, props.token)}>
            <button type="submit" class="button primary" safe>
              {t('followUp:unsubscribe.confirm')}
            </button>
          </Form>
        </>
      )}
      <p>
        <span safe>{t('followUp:unsubscribe.changeLater')}</span>{' '}
        <a href={myParticipationPath(org.slug)} safe>
          {t('layout.myParticipation')}
        </a>
      </p>
    </ParticipantLayout>
  );
}
