import { ParticipantLayout } from '../../../ui/layout.js';
import type { PageContext } from '../../../ui/page-context.js';
import type { Organization } from '../../organizations/get-organization.js';
import type { InitiativeOutcomes } from '../build-outcomes.js';
import type { YouSaidWeDid } from '../get-you-said-we-did.js';
import { TopicSections } from './decision-outcome.js';

/** The public "you said, we did" page of one initiative. */
export function InitiativeOutcomesPage(props: {
  ctx: PageContext;
  org: Organization;
  outcomes: YouSaidWeDid;
}): JSX.Element {
  const { ctx, org } = props;
  const { initiative, topics, k } = props.outcomes;
  const t = ctx.t;
  const title = t('outcomes:initiativeTitle', { title: initiative.title });
  return (
    <ParticipantLayout ctx={ctx} title={title} org={org}>
      <div class="outcomes">
        <h1 safe>{title}</h1>
        <p class="lead" safe>
          {t('outcomes:intro')}
        </p>
        <p class="outcomes-nav">
          <a href={`/o/${org.slug}/i/${initiative.slug}`} safe>
            {t('outcomes:initiativeLink')}
          </a>
        </p>
        {topics.length === 0 ? (
          <p safe>{t('outcomes:none')}</p>
        ) : (
          <TopicSections ctx={ctx} idPrefix="i" topics={topics} k={k} level={2} />
        )}
        <p class="outcomes-nav">
          <a href={`/o/${org.slug}/you-said-we-did`} safe>
            {t('outcomes:allOutcomes')}
          </a>
        </p>
      </div>
    </ParticipantLayout>
  );
}

/** The public "you said, we did" page of an organization: by initiative, then topic. */
export function OrganizationOutcomesPage(props: {
  ctx: PageContext;
  org: Organization;
  k: number;
  initiatives: InitiativeOutcomes[];
}): JSX.Element {
  const { ctx, org, k } = props;
  const t = ctx.t;
  const title = t('outcomes:orgTitle', { org: org.name });
  return (
    <ParticipantLayout ctx={ctx} title={title} org={org}>
      <div class="outcomes">
        <h1 safe>{title}</h1>
        <p class="lead" safe>
          {t('outcomes:orgIntro')}
        </p>
        {props.initiatives.length === 0 ? (
          <p safe>{t('outcomes:none')}</p>
        ) : (
          props.initiatives.map((i, index) => (
            <section class="initiative-outcomes" aria-labelledby={`i${index}`}>
              <h2 id={`i${index}`}>
                <a href={`/o/${org.slug}/i/${i.initiative.slug}/you-said-we-did`} safe>
                  {i.initiative.title}
                </a>
              </h2>
              <TopicSections ctx={ctx} idPrefix={`i${index}`} topics={i.topics} k={k} level={3} />
            </section>
          ))
        )}
      </div>
    </ParticipantLayout>
  );
}
