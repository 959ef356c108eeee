import { Type } from '@sinclair/typebox';
import { invalid } from '../../platform/errors.js';

/** Most a participant may write about their accessibility needs. */
export const ACCESSIBILITY_MAX = 1000;

/** The details a participant (or staff on their behalf) may give; all optional. */
export const ContactFields = {
  email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
  followUp: Type.Boolean({ default: false, description: 'may we write to the email about what happened' }),
  quoteConsent: Type.Boolean({
    default: false,
    description: 'may we quote their words publicly, without their name',
  }),
  locale: Type.Optional(Type.Union([Type.Literal('en'), Type.Literal('da')])),
  accessibilityNeeds: Type.String({ maxLength: ACCESSIBILITY_MAX, default: '' }),
};

/** Follow-up needs somewhere to write to. */
export function checkFollowUp(input: { email?: string | undefined; followUp: boolean }): void {
  if (input.followUp && !input.email) throw invalid([{ field: 'email', code: 'requiredForFollowUp' }]);
}
