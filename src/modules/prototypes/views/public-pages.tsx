import { ErrorSummary, Form, Notice, RadioGroup, TextArea } from '../../../ui/components.js';
import { ParticipantLayout } from '../../../ui/layout.js';
import type { FormState, PageContext } from '../../../ui/page-context.js';
import type { Initiative } from '../../initiatives/initiatives.table.js';
import type { PrototypeView, VersionView } from '../prototype-view.js';
import { Draft } from './parts.js';
import { PulseInvite } from '../../pulse/views/pulse-invite.js';

type Org = { slug: string; name: string };

/** Where an initiative's prototypes live for participants. */
export function prototypesPath(orgSlug: string, initiativeSlug: string): string {
  return `/o/${encodeURIComponent(orgSlug)}/i/${encodeURIComponent(initiativeSlug)}/prototypes`;
}

/** The prototypes of an initiative shared for feedback. */
export function PublicPrototypesPage(props: {
  ctx: PageContext;
  org: Org;
  initiative: Initiative;
  prototypes: PrototypeView[];
}): JSX.Element {
  const { ctx, org, initiative } = props;
  const t = ctx.t;
  const base = prototypesPath(org.slug, initiative.slug);
  const title = t('prototypes:public.listTitle', { title: initiative.title });
  return (
    <ParticipantLayout ctx={ctx} title={title} org={org}>
      <p>
        <a href={`/o/${org.slug}/i/${initiative.slug}`} safe>
          {t('ideas:public.backToInitiative', { title: initiative.title })}
        </a>
      </p>
      <h1 safe>{title}</h1>
      <p safe>{t('prototypes:public.intro')}</p>
      {props.prototypes.length === 0 ? (
        <p safe>{t('prototypes:public.none')}</p>
      ) : (
        <ul>
          {props.prototypes.map((p) => {
            const v = p.versions[p.versions.length - 1]!;
            return (
              <li>
                <a href={`${base}/${p.id}`} safe>
                  {p.title}
                </a>{' '}
                <span class="muted" safe>
                  {`${t('prototypes:versionLabel', { number: v.number })} · ${v.open ? t('prototypes:roundOpen') : t('prototypes:roundClosed')}`}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </ParticipantLayout>
  );
}

/** Labels of the feedback form's fields for the error summary. */
function feedbackLabels(ctx: PageContext, version: VersionView): Record<string, string> {
  const labels: Record<string, string> = {
    works: ctx.t('prototypes:fields.works'),
    doesNotWork: ctx.t('prototypes:fields.doesNotWork'),
    missing: ctx.t('prototypes:fields.missing'),
    rating: ctx.t('prototypes:fields.rating'),
  };
  for (const q of version.questions) labels[`answers.${q.id}`] = q.text;
  return labels;
}

/** One prototype's current round for participants: the draft and, while open, the feedback form. */
export function PublicPrototypePage(props: {
  ctx: PageContext;
  org: Org;
  initiative: Initiative;
  title: string;
  prototypeId: string;
  version: VersionView;
  answered: boolean;
  joined: boolean;
  form: FormState;
  notice?: string | undefined;
  problem?: string | undefined;
  /** The experience pulse invitation after giving feedback, when asked for. */
  pulseHref?: string | null | undefined;
}): JSX.Element {
  const { ctx, org, initiative, version, form } = props;
  const t = ctx.t;
  const path = `${prototypesPath(org.slug, initiative.slug)}/${props.prototypeId}`;
  return (
    <ParticipantLayout ctx={ctx} title={props.title} org={org}>
      <p>
        <a href={prototypesPath(org.slug, initiative.slug)} safe>
          {t('prototypes:public.back')}
        </a>
      </p>
      <h1 safe>{props.title}</h1>
      <Notice text={props.notice} />
      <PulseInvite ctx={ctx} href={props.pulseHref} />
      {props.problem ? (
        <div class="error-summary" role="alert" tabindex="-1" id="error-summary">
          <p safe>{props.problem}</p>
        </div>
      ) : (
        ''
      )}
      <p safe>{t('prototypes:public.unfinished')}</p>
      <Draft ctx={ctx} version={version} fileBase={`${path}/files`} />
      <h2 safe>{t('prototypes:public.feedbackTitle')}</h2>
      {!version.open || initiative.status !== 'open' ? (
        <p safe>{t('errors:round_closed.detail')}</p>
      ) : props.answered ? (
        <p safe>{t('prototypes:public.answered')}</p>
      ) : !props.joined ? (
        <p>
          <a class="button primary" href={`/o/${org.slug}/i/${initiative.slug}/join`} safe>
            {t('prototypes:public.joinToAnswer')}
          </a>
        </p>
      ) : (
        <Form ctx={ctx} action={`${path}/feedback`}>
          <ErrorSummary ctx={ctx} form={form} labels={feedbackLabels(ctx, version)} />
          {version.questions.map((q) => (
            <TextArea form={form} name={`answers.${q.id}`} label={q.text} rows={3} maxlength={2000} />
          ))}
          <TextArea form={form} name="works" label={t('prototypes:fields.works')} rows={3} maxlength={2000} />
          <TextArea
            form={form}
            name="doesNotWork"
            label={t('prototypes:fields.doesNotWork')}
            rows={3}
            maxlength={2000}
          />
          <TextArea
            form={form}
            name="missing"
            label={t('prototypes:fields.missing')}
            rows={3}
            maxlength={2000}
          />
          <RadioGroup
            form={form}
            name="rating"
            label={t('prototypes:fields.rating')}
            options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t(`prototypes:rating.${n}`) }))}
          />
          <button type="submit" class="button primary" safe>
            {t('prototypes:actions.send')}
          </button>
        </Form>
      )}
    </ParticipantLayout>
  );
}
