import { ParticipantLayout } from '../../../ui/layout.js';
import type { PageContext } from '../../../ui/page-context.js';
import type { Organization } from '../../organizations/get-organization.js';
import { suggestedActivities, type Initiative } from '../initiatives.table.js';
import { Timeline } from './parts.js';

/** The platform's start page: the organizations on it. */
export function HomePage({
  ctx,
  organizations,
}: {
  ctx: PageContext;
  organizations: Organization[];
}): JSX.Element {
  return (
    <ParticipantLayout ctx={ctx} title={ctx.t('initiatives:public.homeTitle')}>
      <h1 safe>{ctx.t('initiatives:public.homeTitle')}</h1>
      <p safe>{ctx.t('initiatives:public.homeIntro')}</p>
      {organizations.length === 0 ? (
        <p safe>{ctx.t('initiatives:public.noOrganizations')}</p>
      ) : (
        <ul>
          {organizations.map((o) => (
            <li>
              <a href={`/o/${o.slug}`} safe>
                {o.name}
              </a>
            </li>
          ))}
        </ul>
      )}
    </ParticipantLayout>
  );
}

/** An organization's public page: its open public initiatives. */
export function OrganizationPage({
  ctx,
  org,
  initiatives,
}: {
  ctx: PageContext;
  org: Organization;
  initiatives: Initiative[];
}): JSX.Element {
  return (
    <ParticipantLayout ctx={ctx} title={org.name} org={org}>
      <h1 safe>{org.name}</h1>
      <p class="lead" safe>
        {ctx.t('initiatives:public.orgIntro')}
      </p>
      <p>
        <a href={`/o/${org.slug}/you-said-we-did`} safe>
          {ctx.t('outcomes:title')}
        </a>
      </p>
      <h2 safe>{ctx.t('initiatives:public.openInitiatives')}</h2>
      {initiatives.length === 0 ? (
        <p safe>{ctx.t('initiatives:public.noneOpen')}</p>
      ) : (
        <ul class="cards">
          {initiatives.map((i) => (
            <li class="card">
              <h3>
                <a href={`/o/${org.slug}/i/${i.slug}`} safe>
                  {i.title}
                </a>
              </h3>
              <p safe>{i.summary}</p>
              <p class="muted" safe>
                {ctx.t(`initiatives:forms.${i.formOfInvolvement}.label`)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </ParticipantLayout>
  );
}

/** The public page of an initiative: purpose, what you can do, how input is used, timeline. */
export function PublicInitiativePage({
  ctx,
  org,
  initiative,
  surveys = [],
  conversations = [],
}: {
  ctx: PageContext;
  org: Organization;
  initiative: Initiative;
  /** Published surveys people can answer now. */
  surveys?: { id: string; titleEn: string; titleDa: string }[];
  /** Open conversations people can vote in now. */
  conversations?: { id: string; question: string }[];
}): JSX.Element {
  const t = ctx.t;
  return (
    <ParticipantLayout ctx={ctx} title={initiative.title} org={org}>
      <h1 safe>{initiative.title}</h1>
      {initiative.summary ? (
        <p class="lead" safe>
          {initiative.summary}
        </p>
      ) : (
        ''
      )}
      <h2 safe>{t('initiatives:public.purpose')}</h2>
      <p safe>{initiative.purpose}</p>
      <h2 safe>{t('initiatives:public.objectives')}</h2>
      <ul>
        {initiative.objectives.map((o) => (
          <li safe>{o}</li>
        ))}
      </ul>
      <h2 safe>{t('initiatives:public.whoFor')}</h2>
      <p safe>{initiative.targetGroup}</p>
      <h2 safe>{t('initiatives:public.whatYouCanDo')}</h2>
      <p safe>{t(`initiatives:forms.${initiative.formOfInvolvement}.explain`)}</p>
      <ul>
        {suggestedActivities[initiative.formOfInvolvement].map((a) => (
          <li safe>{t(`initiatives:activities.${a}`)}</li>
        ))}
      </ul>
      {initiative.status === 'open' && surveys.length > 0 ? (
        <>
          <h3 safe>{t('initiatives:public.surveysNow')}</h3>
          <ul>
            {surveys.map((s) => (
              <li>
                <a href={`/o/${org.slug}/i/${initiative.slug}/s/${s.id}`} safe>
                  {ctx.locale === 'da' && s.titleDa ? s.titleDa : s.titleEn}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
      {initiative.status === 'open' && conversations.length > 0 ? (
        <>
          <h3 safe>{t('conversations:public.now')}</h3>
          <ul>
            {conversations.map((c) => (
              <li>
                <a href={`/o/${org.slug}/i/${initiative.slug}/c/${c.id}`} safe>
                  {c.question}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
      <p>
        <a href={`/o/${org.slug}/i/${initiative.slug}/ideas`} safe>
          {t('ideas:actions.openBoard')}
        </a>
      </p>
      <p>
        <a href={`/o/${org.slug}/i/${initiative.slug}/prototypes`} safe>
          {t('prototypes:actions.openPublic')}
        </a>
      </p>
      <p>
        <a href={`/o/${org.slug}/i/${initiative.slug}/you-said-we-did`} safe>
          {t('outcomes:fromInitiative')}
        </a>
      </p>
      {initiative.status === 'open' ? (
        <p>
          <a class="button primary" href={`/o/${org.slug}/i/${initiative.slug}/join`} safe>
            {t('initiatives:public.join')}
          </a>
        </p>
      ) : (
        <p class="notice" safe>
          {t('initiatives:public.closed')}
        </p>
      )}
      <h2 safe>{t('initiatives:public.howUsed')}</h2>
      <p safe>{initiative.feedbackPlan}</p>
      <h3 safe>{t('initiatives:public.influence')}</h3>
      <p safe>{t(`initiatives:influence.${initiative.influenceLevel}`)}</p>
      <h2 safe>{t('initiatives:public.timeline')}</h2>
      <Timeline ctx={ctx} phases={initiative.phases} empty={t('initiatives:staff.noPhases')} />
    </ParticipantLayout>
  );
}
