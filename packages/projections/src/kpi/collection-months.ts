import { sumMinor } from '@salesbook/domain';
import { defineTable, upsert, type RowReader, type RowWrite } from '../model/table.js';

/**
 * Receivables of one rep x region x currency in one business month, summed so the monthly report's due-based
 * collection rate reads a few rows per group instead of every installment (minor units):
 * - `installments_due`/`due_amount`: installments whose due date is in the month, and their amounts;
 * - `net_moved`: paid - reversed + credited + written off dated in the month (any installment);
 * - `paid_net`: paid - reversed dated in the month; `paid_net_due`, `reduced_due` (credited + written off): the same on
 *   installments due by the month's end; `moves`: allocations dated in the month.
 * The rate of month M: due = sum of due_amount up to M - net_moved before M + early movements (before M, on
 * installments due after M) - reduced_due of M; collected on due = paid_net_due of M.
 */
export type CollectionMonthRow = {
  readonly rep_id: string;
  readonly region: string;
  readonly currency: string;
  readonly month: string;
  readonly installments_due: number;
  readonly due_amount: number;
  readonly net_moved: number;
  readonly paid_net: number;
  readonly paid_net_due: number;
  readonly reduced_due: number;
  readonly moves: number;
};

type Group = Pick<CollectionMonthRow, 'rep_id' | 'region' | 'currency'>;
type Sums = { -readonly [K in Exclude<keyof CollectionMonthRow, keyof Group | 'month'>]: number };
const ZERO: Readonly<Sums> = {
  installments_due: 0,
  due_amount: 0,
  net_moved: 0,
  paid_net: 0,
  paid_net_due: 0,
  reduced_due: 0,
  moves: 0,
};

/** The `kpi_collection_months` read model. */
export const collectionMonthsTable = defineTable<CollectionMonthRow, keyof Group | 'month'>({
  name: 'kpi_collection_months',
  columns: {
    rep_id: 'TEXT',
    region: 'TEXT',
    currency: 'TEXT',
    month: 'TEXT',
    installments_due: 'INTEGER',
    due_amount: 'INTEGER',
    net_moved: 'INTEGER',
    paid_net: 'INTEGER',
    paid_net_due: 'INTEGER',
    reduced_due: 'INTEGER',
    moves: 'INTEGER',
  },
  primaryKey: ['rep_id', 'region', 'currency', 'month'],
  indexes: [['month']],
});

/** Movements dated in `move_month` on installments due in a later `due_month` (paid early), per rep x region x currency. */
export type CollectionEarlyRow = Group & {
  readonly move_month: string;
  readonly due_month: string;
  readonly net_moved: number;
};

/** The `kpi_collection_early` read model. */
export const collectionEarlyTable = defineTable<CollectionEarlyRow, keyof Group | 'move_month' | 'due_month'>({
  name: 'kpi_collection_early',
  columns: {
    rep_id: 'TEXT',
    region: 'TEXT',
    currency: 'TEXT',
    move_month: 'TEXT',
    due_month: 'TEXT',
    net_moved: 'INTEGER',
  },
  primaryKey: ['rep_id', 'region', 'currency', 'move_month', 'due_month'],
  indexes: [['due_month']],
});

/** One change of a month's sums: an installment falling due in it, or an allocation dated in it. */
export interface MonthChange {
  readonly month: string;
  readonly add: Partial<Sums>;
  /** For an allocation paid early: the due month of its installment. */
  readonly earlyFor?: string;
}

/** What an allocation of `kind` and `amount`, dated `on`, to an installment due on `dueDate` adds. */
export function allocationChange(
  kind: 'paid' | 'reversed' | 'credited' | 'written_off',
  amount: number,
  on: string,
  dueDate: string,
): MonthChange {
  const month = on.slice(0, 7);
  const dueMonth = dueDate.slice(0, 7);
  const net = kind === 'reversed' ? -amount : amount;
  const paid = kind === 'paid' ? amount : kind === 'reversed' ? -amount : 0;
  const reduced = kind === 'credited' || kind === 'written_off' ? amount : 0;
  const onDue = dueMonth <= month;
  const add = {
    net_moved: net,
    paid_net: paid,
    paid_net_due: onDue ? paid : 0,
    reduced_due: onDue ? reduced : 0,
    moves: 1,
  };
  return dueMonth > month ? { month, add, earlyFor: dueMonth } : { month, add };
}

const SUMS = Object.keys(ZERO) as (keyof Sums)[];

/** The writes of `changes` of one group, summed per row first (several changes of one event may hit one row). */
export function collectionMonthWrites(rows: RowReader, group: Group, changes: readonly MonthChange[]): RowWrite[] {
  const months = new Map<string, Sums>();
  const early = new Map<string, { moveMonth: string; dueMonth: string; net: number }>();
  for (const change of changes) {
    let sums = months.get(change.month);
    if (sums === undefined) {
      const stored = rows.get(collectionMonthsTable, { ...group, month: change.month });
      sums = { ...ZERO };
      if (stored !== undefined) for (const column of SUMS) sums[column] = stored[column];
      months.set(change.month, sums);
    }
    for (const column of SUMS) {
      const value = change.add[column];
      if (value !== undefined) sums[column] = sumMinor([sums[column], value]);
    }
    if (change.earlyFor === undefined) continue;
    const key = `${change.month} ${change.earlyFor}`;
    const known = early.get(key) ?? {
      moveMonth: change.month,
      dueMonth: change.earlyFor,
      net:
        rows.get(collectionEarlyTable, { ...group, move_month: change.month, due_month: change.earlyFor })?.net_moved ??
        0,
    };
    early.set(key, { ...known, net: sumMinor([known.net, change.add.net_moved ?? 0]) });
  }
  const writes: RowWrite[] = [];
  for (const [month, sums] of months) writes.push(upsert(collectionMonthsTable, { ...group, month, ...sums }));
  for (const { moveMonth, dueMonth, net } of early.values())
    writes.push(upsert(collectionEarlyTable, { ...group, move_month: moveMonth, due_month: dueMonth, net_moved: net }));
  return writes;
}
