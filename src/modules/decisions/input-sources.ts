import { ideaInputSource } from '../ideas/idea-input-source.js';
import { surveyResponseInputSource } from '../surveys/survey-response-input-source.js';
import { interviewInputSource } from '../interviews/interview-input-source.js';
import { prototypeFeedbackInputSource } from '../prototypes/prototype-feedback-input-source.js';
import { experimentInputSource } from '../experiments/experiment-input-source.js';
import { statementInputSource } from '../conversations/statement-input-source.js';
import { opinionGroupInputSource } from '../conversations/opinion-group-input-source.js';
import type { InputKind, InputSource } from './input-source.js';

// The registry of input sources. A module that holds input adds its source here (one line each).
const sources: Partial<Record<InputKind, InputSource>> = {
  idea: ideaInputSource,
  survey_response: surveyResponseInputSource,
  interview: interviewInputSource,
  prototype_feedback: prototypeFeedbackInputSource,
  experiment: experimentInputSource,
  conversation_statement: statementInputSource,
  opinion_group: opinionGroupInputSource,
};

/** The source of one kind of input, or undefined while that kind has none. */
export function inputSourceOf(kind: InputKind): InputSource | undefined {
  return sources[kind];
}

/** Every registered source, in the order of `inputKinds`. */
export function allInputSources(): InputSource[] {
  return Object.values(sources);
}
