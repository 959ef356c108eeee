// The participant experience pulse: pure summaries with small-cell suppression (see pulse-report.ts).
export {
  complementHidden,
  NOT_ANSWERED,
  PULSE_QUESTIONS,
  PULSE_SCALE,
  pulseReport,
  questionResult,
  summariseGroup,
  summariseRows,
  type PulseAnswer,
  type PulseGroup,
  type PulseQuestion,
  type PulseReport,
  type QuestionResult,
  type QuestionTally,
} from './pulse-report.js';
