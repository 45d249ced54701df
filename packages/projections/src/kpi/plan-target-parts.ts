import type { SalesTargetSplit } from '@salesbook/domain';
import { defineTable, remove, upsert, type RowReader, type RowWrite } from '../model/table.js';

/** One rep's part of a split region target: the rep's target of the period and measure since `split_ms`. */
export type PlanTargetPartRow = {
  readonly period: string;
  readonly measure: string;
  readonly region: string;
  readonly rep_id: string;
  readonly currency: string;
  readonly amount: number;
  /** When it was split (epoch milliseconds): the later of a rep's own target and its part is in force. */
  readonly split_ms: number;
};

/** The `plan_target_parts` read model: the parts of each region target's last split. */
export const planTargetPartsTable = defineTable<PlanTargetPartRow, 'period' | 'measure' | 'region' | 'rep_id'>({
  name: 'plan_target_parts',
  columns: {
    period: 'TEXT',
    measure: 'TEXT',
    region: 'TEXT',
    rep_id: 'TEXT',
    currency: 'TEXT',
    amount: 'INTEGER',
    split_ms: 'INTEGER',
  },
  primaryKey: ['period', 'measure', 'region', 'rep_id'],
});

/** The reps of a region target's last split (a JSON list), so a new split can drop the reps it no longer names. */
export type PlanTargetSplitRow = {
  readonly period: string;
  readonly measure: string;
  readonly region: string;
  readonly reps: string;
};

/** The `plan_target_splits` read model: one row per split region target. */
export const planTargetSplitsTable = defineTable<PlanTargetSplitRow, 'period' | 'measure' | 'region'>({
  name: 'plan_target_splits',
  columns: { period: 'TEXT', measure: 'TEXT', region: 'TEXT', reps: 'TEXT' },
  primaryKey: ['period', 'measure', 'region'],
});

/** The writes of a split: its parts replace the previous split's (reps it no longer names lose theirs). */
export function splitWrites(split: SalesTargetSplit, rows: RowReader): readonly RowWrite[] {
  const { period, measure, region, currency } = split;
  const key = { period, measure, region };
  const before = rows.get(planTargetSplitsTable, key);
  const named = new Set(split.parts.map((part) => part.repId as string));
  const dropped = (before === undefined ? [] : (JSON.parse(before.reps) as string[])).filter((rep) => !named.has(rep));
  const split_ms = Date.parse(split.splitAt);
  return [
    ...dropped.map((rep_id) => remove(planTargetPartsTable, { ...key, rep_id })),
    ...split.parts.map((part) =>
      upsert(planTargetPartsTable, { ...key, rep_id: part.repId, currency, amount: part.amount, split_ms }),
    ),
    upsert(planTargetSplitsTable, { ...key, reps: JSON.stringify([...named]) }),
  ];
}
