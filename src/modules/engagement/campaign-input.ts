import { Type, type Static } from '@sinclair/typebox';
import type { Locale, Translate } from '../../platform/i18n.js';

/** Longest subject and message of a campaign, in characters. */
export const MAX_SUBJECT = 200;
export const MAX_BODY = 5000;

/** A campaign's text as written by staff: a subject and a message in English and in Danish. */
export const CampaignInput = Type.Object(
  {
    subjectEn: Type.String({ minLength: 1, maxLength: MAX_SUBJECT }),
    bodyEn: Type.String({ minLength: 1, maxLength: MAX_BODY }),
    subjectDa: Type.String({ minLength: 1, maxLength: MAX_SUBJECT }),
    bodyDa: Type.String({ minLength: 1, maxLength: MAX_BODY }),
  },
  { additionalProperties: false },
);
export type CampaignInput = Static<typeof CampaignInput>;

/** The default campaign text in both languages (staff may take it as it is or change it). */
export function defaultCampaignText(
  translatorFor: (locale: Locale) => Translate,
  organization: string,
): CampaignInput {
  const en = translatorFor('en');
  const da = translatorFor('da');
  return {
    subjectEn: en('engagement:campaign.defaultSubject', { organization }),
    bodyEn: en('engagement:campaign.defaultBody', { organization }),
    subjectDa: da('engagement:campaign.defaultSubject', { organization }),
    bodyDa: da('engagement:campaign.defaultBody', { organization }),
  };
}
