import { SelectField } from '../../../ui/components.js';
import { ParticipantLayout } from '../../../ui/layout.js';
import type { PageContext } from '../../../ui/page-context.js';
import type { Experiment } from '../experiments.table.js';
import { Hypothesis } from './staff-pages.js';

type Entry = Experiment & { initiativeTitle: string; departmentName: string };

/** The public learning log: finished experiments with outcome and learnings, with filters (a GET form). */
export function LearningLogPage(props: {
  ctx: PageContext;
  org: { slug: string; name: string };
  entries: Entry[];
  options: {
    initiatives: { value: string; label: string }[];
    departments: { value: string; label: string }[];
    outcomes: readonly string[];
  };
  filters: Record<string, string>;
}): JSX.Element {
  const { ctx, org } = props;
  const t = ctx.t;
  const form = { values: props.filters, errors: {} };
  const any = { value: '', label: t('experiments:log.any') };
  return (
    <ParticipantLayout ctx={ctx} title={t('experiments:log.title', { org: org.name })} org={org}>
      <h1 safe>{t('experiments:log.title', { org: org.name })}</h1>
      <p safe>{t('experiments:log.intro')}</p>
      <form method="get" action={`/o/${org.slug}/learning`}>
        <SelectField
          form={form}
          name="initiative"
          label={t('experiments:log.initiative')}
          options={[any, ...props.options.initiatives]}
        />
        <SelectField
          form={form}
          name="department"
          label={t('experiments:fields.departmentId')}
          options={[any, ...props.options.departments]}
        />
        <SelectField
          form={form}
          name="outcome"
          label={t('experiments:log.outcome')}
          options={[
            any,
            ...props.options.outcomes.map((o) => ({ value: o, label: t(`experiments:decisions.${o}`) })),
          ]}
        />
        <button type="submit" class="button secondary" safe>
          {t('experiments:log.filter')}
        </button>
      </form>
      {props.entries.length === 0 ? (
        <p safe>{t('experiments:log.none')}</p>
      ) : (
        props.entries.map((e) => (
          <article aria-labelledby={`e-${e.id}`}>
            <h2 id={`e-${e.id}`} safe>
              {e.title}
            </h2>
            <p class="muted" safe>
              {[e.initiativeTitle, e.departmentName].filter(Boolean).join(' · ')}
            </p>
            <p>
              <strong safe>{t('experiments:log.outcome')}:</strong>{' '}
              <span safe>{t(`experiments:decisions.${e.decision ?? 'iterate'}`)}</span>
              {e.decisionReason ? <span safe>{` — ${e.decisionReason}`}</span> : ''}
            </p>
            <Hypothesis ctx={ctx} experiment={e} />
            <h3 safe>{t('experiments:fields.results')}</h3>
            <p class="prewrap" safe>
              {e.results}
            </p>
            <h3 safe>{t('experiments:fields.learnings')}</h3>
            <p class="prewrap" safe>
              {e.learnings || t('experiments:log.noLearnings')}
            </p>
          </article>
        ))
      )}
    </ParticipantLayout>
  );
}
