import type { FormState, PageContext } from '../../../ui/page-context.js';
import { RadioGroup } from '../../../ui/components.js';
import { PREFER_NOT_TO_SAY } from '../demographic-answers.js';
import { labelIn, type DemographicAttribute } from '../participants.table.js';

/** A date and time in the reader's language, machine-readable in `datetime`. */
export function DateTime({ iso, ctx }: { iso: string; ctx: PageContext }): JSX.Element {
  const text = new Intl.DateTimeFormat(ctx.locale === 'da' ? 'da-DK' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(new Date(iso));
  return (
    <time datetime={iso} safe>
      {`${text} UTC`}
    </time>
  );
}

/** A consent text as paragraphs (blank lines separate them). */
export function ConsentBody({ body }: { body: string }): JSX.Element {
  return (
    <div class="consent-text">
      {body
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => (
          <p safe>{p}</p>
        ))}
    </div>
  );
}

/**
 * One radio group per attribute, each with "prefer not to say" and "not answered" (an empty value,
 * so leaving it checked stores nothing): answering stays optional for every attribute.
 */
export function DemographicFields({
  ctx,
  form,
  attributes,
  prefix,
}: {
  ctx: PageContext;
  form: FormState;
  attributes: DemographicAttribute[];
  prefix: string;
}): JSX.Element {
  return (
    <>
      {attributes.map((a) => (
        <RadioGroup
          form={form}
          name={`${prefix}.${a.id}`}
          label={labelIn(a, ctx.locale)}
          options={[
            ...a.categories.map((c) => ({ value: c.id, label: labelIn(c, ctx.locale) })),
            { value: PREFER_NOT_TO_SAY, label: ctx.t('participants:preferNotToSay') },
            { value: '', label: ctx.t('participants:notAnswered') },
          ]}
        />
      ))}
    </>
  );
}

/** Field labels of the contact fields, for the error summary. */
export function contactLabels(ctx: PageContext): Record<string, string> {
  return {
    email: ctx.t('participants:fields.email'),
    followUp: ctx.t('participants:fields.followUp'),
    quoteConsent: ctx.t('participants:fields.quoteConsent'),
    locale: ctx.t('participants:fields.language'),
    accessibilityNeeds: ctx.t('participants:fields.accessibilityNeeds'),
    consent: ctx.t('participants:fields.consent'),
    confirm: ctx.t('participants:fields.confirm'),
  };
}

/** Field labels of demographic radio groups, for the error summary. */
export function demographicLabels(
  ctx: PageContext,
  attributes: DemographicAttribute[],
  prefix: string,
): Record<string, string> {
  return Object.fromEntries(attributes.map((a) => [`${prefix}.${a.id}`, labelIn(a, ctx.locale)]));
}
