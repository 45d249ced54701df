import type Database from 'better-sqlite3';
import { addDays, daysBetween, divideRoundHalfEven, sumMinor } from '@salesbook/domain';
import { monthPlus } from '../forecast/months.js';
import { seasonalForecast, type ForecastMethod } from '../forecast/seasonal-model.js';
import type { ReportScope } from '../model/report-filter.js';
import { ratio } from '../model/ratio.js';
import { prepared } from '../runner/statements.js';
import { coveredLines, type PromotionWindowRow } from './promotion-effect.queries.js';
import { listedLine } from './price-realisation.queries.js';
import type { PromotionRow } from './promotions.projection.js';

/**
 * The statistical forecast of the covered lines over the promotion's period (minor units of its currency): the
 * seasonal model fitted on the whole months before the month it starts, each month's forecast prorated by the days of
 * the promotion in it.
 */
export type StatisticalBaseline = {
  readonly from: string;
  readonly to: string;
  /** How the model forecast (`flat` below 24 months of history, else the seasonal decomposition). */
  readonly method: ForecastMethod;
  /** Whole months of history it was fitted on, from the first month with covered sales. */
  readonly history_months: number;
  readonly quantity: number;
  readonly net_sales: number;
};

/** The sales during the promotion less the statistical baseline; the lift against it (4 decimals, `null` at 0). */
export type StatisticalEffect = {
  readonly quantity: number;
  readonly net_sales: number;
  readonly sales_lift: number | null;
};

type MonthFigures = { quantity: number[]; net: number[] };

/** Quantity and net sales of the covered lines per month of confirmation, from the first month with any. */
function monthlyHistory(
  db: Database.Database,
  promotion: PromotionRow,
  startMonth: string,
  scope: ReportScope | undefined,
): { quantity: number[]; net: number[] } {
  const byMonth = new Map<string, MonthFigures>();
  for (const { order, lines } of coveredLines(db, promotion, '0000-01-01', addDays(`${startMonth}-01`, -1), scope)) {
    const month = order.confirmed_on.slice(0, 7);
    const figures = byMonth.get(month) ?? { quantity: [], net: [] };
    for (const line of lines) {
      figures.quantity.push(line.quantity);
      figures.net.push(listedLine(line).net);
    }
    if (lines.length > 0) byMonth.set(month, figures);
  }
  const series = { quantity: [] as number[], net: [] as number[] };
  const first = [...byMonth.keys()].sort()[0];
  if (first === undefined) return series;
  for (let month = first; month < startMonth; month = monthPlus(month, 1)) {
    series.quantity.push(sumMinor(byMonth.get(month)?.quantity ?? []));
    series.net.push(sumMinor(byMonth.get(month)?.net ?? []));
  }
  return series;
}

/** The month forecasts from `startMonth` on, each prorated by the days of `from`..`to` in its month (half to even). */
function prorated(values: readonly number[], startMonth: string, from: string, to: string): number {
  return sumMinor(
    values.map((value, i) => {
      const month = monthPlus(startMonth, i);
      const [first, next] = [`${month}-01`, `${monthPlus(month, 1)}-01`];
      const days = daysBetween(from > first ? from : first, to < next ? to : addDays(next, -1)) + 1;
      return divideRoundHalfEven(value * days, daysBetween(first, next));
    }),
  );
}

/**
 * The statistical baseline of a promotion in `scope`, or `null` without a whole month of covered sales before the month
 * it starts. Nothing from the promotion's month is used: its days before the start are not a whole month.
 */
export function statisticalBaseline(
  db: Database.Database,
  promotion: PromotionRow,
  scope: ReportScope | undefined,
): StatisticalBaseline | null {
  const startMonth = promotion.starts_on.slice(0, 7);
  const history = monthlyHistory(db, promotion, startMonth, scope);
  if (history.net.length === 0) return null;
  let horizon = 1;
  while (monthPlus(startMonth, horizon - 1) < promotion.ends_on.slice(0, 7)) horizon += 1;
  const forecast = seasonalForecast(history.net, horizon);
  const { starts_on: from, ends_on: to } = promotion;
  return {
    from,
    to,
    method: forecast.method,
    history_months: history.net.length,
    quantity: prorated(seasonalForecast(history.quantity, horizon).values, startMonth, from, to),
    net_sales: prorated(forecast.values, startMonth, from, to),
  };
}

/** The statistical baseline of promotion `promotionId` (`null` when unknown or without history). */
export function promotionStatisticalBaseline(
  db: Database.Database,
  promotionId: string,
  scope: ReportScope | undefined,
): StatisticalBaseline | null {
  const promotion = prepared(db, 'SELECT * FROM promotions WHERE promotion_id = ?').get(promotionId) as
    PromotionRow | undefined;
  return promotion === undefined ? null : statisticalBaseline(db, promotion, scope);
}

/** During less the statistical baseline: units and net sales, and the sales lift against it. */
export const statisticalEffectOf = (during: PromotionWindowRow, baseline: StatisticalBaseline): StatisticalEffect => ({
  quantity: during.quantity - baseline.quantity,
  net_sales: during.net_sales - baseline.net_sales,
  sales_lift: ratio(during.net_sales - baseline.net_sales, baseline.net_sales),
});
