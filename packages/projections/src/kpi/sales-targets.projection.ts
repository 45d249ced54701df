import type { RecordedEvent } from '@salesbook/eventstore';
import { decodeEvent } from '../model/decode.js';
import type { Projection } from '../model/projection.js';
import { defineTable, upsert, type RowReader, type RowWrite } from '../model/table.js';
import { planTargetPartsTable, planTargetSplitsTable, splitWrites } from './plan-target-parts.js';

/** The current target of one period (`YYYY-MM`, `YYYY-Qn` or `YYYY`), measure and scope (amounts: minor units or a count). */
export type PlanTargetRow = {
  readonly period: string;
  /** `booked`, `collected` or `newCustomers` (a number of customers). */
  readonly measure: string;
  readonly scope: string;
  readonly scope_id: string;
  readonly region: string;
  readonly currency: string;
  readonly amount: number;
  /** When it was last set or revised (epoch milliseconds): the later of a rep's own target and a split part is in force. */
  readonly changed_ms: number;
};

/** The `plan_targets` read model: every target, one row per period x measure x scope x scope id. */
export const planTargetsTable = defineTable<PlanTargetRow, 'period' | 'measure' | 'scope' | 'scope_id'>({
  name: 'plan_targets',
  columns: {
    period: 'TEXT',
    measure: 'TEXT',
    scope: 'TEXT',
    scope_id: 'TEXT',
    region: 'TEXT',
    currency: 'TEXT',
    amount: 'INTEGER',
    changed_ms: 'INTEGER',
  },
  primaryKey: ['period', 'measure', 'scope', 'scope_id'],
});

const TARGET_EVENTS = new Set(['SalesTargetSet', 'SalesTargetRevised', 'SalesTargetSplit']);

function project(event: RecordedEvent, rows: RowReader): readonly RowWrite[] {
  if (!TARGET_EVENTS.has(event.type)) return [];
  const decoded = decodeEvent(event);
  if (decoded.type === 'SalesTargetSplit') return splitWrites(decoded.data, rows);
  if (decoded.type !== 'SalesTargetSet' && decoded.type !== 'SalesTargetRevised') return [];
  const { period, measure, scope, scopeId: scope_id, region, currency, amount } = decoded.data;
  const changed_ms = Date.parse(decoded.type === 'SalesTargetSet' ? decoded.data.setAt : decoded.data.revisedAt);
  // One stream per target: the last event of the stream is the target in force.
  return [upsert(planTargetsTable, { period, measure, scope, scope_id, region, currency, amount, changed_ms })];
}

/**
 * Targets (SalesTargetSet, SalesTargetRevised) per period, measure and scope, and the parts of split region targets
 * (SalesTargetSplit), for attainment at query time.
 */
export const salesTargetsProjection: Projection = {
  name: 'sales_targets',
  handles: TARGET_EVENTS,
  // 4: the `sales_targets` table of booked month targets, read by no query since `plan_targets`, is retired.
  version: 4,
  tables: [planTargetsTable, planTargetPartsTable, planTargetSplitsTable],
  project,
};
