import type { FormState, PageContext } from '../../../ui/page-context.js';
import { CheckboxField, RadioGroup, TextArea, TextField } from '../../../ui/components.js';
import { ACCESSIBILITY_MAX } from '../participant-input.js';

/** Email, follow-up, quote consent, language and accessibility needs: the details a participant may give. */
export function ContactFieldset({
  ctx,
  form,
  legend,
}: {
  ctx: PageContext;
  form: FormState;
  legend: string;
}): JSX.Element {
  const t = ctx.t;
  return (
    <fieldset class="group">
      <legend safe>{legend}</legend>
      <TextField
        form={form}
        name="email"
        type="email"
        autocomplete="email"
        maxlength={254}
        label={t('participants:fields.email')}
        hint={t('participants:fields.emailHint')}
      />
      <CheckboxField form={form} name="followUp" label={t('participants:fields.followUp')} />
      <CheckboxField
        form={form}
        name="quoteConsent"
        label={t('participants:fields.quoteConsent')}
        hint={t('participants:fields.quoteConsentHint')}
      />
      <RadioGroup
        form={form}
        name="locale"
        label={t('participants:fields.language')}
        options={[
          { value: 'en', label: t('participants:languages.en') },
          { value: 'da', label: t('participants:languages.da') },
        ]}
      />
      <TextArea
        form={form}
        name="accessibilityNeeds"
        rows={3}
        maxlength={ACCESSIBILITY_MAX}
        label={t('participants:fields.accessibilityNeeds')}
        hint={t('participants:fields.accessibilityNeedsHint')}
      />
    </fieldset>
  );
}
