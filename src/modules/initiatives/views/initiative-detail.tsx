import { ActionButton, Notice } from '../../../ui/components.js';
import { StaffLayout } from '../../../ui/layout.js';
import type { PageContext } from '../../../ui/page-context.js';
import type { Initiative } from '../initiatives.table.js';
import { suggestedActivities } from '../initiatives.table.js';
import { Checklist, StatusTag, Timeline } from './parts.js';

/** What the detail page shows besides the initiative. */
export interface DetailExtras {
  orgSlug: string;
  canManage: boolean;
  participants: number;
  responsibleName: string | null;
  departmentNames: string[];
  notice: string | undefined;
  /** Why the last status change was refused. */
  problem: string | undefined;
}

/** The staff page of one initiative: plan, checklist, status actions, suggested activities. */
export function InitiativeDetail({
  ctx,
  initiative,
  extras,
}: {
  ctx: PageContext;
  initiative: Initiative;
  extras: DetailExtras;
}): JSX.Element {
  const t = ctx.t;
  const base = `/staff/initiatives/${initiative.id}`;
  const canOpen = initiative.status === 'draft' || initiative.status === 'closed';
  const canArchive = initiative.status === 'draft' || initiative.status === 'closed';
  return (
    <StaffLayout ctx={ctx} title={initiative.title}>
      <Notice text={extras.notice} />
      {extras.problem ? (
        <div class="error-summary" role="alert" id="error-summary" tabindex="-1">
          <p safe>{extras.problem}</p>
        </div>
      ) : (
        ''
      )}
      <h1 safe>{initiative.title}</h1>
      <p>
        <StatusTag ctx={ctx} status={initiative.status} />{' '}
        <span safe>{t('initiatives:staff.participantsCount', { count: extras.participants })}</span>
      </p>
      {initiative.summary ? (
        <p class="lead" safe>
          {initiative.summary}
        </p>
      ) : (
        ''
      )}
      <div class="actions">
        {extras.canManage && initiative.status !== 'archived' ? (
          <a class="button" href={`${base}/edit`} safe>
            {t('initiatives:actions.edit')}
          </a>
        ) : (
          ''
        )}
        {extras.canManage && canOpen ? (
          <ActionButton
            ctx={ctx}
            action={`${base}/open`}
            label={t('initiatives:actions.open')}
            kind="primary"
          />
        ) : (
          ''
        )}
        {extras.canManage && initiative.status === 'open' ? (
          <ActionButton ctx={ctx} action={`${base}/close`} label={t('initiatives:actions.close')} />
        ) : (
          ''
        )}
        {extras.canManage && canArchive ? (
          <ActionButton
            ctx={ctx}
            action={`${base}/archive`}
            label={t('initiatives:actions.archive')}
            kind="danger"
          />
        ) : (
          ''
        )}
        <a href={`${base}/participants`} safe>
          {t('initiatives:actions.participants')}
        </a>
        <a href={`${base}/interviews`} safe>
          {t('interviews:actions.open')}
        </a>
        <a href={`${base}/surveys`} safe>
          {t('surveys:list.open')}
        </a>
        <a href={`${base}/conversations`} safe>
          {t('conversations:link')}
        </a>
        <a href={`${base}/representativeness`} safe>
          {t('representativeness:link')}
        </a>
        <a href={`${base}/ideas`} safe>
          {t('ideas:actions.open')}
        </a>
        <a href={`${base}/prototypes`} safe>
          {t('prototypes:actions.open')}
        </a>
        <a href={`${base}/sprints`} safe>
          {t('sprints:listShort')}
        </a>
        <a href={`${base}/experiments`} safe>
          {t('experiments:listShort')}
        </a>
        <a href={`${base}/pulse`} safe>
          {t('pulse:staff.link')}
        </a>
        <a href={`${base}/decisions`} safe>
          {t('decisions:link')}
        </a>
        <a href={`${base}/influence`} safe>
          {t('influence:nav')}
        </a>
        {initiative.status === 'open' || initiative.status === 'closed' ? (
          <a href={`/o/${extras.orgSlug}/i/${initiative.slug}`} safe>
            {t('initiatives:actions.viewPublic')}
          </a>
        ) : (
          ''
        )}
      </div>
      {initiative.status === 'draft' ? <Checklist ctx={ctx} initiative={initiative} /> : ''}
      <section aria-labelledby="form-title">
        <h2 id="form-title" safe>
          {t(`initiatives:forms.${initiative.formOfInvolvement}.label`)}
        </h2>
        <p safe>{t(`initiatives:forms.${initiative.formOfInvolvement}.explain`)}</p>
        <h3 safe>{t('initiatives:activities.title')}</h3>
        <ul>
          {suggestedActivities[initiative.formOfInvolvement].map((a) => (
            <li safe>{t(`initiatives:activities.${a}`)}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="plan-title">
        <h2 id="plan-title" safe>
          {t('initiatives:staff.plan')}
        </h2>
        <dl class="facts">
          <dt safe>{t('initiatives:fields.purpose')}</dt>
          <dd safe>{initiative.purpose}</dd>
          <dt safe>{t('initiatives:fields.objectives')}</dt>
          <dd>
            <ul>
              {initiative.objectives.map((o) => (
                <li safe>{o}</li>
              ))}
            </ul>
          </dd>
          <dt safe>{t('initiatives:fields.targetGroup')}</dt>
          <dd safe>{initiative.targetGroup}</dd>
          <dt safe>{t('initiatives:fields.influenceLevel')}</dt>
          <dd safe>{t(`initiatives:influence.${initiative.influenceLevel}`)}</dd>
          <dt safe>{t('initiatives:fields.visibility')}</dt>
          <dd safe>{t(`initiatives:visibility.${initiative.visibility}`)}</dd>
          <dt safe>{t('initiatives:fields.feedbackPlan')}</dt>
          <dd safe>{initiative.feedbackPlan}</dd>
          <dt safe>{t('initiatives:fields.consentText')}</dt>
          <dd>
            {initiative.consent ? (
              <>
                <p safe>{initiative.consent.body}</p>
                <p class="muted" safe>
                  {t('initiatives:staff.consentVersion', { version: initiative.consent.version })}
                </p>
              </>
            ) : (
              ''
            )}
          </dd>
          <dt safe>{t('initiatives:staff.responsible')}</dt>
          <dd safe>{extras.responsibleName ?? t('initiatives:fields.nobody')}</dd>
          <dt safe>{t('initiatives:staff.departments')}</dt>
          <dd safe>{extras.departmentNames.join(', ')}</dd>
        </dl>
        <h3 safe>{t('initiatives:staff.timeline')}</h3>
        <Timeline ctx={ctx} phases={initiative.phases} empty={t('initiatives:staff.noPhases')} />
      </section>
    </StaffLayout>
  );
}
