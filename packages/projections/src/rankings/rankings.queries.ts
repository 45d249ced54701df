import type Database from 'better-sqlite3';
import type { LagOf } from '../runner/report.js';
import type { ReportResult } from '../runner/status.js';
import { monthDays, shiftMonth } from '../kpi/business-days.js';
import { readJoinedReport } from '../kpi/kpi-report.js';
import * as read from '../kpi/monthly-sales.sql.js';
import { rankRows, type LeagueTableRow, type RankingMetric, type RankingParts } from './league-table.js';
import { periodMonths } from './period.js';

/** Parameters of `GET /reports/rankings`. */
export interface RankingsFilter {
  /** `YYYY-MM`, `YYYY-Qn` or `YYYY`. */
  readonly period: string;
  readonly metric: RankingMetric;
  /** One region's reps (their figures in that region), or every rep's figures everywhere. */
  readonly region?: string;
  /** The current business month: later months of a period not yet over count nothing (their targets and dues are not yet earned). */
  readonly throughMonth?: string;
}

/** The projections a league table reads: those of the monthly report's booked, target, collection and CSAT figures. */
export const RANKINGS_SOURCES = ['sales_monthly', 'sales_targets', 'receivables_kpi', 'satisfaction'] as const;

type Sums = { -readonly [K in keyof RankingParts]: RankingParts[K] };

const empty = (rep_id: string, currency: string | null): Sums => ({
  rep_id,
  currency,
  booked: 0,
  target: null,
  collected: 0,
  collected_on_due: 0,
  due: 0,
  satisfied: 0,
  responses: 0,
});

/** Adds one month's reads of every rep into `sums` (keyed by rep and currency; CSAT under currency `null`). */
function addMonth(db: Database.Database, month: string, region: string | null, sums: Map<string, Sums>): void {
  const { from, to } = monthDays(month);
  const p: read.MonthlyParams = {
    month,
    previousMonth: shiftMonth(month, -1),
    lastYearMonth: shiftMonth(month, -12),
    monthStart: from,
    monthEnd: to,
    repId: null,
    region,
  };
  const at = (rep: string, currency: string | null): Sums => {
    const k = JSON.stringify([rep, currency]);
    const found = sums.get(k) ?? empty(rep, currency);
    sums.set(k, found);
    return found;
  };
  const targets = new Map(
    read.readMonthTargets(db, 'rep', p).map((t) => [JSON.stringify([t.grp, t.currency]), t.target]),
  );
  const booked = new Map(
    read
      .readMonthlyBooked(db, 'rep', p)
      .filter((b) => b.business_month === month)
      .map((b) => [JSON.stringify([b.grp, b.currency]), b.booked]),
  );
  for (const k of new Set([...targets.keys(), ...booked.keys()])) {
    const [rep = '', currency = ''] = JSON.parse(k) as string[];
    const s = at(rep, currency);
    const target = targets.get(k);
    // Attainment counts the booked sales of the months that had a target only, against the sum of those targets.
    if (target !== undefined) {
      s.target = (s.target ?? 0) + target;
      s.booked += booked.get(k) ?? 0;
    }
  }
  for (const c of read.readCollections(db, 'rep', p)) {
    const s = at(c.grp, c.currency);
    s.collected += c.collected;
    s.collected_on_due += c.collected_on_due;
    s.due += c.due;
  }
  for (const a of read.readSatisfaction(db, 'rep', p)) {
    const s = at(a.grp, null);
    s.satisfied += a.satisfied;
    s.responses += a.responses;
  }
}

/** The months of the period a league table counts: up to the current month when the period is not over. */
export function rankedMonths(filter: Pick<RankingsFilter, 'period' | 'throughMonth'>): string[] {
  return periodMonths(filter.period).filter(
    (month) => filter.throughMonth === undefined || month <= filter.throughMonth,
  );
}

/** The summed monthly figures of every rep in the region (or everywhere) over the period's months. */
export function rankingParts(db: Database.Database, filter: RankingsFilter): RankingParts[] {
  const sums = new Map<string, Sums>();
  for (const month of rankedMonths(filter)) addMonth(db, month, filter.region ?? null, sums);
  const wanted = filter.metric === 'csat' ? (s: Sums) => s.currency === null : (s: Sums) => s.currency !== null;
  return [...sums.values()].filter(wanted);
}

/**
 * A league table (docs/reports.md): every rep with a figure in the period, ranked by the metric within each
 * currency (CSAT has none), ties sharing a rank. Quarter and year figures are ratios of the months' summed parts.
 */
export function queryRankings(
  db: Database.Database,
  lagOf: LagOf,
  filter: RankingsFilter,
): ReportResult<LeagueTableRow> {
  const result = readJoinedReport(db, RANKINGS_SOURCES, lagOf, () => rankRows(filter.metric, rankingParts(db, filter)));
  return { rows: result.report, position: result.position, lag: result.lag };
}
