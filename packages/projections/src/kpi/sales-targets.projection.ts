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

function project(event: RecordedEvent): readonly RowWrite[] {
  if (event.type !== 'SalesTargetSet' && event.type !== 'SalesTargetRevised') return [];
  const decoded = decodeEvent(event);
  if (decoded.type !== 'SalesTargetSet' && decoded.type !== 'SalesTargetRevised') return [];
  const d = decoded.data;
  // One stream per month x scope x id: the last event of the stream is the target in force.
  return [
    upsert(salesTargetsTable, {
      month: d.month,
      scope: d.scope,
      scope_id: d.scopeId,
      region: d.region,
      currency: d.currency,
      amount: d.amount,
    }),
  ];
}

/** Sales targets (SalesTargetSet, SalesTargetRevised) per month and scope, for attainment at query time. */
export const salesTargetsProjection: Projection = {
  name: 'sales_targets',
  version: 1,
  tables: [salesTargetsTable],
  project,
};
