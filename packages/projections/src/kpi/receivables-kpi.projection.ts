import type { RecordedEvent } from '@salesbook/eventstore';
import { sumMinor, type Allocation, type SalesbookEvent } from '@salesbook/domain';
import { decodeEvent } from '../model/decode.js';
import type { Projection } from '../model/projection.js';
import { upsert, type RowReader, type RowWrite } from '../model/table.js';
import { installmentMovementsTable, installmentsTable, receivablesDailyTable, type InstallmentMovementRow, type ReceivablesDailyRow } from './receivables-kpi.tables.js';

type DayKind = 'opened' | 'credited' | 'received' | 'reversed' | 'written_off';
type MoveKind = 'paid' | 'reversed' | 'credited' | 'written_off';

/** The day, kinds and allocations an event moves; `undefined` for events that move no money. */
function movementOf(event: SalesbookEvent): { on: string; day: DayKind; move: MoveKind | null; amount: number; allocations: readonly Allocation[] } | undefined {
  switch (event.type) {
    case 'ReceivableOpened':
      return { on: event.data.issueDate, day: 'opened', move: null, amount: event.data.amount, allocations: [] };
    case 'PaymentReceived':
      return { on: event.data.receivedOn, day: 'received', move: 'paid', amount: event.data.amount, allocations: event.data.allocations };
    case 'PaymentReversed':
      return { on: event.data.reversedOn, day: 'reversed', move: 'reversed', amount: event.data.amount, allocations: event.data.allocations };
    case 'CreditNoteIssued':
      return { on: event.data.creditedOn, day: 'credited', move: 'credited', amount: event.data.amount, allocations: event.data.allocations };
    case 'ReceivableWrittenOff':
      return { on: event.data.writtenOffOn, day: 'written_off', move: 'written_off', amount: event.data.amount, allocations: event.data.allocations };
    default:
      return undefined;
  }
}

const HANDLED = new Set(['ReceivableOpened', 'PaymentReceived', 'PaymentReversed', 'CreditNoteIssued', 'ReceivableWrittenOff']);
const ZERO_DAY = { opened: 0, credited: 0, received: 0, reversed: 0, written_off: 0 };
const ZERO_MOVE = { paid: 0, reversed: 0, credited: 0, written_off: 0 };

function project(event: RecordedEvent, rows: RowReader): readonly RowWrite[] {
  if (!HANDLED.has(event.type)) return [];
  const decoded = decodeEvent(event);
  const movement = movementOf(decoded);
  if (movement === undefined || !('receivableId' in decoded.data) || !('outstanding' in decoded.data)) return [];
  const d = decoded.data;
  const dayKey = { business_date: movement.on, rep_id: d.repId, region: d.region, currency: d.currency };
  const day: ReceivablesDailyRow = { ...dayKey, ...ZERO_DAY, ...rows.get(receivablesDailyTable, dayKey) };
  const writes: RowWrite[] = [upsert(receivablesDailyTable, { ...day, [movement.day]: sumMinor([day[movement.day], movement.amount]) })];
  if (decoded.type === 'ReceivableOpened') {
    const o = decoded.data;
    for (const i of o.installments) {
      const row = { receivable_id: o.receivableId, installment_no: i.installmentNo, order_id: o.orderId, customer_id: o.customerId, rep_id: o.repId, region: o.region, currency: o.currency };
      writes.push(upsert(installmentsTable, { ...row, due_date: i.dueDate, amount: i.amount }));
    }
  }
  const kind = movement.move;
  if (kind === null) return writes;
  const perInstallment = new Map<number, number>();
  for (const a of movement.allocations) perInstallment.set(a.installmentNo, sumMinor([perInstallment.get(a.installmentNo) ?? 0, a.amount]));
  for (const [installmentNo, amount] of perInstallment) {
    const key = { business_date: movement.on, receivable_id: d.receivableId, installment_no: installmentNo };
    const current: InstallmentMovementRow = { ...key, ...ZERO_MOVE, ...rows.get(installmentMovementsTable, key) };
    writes.push(upsert(installmentMovementsTable, { ...current, [kind]: sumMinor([current[kind], amount]) }));
  }
  return writes;
}

/**
 * Receivables for sales KPIs: invoiced (opened less credit notes) and collected (payments less reversals)
 * per business day x rep x region x currency, and each installment with its allocations per day, from which
 * newly overdue amounts and the due-based collection rate are computed as of any day. Credit notes and
 * write-offs are never collections.
 */
export const receivablesKpiProjection: Projection = {
  name: 'receivables_kpi',
  version: 1,
  tables: [receivablesDailyTable, installmentsTable, installmentMovementsTable],
  project,
};
