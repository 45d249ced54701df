// Explicit exports: generic helper names (evolve, refuse, ...) stay inside so the package
// index can re-export every aggregate without collisions.
export * from './commands.js';
export * from './events.js';
export {
  Contact,
  CsatScore,
  CustomerSize,
  Email,
  NpsScore,
  Phone,
  SEGMENTS,
  Segment,
  StoredSegment,
  SurveyScores,
  UNASSIGNED_SEGMENT,
} from './vocabulary.js';
export { customerDecider } from './decide.js';
export { customerSnapshot, type CustomerSnapshotView } from './snapshot.js';
export type { CustomerError, CustomerErrorCode } from './errors.js';
export {
  DETRACTOR_NPS_MAX,
  DISSATISFIED_CSAT_MAX,
  followUpFor,
  needsFollowUp,
  type FollowUpTrigger,
} from './follow-up.js';
export {
  DetractorFollowUpClosed,
  DetractorFollowUpOpened,
  type DetractorFollowUpClosedEvent,
  type DetractorFollowUpOpenedEvent,
} from './follow-up-events.js';
export {
  ERASED_CONTACT,
  type FollowUp,
  type Customer,
  type CustomerState,
  type CustomerStatus,
  type ErasedContact,
  type NoCustomer,
  type SurveyAnswer,
} from './state.js';
