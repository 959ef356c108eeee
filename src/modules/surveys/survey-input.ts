import { Type, type Static } from '@sinclair/typebox';
import { surveyLayouts } from './surveys.table.js';

/** A survey's settings, from a form or JSON. */
export const SurveySettingsInput = Type.Object({
  titleEn: Type.String({ minLength: 1, maxLength: 200 }),
  titleDa: Type.String({ maxLength: 200, default: '' }),
  introEn: Type.String({ maxLength: 4000, default: '' }),
  introDa: Type.String({ maxLength: 4000, default: '' }),
  layout: Type.Union(
    surveyLayouts.map((l) => Type.Literal(l)),
    { default: 'all_on_one_page' },
  ),
  allowMultiple: Type.Boolean({ default: false }),
});
export type SurveySettingsInput = Static<typeof SurveySettingsInput>;
