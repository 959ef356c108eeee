import type { PageContext } from '../../../ui/page-context.js';
import { CsrfField, Notice } from '../../../ui/components.js';
import { ParticipantLayout } from '../../../ui/layout.js';
import type { Contribution, Outcome } from '../contributions.js';
import type { MyParticipation } from '../get-my-participation.js';
import { myParticipationPath } from '../paths.js';

function OutcomeItem({ ctx, outcome }: { ctx: PageContext; outcome: Outcome }): JSX.Element {
  const t = ctx.t;
  return (
    <li>
      {outcome.news ? (
        <>
          <strong class="badge" safe>
            {t('followUp:me.new')}
          </strong>{' '}
        </>
      ) : (
        ''
      )}
      <span safe>
        {t('followUp:me.outcome', {
          decision: outcome.title,
          status: t(`followUp:status.${outcome.status}`),
        })}
      </span>
      {outcome.status === 'not_adopted' && outcome.notAdoptedReason ? (
        <p safe>{t('followUp:me.reason', { reason: outcome.notAdoptedReason })}</p>
      ) : (
        ''
      )}
    </li>
  );
}

function ContributionItem({
  ctx,
  contribution,
}: {
  ctx: PageContext;
  contribution: Contribution;
}): JSX.Element {
  const t = ctx.t;
  return (
    <li>
      <p>
        <span safe>{contribution.label}</span>{' '}
        <span class="muted" safe>
          ({t(`followUp:kinds.${contribution.kind}`)})
        </span>
      </p>
      {contribution.outcomes.length === 0 ? (
        <p safe>{t('followUp:me.notYetConsidered')}</p>
      ) : (
        <ul>
          {contribution.outcomes.map((o) => (
            <OutcomeItem ctx={ctx} outcome={o} />
          ))}
        </ul>
      )}
    </li>
  );
}

function MailSection({
  ctx,
  orgSlug,
  mail,
}: {
  ctx: PageContext;
  orgSlug: string;
  mail: MyParticipation['mail'];
}): JSX.Element {
  const t = ctx.t;
  const action = `${myParticipationPath(orgSlug)}/mail`;
  return (
    <section aria-labelledby="follow-up-mail-title">
      <h2 id="follow-up-mail-title" safe>
        {t('followUp:me.mailTitle')}
      </h2>
      {!mail.possible ? (
        <p>
          <span safe>{t('followUp:me.mailImpossible')}</span>{' '}
          <a href={`/o/${orgSlug}/me`} safe>
            {t('layout.myData')}
          </a>
        </p>
      ) : mail.unsubscribed ? (
        <>
          <p safe>{t('followUp:me.mailOff')}</p>
          <form method="post" action={action} class="inline">
            <CsrfField ctx={ctx} />
            <input type="hidden" name="mail" value="on" />
            <button type="submit" class="button primary" safe>
              {t('followUp:me.resubscribe')}
            </button>
          </form>
        </>
      ) : (
        <>
          <p safe>{t('followUp:me.mailOn')}</p>
          <form method="post" action={action} class="inline">
            <CsrfField ctx={ctx} />
            <input type="hidden" name="mail" value="off" />
            <button type="submit" class="button secondary" safe>
              {t('followUp:me.stopMail')}
            </button>
          </form>
        </>
      )}
    </section>
  );
}

/** "My participation": each contribution by initiative and what became of it, new decisions marked. */
export function MyParticipationPage(props: {
  ctx: PageContext;
  org: { slug: string; name: string };
  data: MyParticipation | null;
  notice?: string | undefined;
}): JSX.Element {
  const { ctx, org, data } = props;
  const t = ctx.t;
  const title = t('followUp:me.title');
  if (!data) {
    return (
      <ParticipantLayout ctx={ctx} title={title} org={org}>
        <h1 safe>{title}</h1>
        <p safe>{t('followUp:me.nobody', { org: org.name })}</p>
      </ParticipantLayout>
    );
  }
  return (
    <ParticipantLayout ctx={ctx} title={title} org={org}>
      <h1 safe>{title}</h1>
      <Notice text={props.notice} />
      <p class="lead" safe>
        {t('followUp:me.intro', { org: org.name })}
      </p>
      <Notice text={data.newCount > 0 ? t('followUp:me.newCount', { count: data.newCount }) : undefined} />
      {data.initiatives.length === 0 ? (
        <p safe>{t('followUp:me.none')}</p>
      ) : (
        data.initiatives.map((group) => (
          <section aria-labelledby={`initiative-${group.initiativeId}`}>
            <h2 id={`initiative-${group.initiativeId}`} safe>
              {group.title}
            </h2>
            <ul class="contributions">
              {group.contributions.map((c) => (
                <ContributionItem ctx={ctx} contribution={c} />
              ))}
            </ul>
          </section>
        ))
      )}
      <MailSection ctx={ctx} orgSlug={org.slug} mail={data.mail} />
    </ParticipantLayout>
  );
}
