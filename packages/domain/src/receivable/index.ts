// Explicit exports: generic helper names (evolve, authorize, refuse, ...) stay inside so the package
// index can re-export every aggregate without collisions.
export * from './commands.js';
export * from './events.js';
export {
  Allocation,
  CreditNoteId,
  FollowUpChannel,
  Installment,
  InstallmentNo,
  PaymentMethod,
  PositiveMoney,
  PromiseToPay,
  ReversalReason,
} from './vocabulary.js';
export { receivableDecider } from './decide.js';
export type { ReceivableError, ReceivableErrorCode } from './errors.js';
export { latestPromise, paidTowards, promiseStatus, remindersPaused, type PromiseStatus } from './reminders.js';
export type {
  CreditNoteRecord,
  DisputeRecord,
  InstallmentState,
  NoReceivable,
  PaymentRecord,
  PromiseRecord,
  Receivable,
  ReceivableState,
  ReceivableStatus,
  WriteOffRequest,
} from './state.js';
