import type Database from 'better-sqlite3';
import type { Actor } from '@salesbook/domain';
import type { LagOf, ReportResult } from '@salesbook/projections';
import type { RouteSpec } from '../http/route-spec.js';

/** What a report reads with: the read models, the lag of its projection, who asks, the business zone. */
export interface ReportContext {
  readonly db: Database.Database;
  readonly lagOf: LagOf;
  readonly actor: Actor;
  readonly zone: string;
}

/**
 * One report: its route (GET, roles, query schema, projection) and how it runs. Adding a report is one
 * definition file and one controller method; the handler, X-Min-Position and the document do the rest.
 */
export interface ReportDefinition<Q = unknown, R = unknown> {
  readonly route: RouteSpec & { readonly projection: string };
  run(query: Q, context: ReportContext): ReportResult<R> & Readonly<Record<string, unknown>>;
}

/** Sales reports are for everyone but finance; reps and regional managers see only their own rows (see `scopeOf`). */
export const REPORT_READERS = ['sales_manager', 'regional_manager', 'sales_rep', 'market_analyst', 'auditor', 'system'] as const;

/** The rows an actor may see: a rep their own, a regional manager their region, others everything. */
export function scopeOf(actor: Actor): { repId?: string; region?: string } {
  if (actor.role === 'sales_rep') return { repId: actor.id };
  if (actor.role === 'regional_manager' && actor.region !== undefined) return { region: actor.region };
  return {};
}
