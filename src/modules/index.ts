import type { FastifyInstance } from 'fastify';
import { systemRoutes } from './system/system.routes.js';
import { staffRoutes } from './staff/staff.routes.js';
import { initiativesRoutes } from './initiatives/initiatives.routes.js';
import { participantsRoutes } from './participants/participants.routes.js';
import { surveysRoutes } from './surveys/surveys.routes.js';
import { representativenessRoutes } from './representativeness/representativeness.routes.js';
import { interviewsRoutes } from './interviews/interviews.routes.js';
import { conversationsRoutes } from './conversations/conversations.routes.js';
import { ideasRoutes } from './ideas/ideas.routes.js';
import { prototypesRoutes } from './prototypes/prototypes.routes.js';
import { sprintsRoutes } from './sprints/sprints.routes.js';
import { experimentsRoutes } from './experiments/experiments.routes.js';
import { followUpRoutes } from './follow-up/follow-up.routes.js';
import { outcomesRoutes } from './outcomes/outcomes.routes.js';
import { engagementRoutes } from './engagement/engagement.routes.js';
import { influenceRoutes } from './influence/influence.routes.js';
import { pulseRoutes } from './pulse/pulse.routes.js';
import { decisionsRoutes } from './decisions/decisions.routes.js';

/** Every capability's routes, registered by the composition root in this order. */
export const modules: ((app: FastifyInstance) => Promise<void>)[] = [
  systemRoutes,
  staffRoutes,
  initiativesRoutes,
  participantsRoutes,
  surveysRoutes,
  representativenessRoutes,
  interviewsRoutes,
  conversationsRoutes,
  ideasRoutes,
  prototypesRoutes,
  sprintsRoutes,
  experimentsRoutes,
  followUpRoutes,
  outcomesRoutes,
  engagementRoutes,
  influenceRoutes,
  pulseRoutes,
  decisionsRoutes,
];
