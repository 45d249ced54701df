import type { RecordedEvent } from '@salesbook/eventstore';
import { countsOn, sumMinor, type Allocation, type SalesbookEvent } from '@salesbook/domain';
import { decodeEvent } from '../model/decode.js';
import {
  allocationChange,
  collectionEarlyTable,
  collectionMonthsTable,
  collectionMonthWrites,
  type MonthChange,
} from './collection-months.js';
import type { Projection } from '../model/projection.js';
import { upsert, type RowReader, type RowWrite } from '../model/table.js';
import {
  installmentMovementsTable,
  installmentsTable,
  receivablesDailyTable,
  STILL_OPEN,
  type InstallmentMovementRow,
  type InstallmentRow,
  type ReceivablesDailyRow,
} from './receivables-kpi.tables.js';

type DayKind = 'opened' | 'credited' | 'received' | 'reversed' | 'written_off';
type MoveKind = 'paid' | 'reversed' | 'credited' | 'written_off';

/** The day (a late fact's `postedOn`: closed months never move), kinds and allocations an event moves; `undefined` for events that move no money. */
function movementOf(
  event: SalesbookEvent,
): { on: string; day: DayKind; move: MoveKind | null; amount: number; allocations: readonly Allocation[] } | undefined {
  switch (event.type) {
    case 'ReceivableOpened':
      return { on: event.data.issueDate, day: 'opened', move: null, amount: event.data.amount, allocations: [] };
    case 'PaymentReceived':
      return {
        on: countsOn(event.data, event.data.receivedOn),
        day: 'received',
        move: 'paid',
        amount: event.data.amount,
        allocations: event.data.allocations,
      };
    case 'PaymentReversed':
      return {
        on: countsOn(event.data, event.data.reversedOn),
        day: 'reversed',
        move: 'reversed',
        amount: event.data.amount,
        allocations: event.data.allocations,
      };
    case 'CreditNoteIssued':
      return {
        on: countsOn(event.data, event.data.creditedOn),
        day: 'credited',
        move: 'credited',
        amount: event.data.amount,
        allocations: event.data.allocations,
      };
    case 'ReceivableWrittenOff':
      return {
        on: countsOn(event.data, event.data.writtenOffOn),
        day: 'written_off',
        move: 'written_off',
        amount: event.data.amount,
        allocations: event.data.allocations,
      };
    default:
      return undefined;
  }
}

const HANDLED = new Set([
  'ReceivableOpened',
  'PaymentReceived',
  'PaymentReversed',
  'CreditNoteIssued',
  'ReceivableWrittenOff',
]);
const ZERO_DAY = { opened: 0, credited: 0, received: 0, reversed: 0, written_off: 0 };
const ZERO_MOVE = { paid: 0, reversed: 0, credited: 0, written_off: 0 };

/** The installment after `amount` of `kind` dated `on`: what moved it in all, and until when it can still move. */
function moveInstallment(row: InstallmentRow, kind: MoveKind, amount: number, on: string): InstallmentRow {
  const signed = kind === 'reversed' ? -amount : amount;
  const moved = sumMinor([row.moved, signed]);
  const atDue = on <= row.due_date ? sumMinor([row.outstanding_at_due, -signed]) : row.outstanding_at_due;
  const last = on > row.last_moved_on ? on : row.last_moved_on;
  return {
    ...row,
    moved,
    outstanding_at_due: atDue,
    last_moved_on: last,
    open_until: moved === row.amount ? last : STILL_OPEN,
  };
}

function project(event: RecordedEvent, rows: RowReader): readonly RowWrite[] {
  if (!HANDLED.has(event.type)) return [];
  const decoded = decodeEvent(event);
  const movement = movementOf(decoded);
  if (movement === undefined || !('receivableId' in decoded.data) || !('outstanding' in decoded.data)) return [];
  const d = decoded.data;
  const dayKey = { business_date: movement.on, rep_id: d.repId, region: d.region, currency: d.currency };
  const day: ReceivablesDailyRow = { ...dayKey, ...ZERO_DAY, ...rows.get(receivablesDailyTable, dayKey) };
  const writes: RowWrite[] = [
    upsert(receivablesDailyTable, { ...day, [movement.day]: sumMinor([day[movement.day], movement.amount]) }),
  ];
  if (decoded.type === 'ReceivableOpened') {
    const o = decoded.data;
    for (const i of o.installments) {
      const row = {
        receivable_id: o.receivableId,
        installment_no: i.installmentNo,
        order_id: o.orderId,
        customer_id: o.customerId,
        rep_id: o.repId,
        region: o.region,
        currency: o.currency,
      };
      const opened = { ...row, due_date: i.dueDate, amount: i.amount, issue_date: o.issueDate };
      writes.push(
        upsert(installmentsTable, {
          ...opened,
          moved: 0,
          outstanding_at_due: i.amount,
          last_moved_on: o.issueDate,
          open_until: i.amount === 0 ? o.issueDate : STILL_OPEN,
        }),
      );
    }
    const falling = o.installments.map((i) => ({
      month: i.dueDate.slice(0, 7),
      add: { installments_due: 1, due_amount: i.amount },
    }));
    writes.push(...collectionMonthWrites(rows, { rep_id: o.repId, region: o.region, currency: o.currency }, falling));
  }
  const kind = movement.move;
  if (kind === null) return writes;
  const changes: MonthChange[] = [];
  let group: { rep_id: string; region: string; currency: string } | undefined;
  const perInstallment = new Map<number, number>();
  for (const a of movement.allocations)
    perInstallment.set(a.installmentNo, sumMinor([perInstallment.get(a.installmentNo) ?? 0, a.amount]));
  for (const [installmentNo, amount] of perInstallment) {
    const key = { business_date: movement.on, receivable_id: d.receivableId, installment_no: installmentNo };
    const current: InstallmentMovementRow = { ...key, ...ZERO_MOVE, ...rows.get(installmentMovementsTable, key) };
    writes.push(upsert(installmentMovementsTable, { ...current, [kind]: sumMinor([current[kind], amount]) }));
    const installment = rows.get(installmentsTable, { receivable_id: d.receivableId, installment_no: installmentNo });
    if (installment === undefined) continue;
    writes.push(upsert(installmentsTable, moveInstallment(installment, kind, amount, movement.on)));
    changes.push(allocationChange(kind, amount, movement.on, installment.due_date));
    group = { rep_id: installment.rep_id, region: installment.region, currency: installment.currency };
  }
  // Attributed as the installments are (one receivable's), as the reports group them.
  return group === undefined ? writes : [...writes, ...collectionMonthWrites(rows, group, changes)];
}

/**
 * Receivables for sales KPIs: invoiced (opened less credit notes) and collected (payments less reversals)
 * per business day x rep x region x currency, and each installment with its allocations per day, from which
 * newly overdue amounts and the due-based collection rate are computed as of any day. Credit notes and
 * write-offs are never collections.
 */
export const receivablesKpiProjection: Projection = {
  name: 'receivables_kpi',
  handles: HANDLED,
  version: 2,
  tables: [
    receivablesDailyTable,
    installmentsTable,
    installmentMovementsTable,
    collectionMonthsTable,
    collectionEarlyTable,
  ],
  project,
};
