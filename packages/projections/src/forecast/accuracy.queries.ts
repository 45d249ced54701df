import type Database from 'better-sqlite3';
import { sumMinor } from '@salesbook/domain';
import { readJoinedReport } from '../kpi/kpi-report.js';
import type { ReportScope } from '../model/report-filter.js';
import { ratio } from '../model/ratio.js';
import type { LagOf } from '../runner/report.js';
import type { Freshness } from '../runner/status.js';
import { bookedByMonth } from './forecast.queries.js';
import { monthPlus, monthlySeries } from './months.js';
import { submittedFigures, type ForecastGroupBy, type SubmittedFigure } from './plan-sources.js';
import { seasonalForecast } from './seasonal-model.js';

/** One forecast of a month against what was booked: error = forecast - actual; APE = |error| / actual; bias = error / actual. */
export type ForecastScore = {
  readonly forecast: number | null;
  readonly error: number | null;
  readonly ape: number | null;
  readonly bias: number | null;
};

/** A closed month of one group and currency: what was booked and each forecast as it stood `lagMonths` before it began. */
export type AccuracyRow = {
  readonly group: string;
  readonly month: string;
  readonly currency: string;
  readonly actual: number;
  readonly statistical: ForecastScore;
  readonly commit: ForecastScore | null;
  readonly bestCase: ForecastScore | null;
};

/** Over the range, per group, currency and kind of forecast: MAPE (mean APE) and bias (sum of errors / sum of actuals). */
export type AccuracySummary = {
  readonly group: string;
  readonly currency: string;
  readonly kind: 'statistical' | 'commit' | 'bestCase';
  readonly months: number;
  readonly mape: number | null;
  readonly bias: number | null;
};

/** Filters of the accuracy report: months `from`-`to`, of which only those ended before `today` are scored. */
export interface AccuracyFilter {
  readonly from: string;
  readonly to: string;
  readonly lagMonths: number;
  readonly groupBy: ForecastGroupBy;
  readonly today: string;
  readonly scope?: ReportScope;
}

const score = (forecast: number | null, actual: number): ForecastScore => {
  if (forecast === null) return { forecast, error: null, ape: null, bias: null };
  const error = sumMinor([forecast, -actual]);
  return {
    forecast,
    error,
    ape: actual === 0 ? null : ratio(Math.abs(error), Math.abs(actual)),
    bias: actual === 0 ? null : ratio(error, actual),
  };
};

/** The months from `from` to `to` that ended before `today`'s month. */
export function closedMonths(from: string, to: string, today: string): string[] {
  const months: string[] = [];
  for (let month = from; month <= to && month < today.slice(0, 7); month = monthPlus(month, 1)) months.push(month);
  return months;
}

/**
 * Each closed month's forecasts as they stood when month M - lagMonths began: the statistical one fitted on the
 * months before M - lagMonths (lagMonths + 1 months ahead), the reps' as submitted up to the last day before it.
 */
export function accuracyRows(db: Database.Database, filter: AccuracyFilter): AccuracyRow[] {
  const rows: AccuracyRow[] = [];
  const scope = filter.scope ?? {};
  for (const month of closedMonths(filter.from, filter.to, filter.today)) {
    const origin = monthPlus(month, -filter.lagMonths);
    const history = bookedByMonth(db, filter.groupBy, filter.scope, '0000-00-00', `${monthPlus(origin, -1)}-31`);
    const actuals = bookedByMonth(db, filter.groupBy, filter.scope, `${month}-01`, `${month}-31`);
    const asOf = `${monthPlus(origin, -1)}-31`;
    const submitted = submittedFigures(db, { asOf, fromMonth: month, toMonth: month, groupBy: filter.groupBy, scope });
    const groups = new Map<string, { group: string; currency: string }>();
    for (const row of [...history, ...actuals])
      groups.set(JSON.stringify([row.grp, row.currency]), { group: row.grp, currency: row.currency });
    for (const f of submitted ?? [])
      groups.set(JSON.stringify([f.group, f.currency]), { group: f.group, currency: f.currency });
    for (const { group, currency } of [...groups.values()].sort(
      (a, b) => a.group.localeCompare(b.group) || a.currency.localeCompare(b.currency),
    )) {
      const series = monthlySeries(
        history.filter((row) => row.grp === group && row.currency === currency),
        origin,
      );
      const statistical = seasonalForecast(series, filter.lagMonths + 1).values[filter.lagMonths] ?? 0;
      const actual = actuals.find((row) => row.grp === group && row.currency === currency)?.booked ?? 0;
      const mine = submitted?.find((f: SubmittedFigure) => f.group === group && f.currency === currency);
      const plan = (value: number | undefined): ForecastScore | null =>
        submitted === null ? null : score(value ?? null, actual);
      rows.push({
        group,
        month,
        currency,
        actual,
        statistical: score(statistical, actual),
        commit: plan(mine?.commit),
        bestCase: plan(mine?.bestCase),
      });
    }
  }
  return rows;
}

/** MAPE and bias per group, currency and kind over the rows (months without sales or without that forecast left out). */
export function accuracySummary(rows: readonly AccuracyRow[]): AccuracySummary[] {
  const kinds = ['statistical', 'commit', 'bestCase'] as const;
  const sums = new Map<
    string,
    {
      group: string;
      currency: string;
      kind: AccuracySummary['kind'];
      months: number;
      apes: number[];
      errors: number[];
      actuals: number[];
    }
  >();
  for (const row of rows) {
    for (const kind of kinds) {
      const s = row[kind];
      if (s === null || s.error === null || row.actual === 0) continue;
      const key = JSON.stringify([row.group, row.currency, kind]);
      const sum = sums.get(key) ?? {
        group: row.group,
        currency: row.currency,
        kind,
        months: 0,
        apes: [],
        errors: [],
        actuals: [],
      };
      sums.set(key, {
        ...sum,
        months: sum.months + 1,
        apes: [...sum.apes, Math.abs(s.error) / Math.abs(row.actual)],
        errors: [...sum.errors, s.error],
        actuals: [...sum.actuals, row.actual],
      });
    }
  }
  return [...sums.values()].map(({ group, currency, kind, months, apes, errors, actuals }) => ({
    group,
    currency,
    kind,
    months,
    mape: months === 0 ? null : Math.round((apes.reduce((a, b) => a + b, 0) / months) * 10_000) / 10_000,
    bias: ratio(sumMinor(errors), sumMinor(actuals)),
  }));
}

/** The accuracy report with the freshness of the read models it joins. */
export function queryForecastAccuracy(
  db: Database.Database,
  lagOf: LagOf,
  filter: AccuracyFilter,
): Freshness & { readonly rows: readonly AccuracyRow[]; readonly summary: readonly AccuracySummary[] } {
  const { report, ...freshness } = readJoinedReport(db, ['forecast_bookings', 'submitted_forecasts'], lagOf, () =>
    accuracyRows(db, filter),
  );
  return { ...freshness, rows: report, summary: accuracySummary(report) };
}
