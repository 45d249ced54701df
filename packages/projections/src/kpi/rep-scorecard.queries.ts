import type Database from 'better-sqlite3';
import { ratio } from '../model/ratio.js';
import type { ReportScope } from '../model/report-filter.js';
import type { LagOf } from '../runner/report.js';
import type { ReportResult } from '../runner/status.js';
import type { CsatFigure } from '../satisfaction/satisfaction-figures.js';
import { monthDays } from './business-days.js';
import { readJoinedReport } from './kpi-report.js';
import { monthlySalesRows, MONTHLY_SALES_REPORT_SOURCES } from './monthly-sales.queries.js';
import { readMonthlyDeliveries } from './monthly-sales.sql.js';

/** Parameters of `GET /reports/reps/:repId/scorecard`. */
export interface RepScorecardFilter {
  readonly repId: string;
  /** Business month `YYYY-MM`. */
  readonly month: string;
  /** The caller's role scope: a rep sees only their own scorecard, a regional manager only their region's figures. */
  readonly scope?: ReportScope;
}

/** Money figures of the scorecard in one currency (minor units). */
export interface RepScorecardCurrency {
  readonly currency: string;
  /** Sales amount: booked sales of the month. */
  readonly booked: number;
  readonly target: number | null;
  readonly attainment: number | null;
  readonly collected: number;
  /** Due-based collection rate of the rep's receivables. */
  readonly collection_rate: number | null;
  /** Gross margin of the orders confirmed in the month, and its percent of their costed net sales (as the monthly report). */
  readonly margin: number;
  readonly margin_pct: number | null;
}

/** One rep's performance in one month. */
export interface RepScorecard {
  readonly rep_id: string;
  readonly month: string;
  readonly orders_confirmed: number;
  readonly complaints: number;
  /** complaints filed in the month * 100 / orders confirmed in the month, 4 decimals; `null` without orders. */
  readonly complaints_per_100_orders: number | null;
  readonly deliveries: number;
  readonly deliveries_on_time: number;
  /** on-time deliveries / deliveries of the month; `null` without deliveries. */
  readonly on_time_delivery_rate: number | null;
  readonly csat: CsatFigure;
  readonly currencies: readonly RepScorecardCurrency[];
}

/**
 * A rep's scorecard (docs/reports.md): sales amount and attainment per currency, collection rate, CSAT,
 * complaints per 100 orders and on-time delivery rate. Zero or one row: none when the scope forbids the rep.
 */
export function queryRepScorecard(
  db: Database.Database,
  lagOf: LagOf,
  filter: RepScorecardFilter,
): ReportResult<RepScorecard> {
  const allowed = filter.scope?.repId === undefined || filter.scope.repId === filter.repId;
  const scope = { repId: filter.repId, ...(filter.scope?.region === undefined ? {} : { region: filter.scope.region }) };
  const result = readJoinedReport(db, [...MONTHLY_SALES_REPORT_SOURCES, 'fulfilment'], lagOf, (): RepScorecard[] => {
    if (!allowed) return [];
    const month = monthlySalesRows(db, { month: filter.month, groupBy: 'rep', scope }).find(
      (row) => row.group === filter.repId,
    );
    const { from, to } = monthDays(filter.month);
    const params = {
      month: filter.month,
      previousMonth: filter.month,
      lastYearMonth: filter.month,
      monthStart: from,
      monthEnd: to,
      repId: scope.repId,
      region: scope.region ?? null,
    };
    const deliveries = readMonthlyDeliveries(db, 'rep', params).find((row) => row.grp === filter.repId);
    const onTime = deliveries?.on_time ?? 0;
    const total = onTime + (deliveries?.late ?? 0);
    const orders = month?.orders_confirmed ?? 0;
    const complaints = month?.complaints ?? 0;
    return [
      {
        rep_id: filter.repId,
        month: filter.month,
        orders_confirmed: orders,
        complaints,
        complaints_per_100_orders: ratio(complaints * 100, orders),
        deliveries: total,
        deliveries_on_time: onTime,
        on_time_delivery_rate: ratio(onTime, total),
        csat: month?.csat ?? { value: null, n: 0, satisfied: 0 },
        currencies: (month?.currencies ?? []).map(
          ({ currency, booked, target, attainment, collected, collection_rate, margin, margin_pct }) => ({
            currency,
            booked,
            target,
            attainment,
            collected,
            collection_rate,
            margin,
            margin_pct,
          }),
        ),
      },
    ];
  });
  return { rows: result.report, position: result.position, lag: result.lag };
}
