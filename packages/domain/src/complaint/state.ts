import type { ActorId, ComplaintId, CustomerId, RegionId } from '../shared/ids.js';
import type { Currency } from '../shared/money.js';
import type { IsoDateTime } from '../shared/time.js';
import type { ComplaintEvent } from './events.js';
import { recordInComplaintTimeline, type ComplaintTimeline } from './timeline.js';
import type { ComplaintRootCause } from './vocabulary.js';

/** Statuses of a filed complaint. `awaiting_customer` is investigating with the SLA clock paused. */
export type ComplaintStatus = 'filed' | 'acknowledged' | 'investigating' | 'awaiting_customer' | 'resolved' | 'closed';

/** Statuses in which the complaint is still being worked on. */
export const OPEN_STATUSES: readonly ComplaintStatus[] = [
  'filed',
  'acknowledged',
  'investigating',
  'awaiting_customer',
];

/** The state machine: from which statuses each event applies, and the status it leads to (`null`: unchanged). */
export const COMPLAINT_TRANSITIONS: Readonly<
  Record<
    Exclude<ComplaintEvent['type'], 'ComplaintFiled'>,
    { readonly from: readonly ComplaintStatus[]; readonly to: ComplaintStatus | null }
  >
> = {
  ComplaintAssigned: { from: OPEN_STATUSES, to: null },
  ComplaintAcknowledged: { from: ['filed'], to: 'acknowledged' },
  ComplaintInvestigationRecorded: { from: ['acknowledged', 'investigating'], to: 'investigating' },
  ComplaintAwaitingCustomer: { from: ['investigating'], to: 'awaiting_customer' },
  ComplaintCustomerResponded: { from: ['awaiting_customer'], to: 'investigating' },
  ComplaintEscalated: { from: OPEN_STATUSES, to: null },
  ComplaintResolved: { from: ['investigating'], to: 'resolved' },
  ComplaintClosed: { from: ['resolved'], to: 'closed' },
  ComplaintReopened: { from: ['closed'], to: 'investigating' },
  ComplaintCompensationRequested: { from: OPEN_STATUSES, to: null },
  ComplaintCompensationApproved: { from: OPEN_STATUSES, to: null },
  ComplaintCompensationRejected: { from: OPEN_STATUSES, to: null },
};

/** A compensation above the threshold someone asked for (pending) or a manager approved. */
export interface CompensationRequest {
  readonly amount: number;
  readonly currency: Currency;
  readonly requestedBy: ActorId;
}

/** No complaint in the stream yet. */
export interface NoComplaint {
  readonly status: 'none';
}

/** A filed complaint. */
export interface Complaint {
  readonly status: ComplaintStatus;
  readonly complaintId: ComplaintId;
  readonly customerId: CustomerId;
  /** The customer's owner rep at filing: never the handler. */
  readonly ownerRepId: ActorId;
  readonly region: RegionId;
  readonly handlerId: ActorId | null;
  /** The latest root cause found, `null` while unknown. */
  readonly rootCause: ComplaintRootCause | null;
  readonly escalationLevel: number;
  readonly reopenCount: number;
  /** When the current wait on the customer began (`null` when not waiting). */
  readonly pausedAt: IsoDateTime | null;
  /** When the complaint was last closed (`null` when never closed). */
  readonly closedAt: IsoDateTime | null;
  /** The compensation request waiting for a manager (`null` when none). */
  readonly compensationRequest: CompensationRequest | null;
  /** The compensation a manager approved, until the complaint is resolved (`null` when none). */
  readonly approvedCompensation: CompensationRequest | null;
  /** The latest business instant of the complaint: later commands may not be dated before it. */
  readonly lastAt: IsoDateTime;
  readonly timeline: ComplaintTimeline;
}

/** State of a complaint stream. */
export type ComplaintState = NoComplaint | Complaint;

/** The state of an empty stream. */
export const initialState = (): ComplaintState => ({ status: 'none' });

/** The business instant an event (other than the filing) happened at. */
function eventInstant(event: Exclude<ComplaintEvent, { type: 'ComplaintFiled' }>): IsoDateTime {
  switch (event.type) {
    case 'ComplaintAssigned':
      return event.data.assignedAt;
    case 'ComplaintAcknowledged':
      return event.data.acknowledgedAt;
    case 'ComplaintInvestigationRecorded':
      return event.data.recordedAt;
    case 'ComplaintAwaitingCustomer':
      return event.data.pausedAt;
    case 'ComplaintCustomerResponded':
      return event.data.resumedAt;
    case 'ComplaintEscalated':
      return event.data.escalatedAt;
    case 'ComplaintResolved':
      return event.data.resolvedAt;
    case 'ComplaintClosed':
      return event.data.closedAt;
    case 'ComplaintReopened':
      return event.data.reopenedAt;
    case 'ComplaintCompensationRequested':
      return event.data.requestedAt;
    case 'ComplaintCompensationApproved':
      return event.data.approvedAt;
    case 'ComplaintCompensationRejected':
      return event.data.rejectedAt;
  }
}

function filed(event: Extract<ComplaintEvent, { type: 'ComplaintFiled' }>): Complaint {
  const { complaintId, customerId, ownerRepId, region, severity, filedAt } = event.data;
  return {
    status: 'filed',
    complaintId,
    customerId,
    ownerRepId,
    region,
    handlerId: null,
    rootCause: null,
    escalationLevel: 0,
    reopenCount: 0,
    pausedAt: null,
    closedAt: null,
    compensationRequest: null,
    approvedCompensation: null,
    lastAt: filedAt,
    timeline: { severity, filedAt, acknowledgedAt: null, pauses: [], resolutions: [] },
  };
}

const requestOf = (data: CompensationRequest): CompensationRequest => ({
  amount: data.amount,
  currency: data.currency,
  requestedBy: data.requestedBy,
});

/** What each event changes besides status, instant and timeline. */
function changes(complaint: Complaint, event: Exclude<ComplaintEvent, { type: 'ComplaintFiled' }>): Partial<Complaint> {
  switch (event.type) {
    case 'ComplaintAssigned':
      return { handlerId: event.data.handlerId };
    case 'ComplaintInvestigationRecorded':
      return { rootCause: event.data.rootCause ?? complaint.rootCause };
    case 'ComplaintAwaitingCustomer':
      return { pausedAt: event.data.pausedAt };
    case 'ComplaintCustomerResponded':
      return { pausedAt: null };
    case 'ComplaintEscalated':
      return { escalationLevel: event.data.level };
    // A resolution uses up the approval and ends any request still pending.
    case 'ComplaintResolved':
      return { rootCause: event.data.rootCause, compensationRequest: null, approvedCompensation: null };
    case 'ComplaintCompensationRequested':
      return { compensationRequest: requestOf(event.data) };
    case 'ComplaintCompensationApproved':
      return { compensationRequest: null, approvedCompensation: requestOf(event.data) };
    case 'ComplaintCompensationRejected':
      return { compensationRequest: null };
    case 'ComplaintClosed':
      return { closedAt: event.data.closedAt };
    case 'ComplaintReopened':
      return { reopenCount: event.data.reopenCount };
    default:
      return {};
  }
}

/** Folds one event into the state; an event that does not apply to the current status leaves it unchanged. */
export function evolve(state: ComplaintState, event: ComplaintEvent): ComplaintState {
  if (event.type === 'ComplaintFiled') return state.status === 'none' ? filed(event) : state;
  if (state.status === 'none') return state;
  const transition = COMPLAINT_TRANSITIONS[event.type];
  if (!transition.from.includes(state.status)) return state;
  return {
    ...state,
    ...changes(state, event),
    status: transition.to ?? state.status,
    lastAt: eventInstant(event),
    timeline: recordInComplaintTimeline(state.timeline, event),
  };
}
