import { StaffLayout } from '../../../ui/layout.js';
import type { PageContext } from '../../../ui/page-context.js';
import type { OutboxMessage } from '../list-outbox.js';
import { formatTime } from './shared.js';

/** Links in a message that lead back into this platform (anything else stays plain text). */
function ownLinks(text: string, publicUrl: string): string[] {
  const found = text.match(/https?:\/\/[^\s<>"]+/g) ?? [];
  return [...new Set(found.filter((url) => url.startsWith(`${publicUrl}/`)))];
}

/** The organization's outgoing mail, readable in full, so invitations work without a mail server. */
export function OutboxPage(props: {
  ctx: PageContext;
  messages: OutboxMessage[];
  publicUrl: string;
}): JSX.Element {
  const { ctx } = props;
  return (
    <StaffLayout ctx={ctx} title={ctx.t('staff:outbox.title')}>
      <h1 safe>{ctx.t('staff:outbox.title')}</h1>
      <p class="lead" safe>
        {ctx.t('staff:outbox.lead')}
      </p>
      {props.messages.length === 0 ? (
        <p class="muted" safe>
          {ctx.t('staff:outbox.empty')}
        </p>
      ) : (
        <ol class="cards">
          {props.messages.map((m) => {
            const links = ownLinks(m.text_body, props.publicUrl);
            return (
              <li class="card">
                <h2 safe>{m.subject}</h2>
                <dl class="facts">
                  <dt safe>{ctx.t('staff:outbox.to')}</dt>
                  <dd safe>{m.to_address}</dd>
                  <dt safe>{ctx.t('staff:outbox.status')}</dt>
                  <dd safe>{ctx.t(`staff:outbox.statuses.${m.status}`, { defaultValue: m.status })}</dd>
                  <dt safe>{ctx.t('staff:outbox.attempts')}</dt>
                  <dd safe>{String(m.attempts)}</dd>
                  <dt safe>{ctx.t('staff:outbox.created')}</dt>
                  <dd safe>{formatTime(ctx, m.created_at)}</dd>
                  {m.last_error ? (
                    <>
                      <dt safe>{ctx.t('staff:outbox.lastError')}</dt>
                      <dd safe>{m.last_error}</dd>
                    </>
                  ) : (
                    ''
                  )}
                </dl>
                <h3 safe>{ctx.t('staff:outbox.body')}</h3>
                <pre class="data" tabindex="0" role="region" aria-label={ctx.t('staff:outbox.body')} safe>
                  {m.text_body}
                </pre>
                {links.length > 0 ? (
                  <>
                    <h3 safe>{ctx.t('staff:outbox.links')}</h3>
                    <ul>
                      {links.map((url) => (
                        <li>
                          <a href={url} safe>
                            {url}
                          </a>
                        </li>
                      ))}
                    </ul>
                  </>
                ) : (
                  ''
                )}
              </li>
            );
          })}
        </ol>
      )}
    </StaffLayout>
  );
}
