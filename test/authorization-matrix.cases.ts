import { foundationCases } from './matrix-cases/foundation.cases.js';
import { interviewCases } from './matrix-cases/interviews.cases.js';
import { surveyCases } from './matrix-cases/surveys.cases.js';
import { surveyDistributionCases } from './matrix-cases/survey-distribution.cases.js';
import { representativenessCases } from './matrix-cases/representativeness.cases.js';
import { conversationCases } from './matrix-cases/conversations.cases.js';
import { ideaCases } from './matrix-cases/ideas.cases.js';
import { prototypeCases } from './matrix-cases/prototypes.cases.js';
import { sprintCases } from './matrix-cases/sprints.cases.js';
import { experimentCases } from './matrix-cases/experiments.cases.js';
import { followUpCases } from './matrix-cases/follow-up.cases.js';
import { outcomeCases } from './matrix-cases/outcomes.cases.js';
import { engagementCases } from './matrix-cases/engagement.cases.js';
import { influenceCases } from './matrix-cases/influence.cases.js';
import { pulseCases } from './matrix-cases/pulse.cases.js';
import { decisionCases } from './matrix-cases/decisions.cases.js';
import type { RouteCase } from './matrix-cases/types.js';

export type { Audience, CellRequest, RouteCase } from './matrix-cases/types.js';

/**
 * Every route of the platform, keyed `METHOD url` exactly as registered. Each module keeps its cases in
 * its own file under `matrix-cases/` and is listed here.
 */
export const routeCases: Record<string, RouteCase> = {
  ...foundationCases,
  ...interviewCases,
  ...surveyCases,
  ...representativenessCases,
  ...surveyDistributionCases,
  ...conversationCases,
  ...ideaCases,
  ...prototypeCases,
  ...sprintCases,
  ...experimentCases,
  ...followUpCases,
  ...outcomeCases,
  ...engagementCases,
  ...influenceCases,
  ...pulseCases,
  ...decisionCases,
};
