import type { RecordedEvent } from '@salesbook/eventstore';
import type { ComplaintCompensationEvent, ComplaintEvent, OrderEvent, ReceivableEvent } from '@salesbook/domain';
import { decodeEvent } from '../model/decode.js';
import { occurredAt, type Projection, type ProjectionContext } from '../model/projection.js';
import type { RowReader, RowWrite } from '../model/table.js';
import { projectComplaint } from './supervision-complaints.js';
import { decidePending, projectCompensation } from './supervision-compensations.js';
import { projectOrder } from './supervision-orders.js';
import { projectReceivable } from './supervision-receivables.js';
import {
  supervisionComplaintsTable,
  supervisionCompensationsTable,
  supervisionOrdersTable,
  supervisionPendingCompensationsTable,
  supervisionPromisesTable,
  supervisionWriteOffsTable,
} from './supervision.tables.js';

const ORDER = new Set([
  'OrderPlaced',
  'OrderAmended',
  'OrderDiscountApproved',
  'OrderConfirmed',
  'OrderDelivered',
  'OrderCancelled',
]);
const RECEIVABLE = new Set(['CollectionFollowUpLogged', 'WriteOffRequested', 'ReceivableWrittenOff']);
const COMPLAINT = new Set([
  'ComplaintFiled',
  'ComplaintAssigned',
  'ComplaintAcknowledged',
  'ComplaintAwaitingCustomer',
  'ComplaintCustomerResponded',
  'ComplaintEscalated',
  'ComplaintResolved',
  'ComplaintClosed',
  'ComplaintReopened',
]);
const COMPENSATION = new Set([
  'ComplaintCompensationRequested',
  'ComplaintCompensationApproved',
  'ComplaintCompensationRejected',
]);

// The sets above name only events of these aggregates, so the decoded event is one of them.
const isOrder = (e: { type: string }): e is OrderEvent => ORDER.has(e.type);
const isReceivable = (e: { type: string }): e is ReceivableEvent => RECEIVABLE.has(e.type);
const isComplaint = (e: { type: string }): e is ComplaintEvent => COMPLAINT.has(e.type);
const isCompensation = (e: { type: string }): e is ComplaintCompensationEvent => COMPENSATION.has(e.type);

function project(event: RecordedEvent, rows: RowReader, context: ProjectionContext): readonly RowWrite[] {
  if (
    !ORDER.has(event.type) &&
    !RECEIVABLE.has(event.type) &&
    !COMPLAINT.has(event.type) &&
    !COMPENSATION.has(event.type)
  )
    return [];
  const decoded = decodeEvent(event);
  if (isOrder(decoded)) return projectOrder(decoded, rows, context.zone);
  if (isReceivable(decoded)) return projectReceivable(decoded, event.revision, rows);
  // Instants normalized to toISOString, so the alert query compares them as text.
  const at = new Date(occurredAt(event)).toISOString();
  if (isCompensation(decoded)) return projectCompensation(decoded, event.revision, at, rows);
  if (!isComplaint(decoded)) return [];
  // A resolution ends a waiting compensation request (the domain's rule).
  const ended = decoded.type === 'ComplaintResolved' ? decidePending(decoded.data.complaintId, at, rows) : [];
  return [...projectComplaint(decoded, at, rows), ...ended];
}

/**
 * Supervision: what the supervision report and the alerts need that no other read model keeps (discount
 * approvals asked and given, promises to pay by their date, write-off and compensation requests, complaints whose SLA
 * clocks run).
 * Every row is one record's own state, so it depends only on the order of its own stream.
 */
export const supervisionProjection: Projection = {
  name: 'supervision',
  handles: new Set([...ORDER, ...RECEIVABLE, ...COMPLAINT, ...COMPENSATION]),
  version: 2,
  tables: [
    supervisionOrdersTable,
    supervisionPromisesTable,
    supervisionWriteOffsTable,
    supervisionComplaintsTable,
    supervisionCompensationsTable,
    supervisionPendingCompensationsTable,
  ],
  project,
};
