import type Database from 'better-sqlite3';
import { readJoinedReport } from '../kpi/kpi-report.js';
import { ratio } from '../model/ratio.js';
import type { ReportScope } from '../model/report-filter.js';
import type { LagOf } from '../runner/report.js';
import type { ReportResult } from '../runner/status.js';
import {
  complaintsWithinSla,
  deliveriesOnTime,
  discountApprovals,
  overdueFollowUps,
  profilesReviewed,
  promisesDue,
  type Counted,
  type SupervisionPeriod,
} from './supervision-sources.js';

/** Every projection the supervision report joins. */
export const SUPERVISION_SOURCES = [
  'supervision',
  'receivables_kpi',
  'collections',
  'complaints',
  'customer_directory',
  'fulfilment',
] as const;

/** Filter of the supervision report. */
export interface SupervisionFilter {
  /** Business month `YYYY-MM`. */
  readonly month: string;
  /** The business date D the month is measured up to: its last day, or today while it is not over (passed in: queries read no clock). */
  readonly asOf: string;
  /** The instant complaints' SLA clocks are read at: the end of D, or now. */
  readonly asOfInstant: string;
  readonly groupBy: 'rep' | 'region';
  readonly scope?: ReportScope;
}

/** One rep's (or region's) supervision figures for a month; every rate is a ratio at 4 decimals, `null` over 0. */
export interface SupervisionRow {
  readonly key: string;
  readonly overdue_receivables: number;
  readonly overdue_followed_up: number;
  readonly overdue_follow_up_share: number | null;
  readonly promises_due: number;
  readonly promises_kept: number;
  readonly promises_broken: number;
  readonly promise_kept_rate: number | null;
  readonly complaints: number;
  readonly acknowledged_within_sla: number;
  readonly acknowledged_within_sla_rate: number | null;
  readonly resolved_within_sla: number;
  readonly resolved_within_sla_rate: number | null;
  readonly active_customers: number;
  readonly profiles_reviewed: number;
  readonly profiles_reviewed_rate: number | null;
  readonly deliveries: number;
  readonly deliveries_on_time: number;
  readonly on_time_delivery_rate: number | null;
  readonly orders_placed: number;
  readonly orders_needing_approval: number;
  readonly approval_share: number | null;
}

type Totals = Record<string, number>;

function tally(
  groups: Map<string, Totals>,
  groupBy: 'rep' | 'region',
  prefix: string,
  records: readonly Counted<string>[],
): void {
  for (const record of records) {
    const key = groupBy === 'rep' ? record.rep_id : record.region;
    const totals = groups.get(key) ?? {};
    for (const [name, n] of Object.entries(record.counts))
      totals[`${prefix}${name}`] = (totals[`${prefix}${name}`] ?? 0) + (n ?? 0);
    groups.set(key, totals);
  }
}

function rowOf(key: string, t: Totals): SupervisionRow {
  const n = (name: string): number => t[name] ?? 0;
  return {
    key,
    overdue_receivables: n('r.overdue'),
    overdue_followed_up: n('r.followed_up'),
    overdue_follow_up_share: ratio(n('r.followed_up'), n('r.overdue')),
    promises_due: n('p.promises_due'),
    promises_kept: n('p.kept'),
    promises_broken: n('p.broken'),
    promise_kept_rate: ratio(n('p.kept'), n('p.kept') + n('p.broken')),
    complaints: n('c.complaints'),
    acknowledged_within_sla: n('c.acknowledged'),
    acknowledged_within_sla_rate: ratio(n('c.acknowledged'), n('c.complaints')),
    resolved_within_sla: n('c.resolved'),
    resolved_within_sla_rate: ratio(n('c.resolved'), n('c.complaints')),
    active_customers: n('u.customers'),
    profiles_reviewed: n('u.reviewed'),
    profiles_reviewed_rate: ratio(n('u.reviewed'), n('u.customers')),
    deliveries: n('d.deliveries'),
    deliveries_on_time: n('d.on_time'),
    on_time_delivery_rate: ratio(n('d.on_time'), n('d.deliveries')),
    orders_placed: n('o.orders'),
    orders_needing_approval: n('o.needing_approval'),
    approval_share: ratio(n('o.needing_approval'), n('o.orders')),
  };
}

/**
 * The supervision report (execution and supervision): per rep or region, for a month measured up to D, the share of
 * overdue receivables followed up in the last 7 days, promises kept against broken, complaints acknowledged and
 * resolved within SLA, profiles reviewed within 12 months, deliveries on time and orders whose discount needed
 * approval. Definitions: the projections README. A group appears once any record is attributed to it; ordered by key.
 * @example querySupervision(db, lagOf, { month: '2026-04', asOf: '2026-04-30', asOfInstant: '2026-04-30T15:59:59.999Z', groupBy: 'rep' })
 */
export function querySupervision(
  db: Database.Database,
  lagOf: LagOf,
  filter: SupervisionFilter,
): ReportResult<SupervisionRow> {
  const period: SupervisionPeriod = {
    first: `${filter.month}-01`,
    asOf: filter.asOf,
    asOfInstant: filter.asOfInstant,
    scope: filter.scope ?? {},
  };
  if (!filter.asOf.startsWith(filter.month)) throw new RangeError(`asOf ${filter.asOf} is not in ${filter.month}`);
  const result = readJoinedReport(db, SUPERVISION_SOURCES, lagOf, () => {
    const groups = new Map<string, Totals>();
    tally(groups, filter.groupBy, 'r.', overdueFollowUps(db, period));
    tally(groups, filter.groupBy, 'p.', promisesDue(db, period));
    tally(groups, filter.groupBy, 'c.', complaintsWithinSla(db, period));
    tally(groups, filter.groupBy, 'u.', profilesReviewed(db, period));
    tally(groups, filter.groupBy, 'd.', deliveriesOnTime(db, period));
    tally(groups, filter.groupBy, 'o.', discountApprovals(db, period));
    return [...groups.keys()].sort().map((key) => rowOf(key, groups.get(key) ?? {}));
  });
  return { rows: result.report, position: result.position, lag: result.lag };
}
