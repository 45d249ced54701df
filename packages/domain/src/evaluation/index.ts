// Explicit exports: generic helper names (evolve, decide, ...) stay inside so the package
// index can re-export every aggregate without collisions.
export * from './commands.js';
export * from './events.js';
export {
  evaluationDecider,
  LOW_RATING,
  REWARD_RATING,
  type EvaluationError,
  type EvaluationErrorCode,
} from './decide.js';
export type { Evaluation, EvaluationState } from './state.js';
