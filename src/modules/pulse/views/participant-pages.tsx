import { PULSE_QUESTIONS, PULSE_SCALE } from '../../../analysis/pulse/index.js';
import { ErrorSummary, Form, RadioGroup, TextArea } from '../../../ui/components.js';
import { ParticipantLayout } from '../../../ui/layout.js';
import type { FormState, PageContext } from '../../../ui/page-context.js';
import type { PulseActivity } from '../pulse-activity.js';
import { PULSE_COMMENT_MAX } from '../pulse-input.js';

type Org = { slug: string; name: string };

/** The activity's name as the participant sees it: its kind, and its title when it has one. */
export function activityName(ctx: PageContext, activity: PulseActivity): string {
  const kind = ctx.t(`pulse:kinds.${activity.kind}`);
  if (!activity.title) return kind;
  return `${kind}: ${ctx.locale === 'da' ? activity.title.da : activity.title.en}`;
}

const points = Array.from({ length: PULSE_SCALE.max - PULSE_SCALE.min + 1 }, (_, i) => i + PULSE_SCALE.min);

/** The pulse form: three optional 5-point questions (each with "no answer") and a free text. */
export function PulsePage(props: {
  ctx: PageContext;
  org: Org;
  activity: PulseActivity;
  action: string;
  form: FormState;
}): JSX.Element {
  const { ctx, form } = props;
  const t = ctx.t;
  const labels: Record<string, string> = { comment: t('pulse:comment') };
  for (const q of PULSE_QUESTIONS) labels[q] = t(`pulse:questions.${q}`);
  return (
    <ParticipantLayout ctx={ctx} title={t('pulse:title')} org={props.org}>
      <h1 safe>{t('pulse:title')}</h1>
      <p class="hint" safe>
        {t('pulse:activity', { activity: activityName(ctx, props.activity) })}
      </p>
      <p safe>{t('pulse:intro')}</p>
      <p safe>{t('pulse:privacy')}</p>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action={props.action}>
        {PULSE_QUESTIONS.map((q) => (
          <RadioGroup
            form={form}
            name={q}
            label={t(`pulse:questions.${q}`)}
            options={[
              ...points.map((p) => ({ value: String(p), label: `${p} – ${t(`pulse:scale.${q}.${p}`)}` })),
              { value: '', label: t('pulse:noAnswer') },
            ]}
          />
        ))}
        <TextArea
          form={form}
          name="comment"
          label={t('pulse:comment')}
          hint={t('pulse:commentHint', { max: PULSE_COMMENT_MAX })}
          maxlength={PULSE_COMMENT_MAX}
          rows={4}
        />
        <button type="submit" class="button primary" safe>
          {t('pulse:submit')}
        </button>
      </Form>
    </ParticipantLayout>
  );
}

/** After the pulse, or instead of it: a heading, a message and the way back. */
export function PulseMessagePage(props: {
  ctx: PageContext;
  org: Org;
  title: string;
  text: string;
  back: { href: string; label: string };
}): JSX.Element {
  const { ctx } = props;
  return (
    <ParticipantLayout ctx={ctx} title={props.title} org={props.org}>
      <h1 safe>{props.title}</h1>
      <p class="notice" role="status" safe>
        {props.text}
      </p>
      <p>
        <a class="button secondary" href={props.back.href} safe>
          {props.back.label}
        </a>
      </p>
    </ParticipantLayout>
  );
}
