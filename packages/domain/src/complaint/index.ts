// Explicit exports: generic helper names (evolve, decide, refuse, ...) stay inside so the package
// index can re-export every aggregate without collisions.
export * from './commands.js';
export * from './compensation-events.js';
export * from './events.js';
export * from './sla.js';
export * from './timeline.js';
export * from './vocabulary.js';
export { complaintDecider } from './decide.js';
export type { ComplaintError, ComplaintErrorCode } from './errors.js';
export { COMPLAINT_TRANSITIONS, OPEN_STATUSES as COMPLAINT_OPEN_STATUSES } from './state.js';
export type { Complaint, ComplaintState, ComplaintStatus, NoComplaint } from './state.js';
