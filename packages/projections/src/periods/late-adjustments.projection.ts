import type { RecordedEvent } from '@salesbook/eventstore';
import type { SalesbookEvent } from '@salesbook/domain';
import { decodeEvent } from '../model/decode.js';
import type { Projection } from '../model/projection.js';
import { defineTable, upsert, type RowWrite } from '../model/table.js';

/** A fact dated in a month that was closed when it was recorded, and the open day it counts on instead. */
export type LateAdjustmentRow = {
  readonly stream_name: string;
  readonly revision: number;
  readonly event_type: string;
  /** The business day it counts on (`postedOn`) and that day's month. */
  readonly posted_on: string;
  readonly posted_month: string;
  /** Its own business date, in the closed month. */
  readonly dated_on: string;
  readonly rep_id: string;
  readonly region: string;
  /** Money moved (payments, reversals, credit notes, write-offs); null for shipments and deliveries. */
  readonly currency: string | null;
  readonly amount: number | null;
};

/** The `late_adjustments` read model: one row per late fact, keyed by its stream and revision (stable across stores). */
export const lateAdjustmentsTable = defineTable<LateAdjustmentRow, 'stream_name' | 'revision'>({
  name: 'late_adjustments',
  columns: {
    stream_name: 'TEXT',
    revision: 'INTEGER',
    event_type: 'TEXT',
    posted_on: 'TEXT',
    posted_month: 'TEXT',
    dated_on: 'TEXT',
    rep_id: 'TEXT',
    region: 'TEXT',
    currency: 'TEXT NULL',
    amount: 'INTEGER NULL',
  },
  primaryKey: ['stream_name', 'revision'],
});

type Late = Pick<LateAdjustmentRow, 'posted_on' | 'dated_on' | 'rep_id' | 'region' | 'currency' | 'amount'>;

/** The late fact an event records, if it carries `postedOn`. */
function lateFact(event: SalesbookEvent): Late | undefined {
  const money = (
    d: { postedOn?: string | undefined; repId: string; region: string; currency: string; amount: number },
    on: string,
  ): Late | undefined =>
    d.postedOn === undefined
      ? undefined
      : {
          posted_on: d.postedOn,
          dated_on: on,
          rep_id: d.repId,
          region: d.region,
          currency: d.currency,
          amount: d.amount,
        };
  const goods = (d: { postedOn?: string | undefined; repId: string; region: string }, on: string): Late | undefined =>
    d.postedOn === undefined
      ? undefined
      : { posted_on: d.postedOn, dated_on: on, rep_id: d.repId, region: d.region, currency: null, amount: null };
  switch (event.type) {
    case 'PaymentReceived':
      return money(event.data, event.data.receivedOn);
    case 'PaymentReversed':
      return money(event.data, event.data.reversedOn);
    case 'CreditNoteIssued':
      return money(event.data, event.data.creditedOn);
    case 'ReceivableWrittenOff':
      return money(event.data, event.data.writtenOffOn);
    case 'OrderShipmentRecorded':
      return goods(event.data, event.data.shippedOn);
    case 'OrderDelivered':
      return goods(event.data, event.data.deliveredOn);
    default:
      return undefined;
  }
}

const HANDLED = new Set([
  'PaymentReceived',
  'PaymentReversed',
  'CreditNoteIssued',
  'ReceivableWrittenOff',
  'OrderShipmentRecorded',
  'OrderDelivered',
]);

function project(event: RecordedEvent): readonly RowWrite[] {
  if (!HANDLED.has(event.type)) return [];
  const late = lateFact(decodeEvent(event));
  if (late === undefined) return [];
  return [
    upsert(lateAdjustmentsTable, {
      stream_name: event.streamName,
      revision: event.revision,
      event_type: event.type,
      posted_month: late.posted_on.slice(0, 7),
      ...late,
    }),
  ];
}

/**
 * Late adjustments: every fact dated in a month that was closed when it was recorded (it carries `postedOn`), with
 * its own date and the day it counts on, so a month's report can list what came late into it and from when.
 */
export const lateAdjustmentsProjection: Projection = {
  name: 'late_adjustments',
  handles: HANDLED,
  version: 1,
  tables: [lateAdjustmentsTable],
  project,
};
