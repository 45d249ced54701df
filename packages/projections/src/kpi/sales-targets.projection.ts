import type { RecordedEvent } from '@salesbook/eventstore';
import { decodeEvent } from '../model/decode.js';
import type { Projection } from '../model/projection.js';
import { defineTable, upsert, type RowWrite } from '../model/table.js';

/** The current sales target of one month and scope (a rep or a region), in its currency. */
export type SalesTargetRow = {
  readonly month: string;
  /** `rep` or `region`. */
  readonly scope: string;
  /** The rep id or the region. */
  readonly scope_id: string;
  /** The region the target counts towards (a rep's region for rep targets). */
  readonly region: string;
  readonly currency: string;
  readonly amount: number;
};

/** The `sales_targets` read model: one row per month x scope x scope id (the latest set or revised amount). */
export const salesTargetsTable = defineTable<SalesTargetRow, 'month' | 'scope' | 'scope_id'>({
  name: 'sales_targets',
  columns: { month: 'TEXT', scope: 'TEXT', scope_id: 'TEXT', region: 'TEXT', currency: 'TEXT', amount: 'INTEGER' },
  primaryKey: ['month', 'scope', 'scope_id'],
});

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
  },
  primaryKey: ['period', 'measure', 'scope', 'scope_id'],
});

function project(event: RecordedEvent): readonly RowWrite[] {
  if (event.type !== 'SalesTargetSet' && event.type !== 'SalesTargetRevised') return [];
  const decoded = decodeEvent(event);
  if (decoded.type !== 'SalesTargetSet' && decoded.type !== 'SalesTargetRevised') return [];
  const d = decoded.data;
  const { period, measure, scope, scopeId: scope_id, region, currency, amount } = d;
  // One stream per target: the last event of the stream is the target in force.
  const plan = upsert(planTargetsTable, { period, measure, scope, scope_id, region, currency, amount });
  // `sales_targets` keeps what the monthly reports compare booked sales with: booked targets of months.
  if (measure !== 'booked' || !/^\d{4}-\d{2}$/.test(period)) return [plan];
  return [
    plan,
    upsert(salesTargetsTable, {
      month: period,
      scope: d.scope,
      scope_id: d.scopeId,
      region: d.region,
      currency: d.currency,
      amount: d.amount,
    }),
  ];
}

/** Targets (SalesTargetSet, SalesTargetRevised) per period, measure and scope, for attainment at query time. */
export const salesTargetsProjection: Projection = {
  name: 'sales_targets',
  version: 2,
  tables: [salesTargetsTable, planTargetsTable],
  project,
};
