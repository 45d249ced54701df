import type { RecordedEvent } from '@salesbook/eventstore';
import type { SalesbookEvent } from '@salesbook/domain';
import { decodeEvent } from '../model/decode.js';
import type { Projection } from '../model/projection.js';
import { defineTable, upsert, type RowReader, type RowWrite } from '../model/table.js';
import { approvalWrite, commissionStatementsTable } from './statement-approvals.js';

/** What a line does to commission: collections make the base, reductions may claw back what was paid. */
export type CommissionLineKind = 'payment' | 'reversal' | 'credit_note' | 'write_off';

/** One money event on a receivable: the unit a commission statement is traced to. */
export type CommissionLineRow = {
  readonly stream_name: string;
  readonly revision: number;
  readonly event_type: string;
  readonly kind: string;
  readonly receivable_id: string;
  readonly order_id: string;
  /** The rep of the receivable's order, and its region. */
  readonly rep_id: string;
  readonly region: string;
  readonly currency: string;
  /** Positive minor units; the kind says which way it counts. */
  readonly amount: number;
  /** The fact's own business date. */
  readonly dated_on: string;
  /** The day it counts on: its `postedOn` when it was dated in a closed month (a late adjustment), else its own date. */
  readonly counted_on: string;
  readonly month: string;
};

/** The `commission_lines` read model, keyed by stream and revision (stable across stores; positions are not). */
export const commissionLinesTable = defineTable<CommissionLineRow, 'stream_name' | 'revision'>({
  name: 'commission_lines',
  columns: {
    stream_name: 'TEXT',
    revision: 'INTEGER',
    event_type: 'TEXT',
    kind: 'TEXT',
    receivable_id: 'TEXT',
    order_id: 'TEXT',
    rep_id: 'TEXT',
    region: 'TEXT',
    currency: 'TEXT',
    amount: 'INTEGER',
    dated_on: 'TEXT',
    counted_on: 'TEXT',
    month: 'TEXT',
  },
  primaryKey: ['stream_name', 'revision'],
  indexes: [['rep_id', 'month'], ['receivable_id']],
});

/** A plan version from a month on, its terms as JSON; `terms` null marks the plan's end from that month. */
export type CommissionPlanRow = {
  readonly plan_id: string;
  readonly effective_from: string;
  readonly version: number | null;
  readonly terms: string | null;
};

/** The `commission_plans` read model: one row per plan and month a version (or the end) starts. */
export const commissionPlansTable = defineTable<CommissionPlanRow, 'plan_id' | 'effective_from'>({
  name: 'commission_plans',
  columns: { plan_id: 'TEXT', effective_from: 'TEXT', version: 'INTEGER NULL', terms: 'TEXT NULL' },
  primaryKey: ['plan_id', 'effective_from'],
});

type Line = Omit<CommissionLineRow, 'stream_name' | 'revision' | 'event_type' | 'month'>;

function lineOf(event: SalesbookEvent): Line | undefined {
  const line = (
    kind: CommissionLineKind,
    d: {
      receivableId: string;
      orderId: string;
      repId: string;
      region: string;
      currency: string;
      amount: number;
      postedOn?: string | undefined;
    },
    on: string,
  ): Line => ({
    kind,
    receivable_id: d.receivableId,
    order_id: d.orderId,
    rep_id: d.repId,
    region: d.region,
    currency: d.currency,
    amount: d.amount,
    dated_on: on,
    counted_on: d.postedOn ?? on,
  });
  switch (event.type) {
    case 'PaymentReceived':
      return line('payment', event.data, event.data.receivedOn);
    case 'PaymentReversed':
      return line('reversal', event.data, event.data.reversedOn);
    case 'CreditNoteIssued':
      return line('credit_note', event.data, event.data.creditedOn);
    case 'ReceivableWrittenOff':
      return line('write_off', event.data, event.data.writtenOffOn);
    default:
      return undefined;
  }
}

function planRow(event: SalesbookEvent): CommissionPlanRow | undefined {
  if (event.type === 'CommissionPlanEnded')
    return { plan_id: event.data.planId, effective_from: event.data.from, version: null, terms: null };
  if (event.type !== 'CommissionPlanVersionSet') return undefined;
  const { planId, version, effectiveFrom, name, covers, currency, tiers, accelerators, clawback } = event.data;
  return {
    plan_id: planId,
    effective_from: effectiveFrom,
    version,
    terms: JSON.stringify({ name, covers, currency, tiers, accelerators, clawback }),
  };
}

const HANDLED = new Set([
  'PaymentReceived',
  'PaymentReversed',
  'CreditNoteIssued',
  'ReceivableWrittenOff',
  'CommissionPlanVersionSet',
  'CommissionPlanEnded',
  'CommissionStatementApproved',
  'CommissionStatementConfirmed',
]);

function project(event: RecordedEvent, rows: RowReader): readonly RowWrite[] {
  if (!HANDLED.has(event.type)) return [];
  const decoded = decodeEvent(event);
  if (decoded.type === 'CommissionStatementApproved' || decoded.type === 'CommissionStatementConfirmed') {
    const write = approvalWrite(decoded, rows);
    return write === undefined ? [] : [write];
  }
  const plan = planRow(decoded);
  if (plan !== undefined) return [upsert(commissionPlansTable, plan)];
  const line = lineOf(decoded);
  if (line === undefined) return [];
  return [
    upsert(commissionLinesTable, {
      stream_name: event.streamName,
      revision: event.revision,
      event_type: event.type,
      month: line.counted_on.slice(0, 7),
      ...line,
    }),
  ];
}

/**
 * Commission: every payment, reversal, credit note and write-off on a receivable, on the day it counts (a late fact
 * into a closed month counts on its `postedOn`), and every commission plan version. Statements are computed from
 * these and the targets at query time, so a plan or a target change shows without a rebuild. An approved month's
 * statement is kept as approved (`commission_statements`).
 */
export const commissionsProjection: Projection = {
  name: 'commissions',
  handles: HANDLED,
  version: 2,
  tables: [commissionLinesTable, commissionPlansTable, commissionStatementsTable],
  project,
};
