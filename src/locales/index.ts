import commonEn from './en/common.json' with { type: 'json' };
import commonDa from './da/common.json' with { type: 'json' };
import errorsEn from './en/errors.json' with { type: 'json' };
import errorsDa from './da/errors.json' with { type: 'json' };
import validationEn from './en/validation.json' with { type: 'json' };
import validationDa from './da/validation.json' with { type: 'json' };
import staffEn from './en/staff.json' with { type: 'json' };
import staffDa from './da/staff.json' with { type: 'json' };
import initiativesEn from './en/initiatives.json' with { type: 'json' };
import initiativesDa from './da/initiatives.json' with { type: 'json' };
import participantsEn from './en/participants.json' with { type: 'json' };
import participantsDa from './da/participants.json' with { type: 'json' };
import surveysEn from './en/surveys.json' with { type: 'json' };
import representativenessEn from './en/representativeness.json' with { type: 'json' };
import representativenessDa from './da/representativeness.json' with { type: 'json' };
import surveysDa from './da/surveys.json' with { type: 'json' };
import interviewsEn from './en/interviews.json' with { type: 'json' };
import interviewsDa from './da/interviews.json' with { type: 'json' };
import conversationsEn from './en/conversations.json' with { type: 'json' };
import conversationsDa from './da/conversations.json' with { type: 'json' };
import ideasEn from './en/ideas.json' with { type: 'json' };
import ideasDa from './da/ideas.json' with { type: 'json' };
import prototypesEn from './en/prototypes.json' with { type: 'json' };
import prototypesDa from './da/prototypes.json' with { type: 'json' };
import sprintsEn from './en/sprints.json' with { type: 'json' };
import sprintsDa from './da/sprints.json' with { type: 'json' };
import experimentsEn from './en/experiments.json' with { type: 'json' };
import experimentsDa from './da/experiments.json' with { type: 'json' };
import followUpEn from './en/followUp.json' with { type: 'json' };
import followUpDa from './da/followUp.json' with { type: 'json' };
import outcomesEn from './en/outcomes.json' with { type: 'json' };
import outcomesDa from './da/outcomes.json' with { type: 'json' };
import engagementEn from './en/engagement.json' with { type: 'json' };
import engagementDa from './da/engagement.json' with { type: 'json' };
import influenceEn from './en/influence.json' with { type: 'json' };
import influenceDa from './da/influence.json' with { type: 'json' };
import pulseEn from './en/pulse.json' with { type: 'json' };
import pulseDa from './da/pulse.json' with { type: 'json' };
import decisionsEn from './en/decisions.json' with { type: 'json' };
import decisionsDa from './da/decisions.json' with { type: 'json' };

// One namespace per concern; a module adds its own pair of files here.
export const resources = {
  en: {
    common: commonEn,
    errors: errorsEn,
    validation: validationEn,
    staff: staffEn,
    initiatives: initiativesEn,
    participants: participantsEn,
    surveys: surveysEn,
    representativeness: representativenessEn,
    interviews: interviewsEn,
    conversations: conversationsEn,
    ideas: ideasEn,
    prototypes: prototypesEn,
    sprints: sprintsEn,
    experiments: experimentsEn,
    followUp: followUpEn,
    outcomes: outcomesEn,
    engagement: engagementEn,
    influence: influenceEn,
    pulse: pulseEn,
    decisions: decisionsEn,
  },
  da: {
    common: commonDa,
    errors: errorsDa,
    validation: validationDa,
    staff: staffDa,
    initiatives: initiativesDa,
    participants: participantsDa,
    surveys: surveysDa,
    representativeness: representativenessDa,
    interviews: interviewsDa,
    conversations: conversationsDa,
    ideas: ideasDa,
    prototypes: prototypesDa,
    sprints: sprintsDa,
    experiments: experimentsDa,
    followUp: followUpDa,
    outcomes: outcomesDa,
    engagement: engagementDa,
    influence: influenceDa,
    pulse: pulseDa,
    decisions: decisionsDa,
  },
};

/** The namespaces every locale must have (a test checks both catalogues have the same keys). */
export const namespaces = Object.keys(resources.en);
