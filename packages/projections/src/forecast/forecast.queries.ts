import type Database from 'better-sqlite3';
import { sumMinor } from '@salesbook/domain';
import { readJoinedReport } from '../kpi/kpi-report.js';
import { monthTargetsSql } from '../kpi/month-targets.sql.js';
import type { ReportScope } from '../model/report-filter.js';
import { scopeCondition } from '../model/scope-sql.js';
import type { LagOf } from '../runner/report.js';
import type { Freshness } from '../runner/status.js';
import { monthPlus, monthlySeries } from './months.js';
import { salesPlanSources, type ForecastGroupBy, type PlanQuery, type PlanSources } from './plan-sources.js';
import { seasonalForecast } from './seasonal-model.js';

/** One group's forecast of one month in one currency (minor units). */
export type ForecastRow = {
  readonly group: string;
  readonly month: string;
  readonly currency: string;
  /** Booked up to `asOf` (only the month of `asOf` has any: later months have not begun). */
  readonly booked: number;
  /** Weighted pipeline of the open opportunities expected to close in the month. */
  readonly pipeline: number;
  /** The seasonal model's forecast, fitted on the whole months before `asOf`'s month; never below what is booked. */
  readonly statistical: number;
  readonly commit: number | null;
  readonly bestCase: number | null;
  /** The group's target in this currency, `null` without one (and by segment). */
  readonly target: number | null;
  /** target - statistical (above 0: short of the target), `null` without a target. */
  readonly gap: number | null;
};

/** Filters of the forecast report. */
export interface ForecastFilter {
  readonly asOf: string;
  readonly months: number;
  readonly groupBy: ForecastGroupBy;
  readonly scope?: ReportScope;
  readonly sources?: PlanSources;
}

const GROUP_COLUMN: Record<ForecastGroupBy, string> = { rep: 'rep_id', region: 'region', segment: 'segment' };

function scopeSql(scope: ReportScope | undefined): { sql: string; params: string[] } {
  const parts: string[] = [];
  const params: string[] = [];
  if (scope?.repId !== undefined) {
    parts.push('rep_id = ?');
    params.push(scope.repId);
  }
  if (scope?.region !== undefined) {
    parts.push('region = ?');
    params.push(scope.region);
  }
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params };
}

type SumRow = { grp: string; currency: string; month: string; booked: number };

/** Booked per group x currency x month on the business days `first`..`last` (both included). */
export function bookedByMonth(
  db: Database.Database,
  groupBy: ForecastGroupBy,
  scope: ReportScope | undefined,
  first: string,
  last: string,
): SumRow[] {
  const where = scopeSql(scope);
  const column = GROUP_COLUMN[groupBy];
  const sql = `SELECT ${column} AS grp, currency, substr(business_date, 1, 7) AS month, SUM(booked) AS booked FROM booked_daily
    WHERE business_date >= ? AND business_date <= ?${where.sql} GROUP BY grp, currency, month ORDER BY grp, currency, month`;
  return db.prepare(sql).all(first, last, ...where.params) as SumRow[];
}

type TargetRow = { grp: string; currency: string; month: string; amount: number };

function targets(db: Database.Database, filter: ForecastFilter, fromMonth: string, toMonth: string): TargetRow[] {
  if (filter.groupBy === 'segment') return [];
  const sql = `WITH ${monthTargetsSql('@fromMonth', '@toMonth')}
    SELECT scope_id AS grp, currency, month, amount FROM month_targets
     WHERE scope = @scope AND ${scopeCondition({ rep: 'scope_id', region: 'region' })}`;
  const { repId = null, region = null } = filter.scope ?? {};
  return db.prepare(sql).all({ scope: filter.groupBy, fromMonth, toMonth, repId, region }) as TargetRow[];
}

type Cell = { booked: number; pipeline: number; commit: number | null; bestCase: number | null; target: number | null };

/** The figures read per group x currency x month, and every group x currency that has any or a history. */
class Cells {
  readonly groups = new Map<string, { readonly group: string; readonly currency: string }>();
  private readonly cells = new Map<string, Cell>();

  at(group: string, currency: string, month: string): Cell {
    this.touch(group, currency);
    const key = JSON.stringify([group, currency, month]);
    const found = this.cells.get(key) ?? { booked: 0, pipeline: 0, commit: null, bestCase: null, target: null };
    this.cells.set(key, found);
    return found;
  }

  touch(group: string, currency: string): void {
    this.groups.set(JSON.stringify([group, currency]), { group, currency });
  }

  sorted(): { readonly group: string; readonly currency: string }[] {
    return [...this.groups.values()].sort(
      (a, b) => a.group.localeCompare(b.group) || a.currency.localeCompare(b.currency),
    );
  }
}

function readCells(
  db: Database.Database,
  filter: ForecastFilter,
  plan: PlanQuery,
  history: readonly SumRow[],
): { cells: Cells; submitted: boolean } {
  const cells = new Cells();
  const sources = filter.sources ?? salesPlanSources;
  history.forEach((row) => cells.touch(row.grp, row.currency));
  for (const row of bookedByMonth(db, filter.groupBy, filter.scope, `${plan.fromMonth}-01`, filter.asOf))
    cells.at(row.grp, row.currency, row.month).booked = row.booked;
  for (const f of sources.pipeline(db, plan)) cells.at(f.group, f.currency, f.month).pipeline += f.amount;
  const submitted = sources.submitted(db, plan);
  for (const f of submitted ?? [])
    Object.assign(cells.at(f.group, f.currency, f.month), { commit: f.commit, bestCase: f.bestCase });
  for (const t of targets(db, filter, plan.fromMonth, plan.toMonth))
    cells.at(t.grp, t.currency, t.month).target = t.amount;
  return { cells, submitted: submitted !== null };
}

/** The forecast rows (no freshness): every group x currency with history, bookings, a target or plan figures. */
export function forecastRows(db: Database.Database, filter: ForecastFilter): ForecastRow[] {
  const fromMonth = filter.asOf.slice(0, 7);
  const plan: PlanQuery = {
    asOf: filter.asOf,
    fromMonth,
    toMonth: monthPlus(fromMonth, filter.months - 1),
    groupBy: filter.groupBy,
    scope: filter.scope ?? {},
  };
  const history = bookedByMonth(db, filter.groupBy, filter.scope, '0000-00-00', `${monthPlus(fromMonth, -1)}-31`);
  const { cells, submitted } = readCells(db, filter, plan, history);
  const zeroPlan = submitted ? 0 : null;
  return cells.sorted().flatMap(({ group, currency }) => {
    const series = monthlySeries(
      history.filter((row) => row.grp === group && row.currency === currency),
      fromMonth,
    );
    return seasonalForecast(series, filter.months).values.map((value, i): ForecastRow => {
      const month = monthPlus(fromMonth, i);
      const cell = cells.at(group, currency, month);
      // A month cannot end below what it has booked so far.
      const statistical = Math.max(value, cell.booked);
      const gap = cell.target === null ? null : sumMinor([cell.target, -statistical]);
      return {
        group,
        month,
        currency,
        booked: cell.booked,
        pipeline: cell.pipeline,
        statistical,
        commit: cell.commit ?? zeroPlan,
        bestCase: cell.bestCase ?? zeroPlan,
        target: cell.target,
        gap,
      };
    });
  });
}

/** The forecast report with the freshness of the read models it joins. */
export function queryForecast(
  db: Database.Database,
  lagOf: LagOf,
  filter: ForecastFilter,
): Freshness & { readonly rows: readonly ForecastRow[] } {
  const projections = ['forecast_bookings', 'sales_targets', ...(filter.sources ?? salesPlanSources).projections];
  const { report, ...freshness } = readJoinedReport(db, projections, lagOf, () => forecastRows(db, filter));
  return { ...freshness, rows: report };
}
