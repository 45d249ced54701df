import { registeredDecider } from '../testing/access.js';
import { complaintDecider } from './decide.js';
import type { Actor } from '../shared/actors.js';
import { ActorId, ComplaintId, CustomerId, OrderId, RegionId } from '../shared/ids.js';
import { Currency } from '../shared/money.js';
import type { IsoDateTime } from '../shared/time.js';
import type { ComplaintCommand, ComplaintCustomerSnapshot } from './commands.js';
import type {
  ComplaintAcknowledgedEvent,
  ComplaintAssignedEvent,
  ComplaintAwaitingCustomerEvent,
  ComplaintClosedEvent,
  ComplaintCustomerRespondedEvent,
  ComplaintEscalatedEvent,
  ComplaintEvent,
  ComplaintFiledEvent,
  ComplaintInvestigationRecordedEvent,
  ComplaintReopenedEvent,
  ComplaintResolvedEvent,
} from './events.js';
import { testActor as actor } from '../testing/actors.js';

/** Test data of the Complaint specs: small factories, realistic values. */
export const ids = {
  complaint: ComplaintId.parse('cmp-1'),
  customer: CustomerId.parse('cust-1'),
  order: OrderId.parse('ord-1'),
  ownerRep: ActorId.parse('rep-owner'),
  handler: ActorId.parse('rep-handler'),
  otherHandler: ActorId.parse('rep-other'),
  east: RegionId.parse('east'),
  west: RegionId.parse('west'),
};

/** Actors of the specs: the customer's rep and the handler are sales reps of region east. */
export const actors = {
  ownerRep: actor('rep-owner', 'sales_rep', 'east'),
  handler: actor('rep-handler', 'sales_rep', 'east'),
  otherRep: actor('rep-other', 'sales_rep', 'east'),
  salesManager: actor('mgr-1', 'sales_manager'),
  eastManager: actor('rm-east', 'regional_manager', 'east'),
  westManager: actor('rm-west', 'regional_manager', 'west'),
  ownerAsManager: actor('rep-owner', 'regional_manager', 'east'),
  finance: actor('fin-1', 'finance'),
  analyst: actor('ana-1', 'market_analyst'),
  auditor: actor('aud-1', 'auditor'),
  system: actor('system', 'system'),
};

/** The customer of the specs, as the command handler loads it. */
export const customer: ComplaintCustomerSnapshot = { ownerRepId: ids.ownerRep, region: ids.east };

/** A business instant `hours` after 2026-03-02T09:00:00Z (filing time of the specs). */
export const at = (hours: number): IsoDateTime =>
  new Date(Date.parse('2026-03-02T09:00:00Z') + hours * 3_600_000).toISOString();

type DataOf<T extends ComplaintCommand['type']> = Extract<ComplaintCommand, { type: T }>['data'];

/** A command of `type` with `data` (the complaint id is filled in), by `by` at `when` hours. */
export function cmd<T extends Exclude<ComplaintCommand['type'], 'FileComplaint'>>(
  type: T,
  data: Omit<DataOf<T>, 'complaintId'>,
  by: Actor = actors.handler,
  when = 1,
): ComplaintCommand {
  return {
    type,
    data: { complaintId: ids.complaint, ...data },
    metadata: { actor: by, occurredAt: at(when) },
  } as ComplaintCommand;
}

/** FileComplaint by the owner rep at hour 0, with the customer snapshot. */
export function fileCommand(
  overrides: Partial<DataOf<'FileComplaint'>> = {},
  inputsCustomer: ComplaintCustomerSnapshot | null = customer,
  by: Actor = actors.ownerRep,
): ComplaintCommand {
  return {
    type: 'FileComplaint',
    data: {
      complaintId: ids.complaint,
      customerId: ids.customer,
      orderId: ids.order,
      channel: 'phone',
      category: 'delivery',
      severity: 'medium',
      description: 'Two of five pallets arrived crushed; Ms. Li asks for a replacement.',
      ...overrides,
    },
    inputs: { customer: inputsCustomer },
    metadata: { actor: by, occurredAt: at(0) },
  };
}

/** Events of a complaint's life, each at `when` hours after filing. */
export const ev = {
  filed: (severity: 'low' | 'medium' | 'high' | 'critical' = 'medium'): ComplaintFiledEvent => ({
    type: 'ComplaintFiled',
    data: {
      complaintId: ids.complaint,
      customerId: ids.customer,
      orderId: ids.order,
      channel: 'phone',
      category: 'delivery',
      severity,
      description: 'Two of five pallets arrived crushed; Ms. Li asks for a replacement.',
      ownerRepId: ids.ownerRep,
      region: ids.east,
      filedBy: ids.ownerRep,
      filedAt: at(0),
    },
  }),
  assigned: (
    when = 0.5,
    handlerId = ids.handler,
    previousHandlerId: ActorId | null = null,
  ): ComplaintAssignedEvent => ({
    type: 'ComplaintAssigned',
    data: {
      complaintId: ids.complaint,
      handlerId,
      previousHandlerId,
      assignedBy: actors.eastManager.id,
      assignedAt: at(when),
    },
  }),
  acknowledged: (when = 2): ComplaintAcknowledgedEvent => ({
    type: 'ComplaintAcknowledged',
    data: { complaintId: ids.complaint, handlerId: ids.handler, acknowledgedBy: ids.handler, acknowledgedAt: at(when) },
  }),
  investigated: (
    when = 5,
    rootCause: 'delivery_delay' | null = 'delivery_delay',
  ): ComplaintInvestigationRecordedEvent => ({
    type: 'ComplaintInvestigationRecorded',
    data: {
      complaintId: ids.complaint,
      rootCause,
      findings: 'Forklift damage at the east depot.',
      recordedBy: ids.handler,
      recordedAt: at(when),
    },
  }),
  awaiting: (when = 6): ComplaintAwaitingCustomerEvent => ({
    type: 'ComplaintAwaitingCustomer',
    data: {
      complaintId: ids.complaint,
      note: 'Asked Ms. Li for photos of the pallets.',
      pausedBy: ids.handler,
      pausedAt: at(when),
    },
  }),
  responded: (from = 6, when = 30): ComplaintCustomerRespondedEvent => ({
    type: 'ComplaintCustomerResponded',
    data: {
      complaintId: ids.complaint,
      note: 'Photos received.',
      recordedBy: ids.handler,
      pausedAt: at(from),
      resumedAt: at(when),
      pausedMs: (when - from) * 3_600_000,
    },
  }),
  escalated: (when = 3, level = 1): ComplaintEscalatedEvent => ({
    type: 'ComplaintEscalated',
    data: {
      complaintId: ids.complaint,
      escalatedTo: actors.eastManager.id,
      reason: 'Key account',
      level,
      escalatedBy: ids.handler,
      escalatedAt: at(when),
    },
  }),
  resolved: (when = 40, compensation: { amount: number; currency: string } | null = null): ComplaintResolvedEvent => ({
    type: 'ComplaintResolved',
    data: {
      complaintId: ids.complaint,
      rootCause: 'delivery_delay',
      resolution: 'Replaced two pallets.',
      compensation:
        compensation === null ? null : { amount: compensation.amount, currency: Currency.parse(compensation.currency) },
      resolvedBy: ids.handler,
      resolverRole: 'sales_rep',
      resolvedAt: at(when),
    },
  }),
  closed: (when = 48, satisfaction = 4): ComplaintClosedEvent => ({
    type: 'ComplaintClosed',
    data: {
      complaintId: ids.complaint,
      satisfaction,
      ownerRepId: ids.ownerRep,
      region: ids.east,
      closedBy: ids.handler,
      closedAt: at(when),
    },
  }),
  reopened: (when = 72, closedAtHours = 48, reopenCount = 1): ComplaintReopenedEvent => ({
    type: 'ComplaintReopened',
    data: {
      complaintId: ids.complaint,
      reason: 'One replacement pallet was also damaged.',
      reopenCount,
      closedAt: at(closedAtHours),
      reopenedBy: ids.ownerRep,
      reopenedAt: at(when),
    },
  }),
};

/** History up to (and including) the named step of the happy path. */
export function historyUntil(
  step: 'filed' | 'assigned' | 'acknowledged' | 'investigating' | 'awaiting' | 'resolved' | 'closed',
): ComplaintEvent[] {
  const path: Array<[typeof step, ComplaintEvent]> = [
    ['filed', ev.filed()],
    ['assigned', ev.assigned()],
    ['acknowledged', ev.acknowledged()],
    ['investigating', ev.investigated()],
    ['awaiting', ev.awaiting()],
    ['resolved', ev.resolved(40)],
    ['closed', ev.closed()],
  ];
  const end = path.findIndex(([name]) => name === step);
  const events = path.slice(0, end + 1).map(([, event]) => event);
  // Resolving needs the investigation to resume first.
  return step === 'resolved' || step === 'closed'
    ? [...events.slice(0, 5), ev.responded(), ...events.slice(5)]
    : events;
}

/** `event` with some of its data replaced. */
export const withData = (event: ComplaintEvent, patch: Readonly<Record<string, unknown>>): ComplaintEvent =>
  ({ ...event, data: { ...event.data, ...patch } }) as ComplaintEvent;

/** The Complaint decider with every actor registered as their token says (tests of other rules). */
export const registeredComplaintDecider = registeredDecider(complaintDecider);
