import {
  COMPLAINT_TRANSITIONS,
  recordInComplaintTimeline,
  slaStatus,
  slaTargets,
  type ComplaintEvent,
  type ComplaintTimeline,
} from '@salesbook/domain';
import { upsert, type RowReader, type RowWrite } from '../model/table.js';
import { workComplaintsTable, type WorkComplaintRow } from './worklists.tables.js';

/** The queue key of a complaint without a running deadline: after every real instant. */
export const NO_DEADLINE = '9999-12-31T23:59:59.999Z';

type Deadline = { readonly kind: 'acknowledge' | 'resolve' | 'paused' | 'none'; readonly at: string | null };

const instantsOf = (t: ComplaintTimeline): string[] => [
  t.filedAt,
  ...(t.acknowledgedAt === null ? [] : [t.acknowledgedAt]),
  ...t.pauses.flatMap((p) => [p.pausedAt, ...(p.resumedAt === null ? [] : [p.resumedAt])]),
  ...t.resolutions.flatMap((r) => [
    r.resolvedAt,
    ...(r.closedAt === null ? [] : [r.closedAt]),
    ...(r.reopenedAt === null ? [] : [r.reopenedAt]),
  ]),
];

/**
 * The next SLA deadline of a complaint in `status`: to acknowledge (filing + the severity's target) until it is
 * acknowledged, then to resolve (the resolve target less the handling time used, from the last change of the clock);
 * none while waiting on the customer (the clock is stopped) or once resolved.
 */
export function nextDeadline(status: string, timeline: ComplaintTimeline): Deadline {
  if (status === 'resolved' || status === 'closed') return { kind: 'none', at: null };
  if (status === 'awaiting_customer') return { kind: 'paused', at: null };
  const targets = slaTargets(timeline.severity);
  if (timeline.acknowledgedAt === null)
    return {
      kind: 'acknowledge',
      at: new Date(Date.parse(timeline.filedAt) + targets.acknowledgeWithinMs).toISOString(),
    };
  const last = Math.max(...instantsOf(timeline).map((instant) => Date.parse(instant)));
  const used = slaStatus(timeline, new Date(last).toISOString()).timeToResolveMs;
  return { kind: 'resolve', at: new Date(last + targets.resolveWithinMs - used).toISOString() };
}

function withDeadline(row: WorkComplaintRow, status: string, timeline: ComplaintTimeline): WorkComplaintRow {
  const deadline = nextDeadline(status, timeline);
  return {
    ...row,
    status,
    timeline: JSON.stringify(timeline),
    deadline_kind: deadline.kind,
    deadline_at: deadline.at,
    queue_at: deadline.at ?? NO_DEADLINE,
  };
}

/** The filing starts the timeline as the domain's `recordInComplaintTimeline` does. */
function filed(event: Extract<ComplaintEvent, { type: 'ComplaintFiled' }>): WorkComplaintRow {
  const d = event.data;
  const timeline: ComplaintTimeline = {
    severity: d.severity,
    filedAt: d.filedAt,
    acknowledgedAt: null,
    pauses: [],
    resolutions: [],
  };
  const row: WorkComplaintRow = {
    complaint_id: d.complaintId,
    customer_id: d.customerId,
    owner_rep_id: d.ownerRepId,
    region: d.region,
    handler_id: null,
    category: d.category,
    severity: d.severity,
    status: 'filed',
    filed_at: d.filedAt,
    deadline_kind: 'none',
    deadline_at: null,
    queue_at: NO_DEADLINE,
    timeline: '',
    ...NO_REQUEST,
  };
  return withDeadline(row, 'filed', timeline);
}

const NO_REQUEST = {
  compensation_asked_by: null,
  compensation_asked_at: null,
  compensation_amount: null,
  compensation_currency: null,
} as const;

/** The compensation request waiting after `event`: set by a request, ended by a decision or a resolution. */
function requestAfter(event: ComplaintEvent): Partial<WorkComplaintRow> {
  switch (event.type) {
    case 'ComplaintCompensationRequested': {
      const d = event.data;
      return {
        compensation_asked_by: d.requestedBy,
        compensation_asked_at: d.requestedAt,
        compensation_amount: d.amount,
        compensation_currency: d.currency,
      };
    }
    case 'ComplaintCompensationApproved':
    case 'ComplaintCompensationRejected':
    case 'ComplaintResolved':
      return NO_REQUEST;
    default:
      return {};
  }
}

const handlerAfter = (row: WorkComplaintRow, event: ComplaintEvent): string | null =>
  event.type === 'ComplaintAssigned' || event.type === 'ComplaintAcknowledged' ? event.data.handlerId : row.handler_id;

/** The complaint queue's row from a complaint event; an event the status does not allow changes nothing (as the domain's evolve). */
export function evolveComplaint(event: ComplaintEvent, rows: RowReader): readonly RowWrite[] {
  const row = rows.get(workComplaintsTable, { complaint_id: event.data.complaintId });
  if (event.type === 'ComplaintFiled') return row === undefined ? [upsert(workComplaintsTable, filed(event))] : [];
  if (row === undefined)
    throw new Error(`complaint ${event.data.complaintId} has no ComplaintFiled before ${event.type}`);
  const transition = COMPLAINT_TRANSITIONS[event.type];
  if (!(transition.from as readonly string[]).includes(row.status)) return [];
  const timeline = recordInComplaintTimeline(JSON.parse(row.timeline) as ComplaintTimeline, event);
  return [
    upsert(
      workComplaintsTable,
      withDeadline(
        { ...row, ...requestAfter(event), handler_id: handlerAfter(row, event) },
        transition.to ?? row.status,
        timeline,
      ),
    ),
  ];
}
