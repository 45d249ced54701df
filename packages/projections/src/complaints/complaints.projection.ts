import type { RecordedEvent } from '@salesbook/eventstore';
import { recordInComplaintTimeline, type ComplaintEvent, type ComplaintTimeline } from '@salesbook/domain';
import { businessDate } from '../model/business-time.js';
import { decodeEvent } from '../model/decode.js';
import type { Projection, ProjectionContext } from '../model/projection.js';
import { defineTable, upsert, type RowReader, type RowWrite } from '../model/table.js';

/** A closing of a complaint with the customer's satisfaction with the handling (1-5). */
export interface ComplaintClosing {
  readonly closedAt: string;
  readonly satisfaction: number;
}

/**
 * One complaint as reports need it: its classification and attribution at filing, the instants its SLA
 * depends on (the domain's `ComplaintTimeline`, as JSON) and its closings. Never the description, findings,
 * notes or resolution text (personal data). Breaches are not stored: queries compute them as of a date.
 */
export type ComplaintFactsRow = {
  readonly complaint_id: string;
  readonly customer_id: string;
  readonly order_id: string | null;
  readonly filed_at: string;
  /** Business date of `filed_at`: the day the complaint counts as opened. */
  readonly filed_on: string;
  readonly channel: string;
  readonly category: string;
  readonly severity: string;
  /** The customer's owner rep and region at filing. */
  readonly owner_rep_id: string;
  readonly region: string;
  /** `ComplaintTimeline` as JSON. */
  readonly timeline: string;
  /** `ComplaintClosing[]` as JSON, in order. */
  readonly closings: string;
};

/** The `complaint_facts` read model: one row per filed complaint. */
export const complaintFactsTable = defineTable<ComplaintFactsRow, 'complaint_id'>({
  name: 'complaint_facts',
  columns: {
    complaint_id: 'TEXT',
    customer_id: 'TEXT',
    order_id: 'TEXT NULL',
    filed_at: 'TEXT',
    filed_on: 'TEXT',
    channel: 'TEXT',
    category: 'TEXT',
    severity: 'TEXT',
    owner_rep_id: 'TEXT',
    region: 'TEXT',
    timeline: 'TEXT',
    closings: 'TEXT',
  },
  primaryKey: ['complaint_id'],
  // Complaints filed on a day or in a period (daily, monthly and complaints reports).
  indexes: [['filed_on']],
});

/** One closing of a complaint (the nth, from 1) with the complaint's attribution at filing: the daily report counts closings of a day. */
export type ComplaintClosingRow = {
  readonly complaint_id: string;
  readonly closing_no: number;
  readonly closed_at: string;
  readonly owner_rep_id: string;
  readonly region: string;
};

/** The `complaint_closings` read model, indexed by the closing instant. */
export const complaintClosingsTable = defineTable<ComplaintClosingRow, 'complaint_id' | 'closing_no'>({
  name: 'complaint_closings',
  columns: { complaint_id: 'TEXT', closing_no: 'INTEGER', closed_at: 'TEXT', owner_rep_id: 'TEXT', region: 'TEXT' },
  primaryKey: ['complaint_id', 'closing_no'],
  indexes: [['closed_at']],
});

/** The events that move a complaint's timeline or record a closing; the others change nothing reports read. */
const TIMELINE_EVENTS = new Set([
  'ComplaintFiled',
  'ComplaintAcknowledged',
  'ComplaintAwaitingCustomer',
  'ComplaintCustomerResponded',
  'ComplaintResolved',
  'ComplaintClosed',
  'ComplaintReopened',
]);

const isComplaintEvent = (event: { type: string }): event is ComplaintEvent => TIMELINE_EVENTS.has(event.type);

function filedRow(event: Extract<ComplaintEvent, { type: 'ComplaintFiled' }>, zone: string): ComplaintFactsRow {
  const d = event.data;
  return {
    complaint_id: d.complaintId,
    customer_id: d.customerId,
    order_id: d.orderId,
    filed_at: d.filedAt,
    filed_on: businessDate(d.filedAt, zone),
    channel: d.channel,
    category: d.category,
    severity: d.severity,
    owner_rep_id: d.ownerRepId,
    region: d.region,
    timeline: JSON.stringify(recordInComplaintTimeline(null, event)),
    closings: '[]',
  };
}

const closingOf = (event: ComplaintEvent): ComplaintClosing[] =>
  event.type === 'ComplaintClosed' ? [{ closedAt: event.data.closedAt, satisfaction: event.data.satisfaction }] : [];

function project(event: RecordedEvent, rows: RowReader, context: ProjectionContext): readonly RowWrite[] {
  if (!TIMELINE_EVENTS.has(event.type)) return [];
  const decoded = decodeEvent(event);
  if (!isComplaintEvent(decoded)) return [];
  const key = { complaint_id: decoded.data.complaintId };
  const row = rows.get(complaintFactsTable, key);
  if (decoded.type === 'ComplaintFiled')
    return row === undefined ? [upsert(complaintFactsTable, filedRow(decoded, context.zone))] : [];
  if (row === undefined)
    throw new Error(`complaint ${key.complaint_id} was never filed (${decoded.type} before ComplaintFiled)`);
  const timeline = recordInComplaintTimeline(JSON.parse(row.timeline) as ComplaintTimeline, decoded);
  const closings = JSON.parse(row.closings) as ComplaintClosing[];
  const writes = [
    upsert(complaintFactsTable, {
      ...row,
      timeline: JSON.stringify(timeline),
      closings: JSON.stringify([...closings, ...closingOf(decoded)]),
    }),
  ];
  if (decoded.type !== 'ComplaintClosed') return writes;
  const closing = {
    complaint_id: row.complaint_id,
    closing_no: closings.length + 1,
    closed_at: decoded.data.closedAt,
    owner_rep_id: row.owner_rep_id,
    region: row.region,
  };
  return [...writes, upsert(complaintClosingsTable, closing)];
}

/**
 * Complaints (docs/reports.md): one row per complaint with what its counts, times, SLA breaches,
 * reopens and handling satisfaction are computed from at query time, as of any instant.
 */
export const complaintsProjection: Projection = {
  name: 'complaints',
  handles: TIMELINE_EVENTS,
  version: 2,
  tables: [complaintFactsTable, complaintClosingsTable],
  project,
};
