import type { Db } from '../../db/database.js';
import type { StaffActor } from '../../platform/actor.js';
import { listDemographicAttributes } from '../participants/list-demographic-attributes.js';
import { createSurvey } from '../surveys/create-survey.js';
import { addQuestion } from '../surveys/edit-survey-questions.js';
import { publishSurvey } from '../surveys/publish-survey.js';
import { submitResponse } from '../surveys/submit-response.js';

/** A small deterministic generator, so every demo database holds the same answers. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const words = [
  'Quiet',
  'Cosy',
  'Far away',
  'Helpful staff',
  'Old-fashioned',
  'Busy',
  'Free',
  'Calm',
  'Closed too often',
];

/**
 * The demo's survey in the open initiative, published, with 60 answers keyed in from paper and
 * phone (skewed like the demo's participants: few young people and few rural residents), so the
 * results page, its breakdowns and its suppression have something to show.
 */
export async function seedDemoSurvey(db: Db, actor: StaffActor, initiativeId: string): Promise<void> {
  const survey = await createSurvey(db, actor, initiativeId, {
    titleEn: 'How do you use the library today?',
    titleDa: 'Hvordan bruger du biblioteket i dag?',
    introEn: 'Eight short questions. It takes about three minutes.',
    introDa: 'Otte korte spørgsmål. Det tager cirka tre minutter.',
    layout: 'all_on_one_page',
  });
  const attributes = await listDemographicAttributes(db, actor.organizationId);
  const age = attributes.find((a) => a.key === 'age_band');
  const district = attributes.find((a) => a.key === 'district');
  const visits = await addQuestion(db, actor, survey.id, {
    kind: 'single_choice',
    textEn: 'How often do you visit a library?',
    textDa: 'Hvor tit besøger du et bibliotek?',
    required: true,
    options:
      'Every week | Hver uge\nEvery month | Hver måned\nA few times a year | Et par gange om året\nNever | Aldrig',
  });
  const why = await addQuestion(db, actor, survey.id, {
    kind: 'multiple_choice',
    textEn: 'What keeps you from coming more often?',
    textDa: 'Hvad holder dig fra at komme oftere?',
    options:
      'Opening hours | Åbningstider\nDistance | Afstand\nNothing I need | Intet jeg har brug for\nI read digitally | Jeg læser digitalt',
    condition: [`${visits.id}:${visits.options[2]!.id}`, `${visits.id}:${visits.options[3]!.id}`],
  });
  const welcome = await addQuestion(db, actor, survey.id, {
    kind: 'likert',
    textEn: 'I feel welcome at the library',
    textDa: 'Jeg føler mig velkommen på biblioteket',
    options:
      'Strongly disagree | Helt uenig\nDisagree | Uenig\nNeither | Hverken eller\nAgree | Enig\nStrongly agree | Helt enig',
  });
  const nps = await addQuestion(db, actor, survey.id, {
    kind: 'nps',
    textEn: 'How likely are you to recommend the library to a friend?',
    textDa: 'Hvor sandsynligt er det, at du vil anbefale biblioteket til en ven?',
  });
  const books = await addQuestion(db, actor, survey.id, {
    kind: 'number',
    textEn: 'How many books did you borrow last month?',
    textDa: 'Hvor mange bøger lånte du sidste måned?',
    integer: true,
    min: 0,
    max: 100,
  });
  const word = await addQuestion(db, actor, survey.id, {
    kind: 'short_text',
    textEn: 'One word for the library today',
    textDa: 'Ét ord om biblioteket i dag',
  });
  const ageQuestion = age
    ? await addQuestion(db, actor, survey.id, {
        kind: 'demographic',
        textEn: 'Your age',
        textDa: 'Din alder',
        attributeId: age.id,
      })
    : undefined;
  const districtQuestion = district
    ? await addQuestion(db, actor, survey.id, {
        kind: 'demographic',
        textEn: 'Where do you live?',
        textDa: 'Hvor bor du?',
        attributeId: district.id,
      })
    : undefined;
  await publishSurvey(db, actor, survey.id);
  const random = generator(2026);
  const pick = <T>(items: readonly T[], weights?: number[]): T => {
    const w = weights ?? items.map(() => 1);
    let r = random() * w.reduce((a, b) => a + b, 0);
    for (const [i, item] of items.entries()) if ((r -= w[i]!) <= 0) return item;
    return items[items.length - 1]!;
  };
  for (let i = 0; i < 60; i++) {
    const visit = pick(visits.options, [4, 3, 2, 1]);
    const answers: Record<string, unknown> = {
      [visits.id]: visit.id,
      [welcome.id]: pick(welcome.options, [1, 1, 2, 4, 3]).id,
      [nps.id]: Math.min(10, Math.floor(random() * 6) + 5),
      [books.id]: Math.floor(random() * 8),
      [word.id]: pick(words),
    };
    if (visit.id === visits.options[2]!.id || visit.id === visits.options[3]!.id)
      answers[why.id] = [pick(why.options).id];
    if (ageQuestion && age) answers[ageQuestion.id] = pick(age.categories, [1, 3, 4, 4]).id;
    if (districtQuestion && district) answers[districtQuestion.id] = pick(district.categories, [8, 4, 1]).id;
    await submitResponse(db, actor, survey.id, {
      answers,
      mode: pick(['paper', 'phone', 'in_person'] as const),
    });
  }
}
