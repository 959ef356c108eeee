import type { Db } from '../../db/database.js';
import type { StaffActor } from '../../platform/actor.js';
import { defineDemographicAttribute } from '../participants/define-demographic-attribute.js';
import { defineDemographicCategory } from '../participants/define-demographic-category.js';
import { registerParticipant } from '../participants/register-participant.js';
import { PREFER_NOT_TO_SAY } from '../participants/demographic-answers.js';

type Labels = [key: string, en: string, da: string];

const attributes: { attribute: Labels; categories: Labels[] }[] = [
  {
    attribute: ['age_band', 'Age band', 'Aldersgruppe'],
    categories: [
      ['under_25', 'Under 25', 'Under 25'],
      ['25_44', '25–44', '25–44'],
      ['45_64', '45–64', '45–64'],
      ['65_plus', '65 or older', '65 eller derover'],
    ],
  },
  {
    attribute: ['district', 'District', 'Bydel'],
    categories: [
      ['centre', 'City centre', 'Midtbyen'],
      ['north', 'Northern districts', 'Nordlige bydele'],
      ['rural', 'Villages and countryside', 'Landsbyer og land'],
    ],
  },
  {
    attribute: ['library_use', 'How often do you use the library?', 'Hvor tit bruger du biblioteket?'],
    categories: [
      ['weekly', 'Every week', 'Hver uge'],
      ['sometimes', 'A few times a year', 'Et par gange om året'],
      ['never', 'Never', 'Aldrig'],
    ],
  },
];

// Skewed on purpose: the demo shows who is missing (young people, rural residents, non-users).
const people: { answers: [number, number, number] | null; email?: string; locale: 'en' | 'da' }[] = [
  { answers: [3, 0, 0], locale: 'da', email: 'karen@example.org' },
  { answers: [3, 0, 0], locale: 'da' },
  { answers: [2, 0, 0], locale: 'da' },
  { answers: [2, 1, 1], locale: 'en', email: 'sam@example.org' },
  { answers: [1, 0, 0], locale: 'da' },
  { answers: [3, 1, 0], locale: 'da' },
  { answers: [2, 0, 1], locale: 'da' },
  { answers: null, locale: 'da' },
];

/** Defines the demo's demographic attributes and registers a few participants in the initiative. */
export async function seedDemoParticipants(db: Db, admin: StaffActor, initiativeId: string): Promise<void> {
  const ids: { attributeId: string; categoryIds: string[] }[] = [];
  for (const { attribute, categories } of attributes) {
    const attributeId = await defineDemographicAttribute(db, admin, {
      key: attribute[0],
      labelEn: attribute[1],
      labelDa: attribute[2],
    });
    const categoryIds: string[] = [];
    for (const [key, labelEn, labelDa] of categories) {
      categoryIds.push(await defineDemographicCategory(db, admin, attributeId, { key, labelEn, labelDa }));
    }
    ids.push({ attributeId, categoryIds });
  }
  for (const person of people) {
    const demographics: Record<string, string> = {};
    ids.forEach(({ attributeId, categoryIds }, i) => {
      const choice = person.answers?.[i];
      demographics[attributeId] =
        choice === undefined ? PREFER_NOT_TO_SAY : (categoryIds[choice] ?? PREFER_NOT_TO_SAY);
    });
    await registerParticipant(db, admin, initiativeId, {
      consent: true,
      locale: person.locale,
      ...(person.email ? { email: person.email, followUp: true } : {}),
      demographics,
    });
  }
}
