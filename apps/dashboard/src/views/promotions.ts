import { dateLabel, lastDayOf, monthLabel, percent, plain, shiftMonth } from '../format.js';
import { t, term } from '../i18n/i18n.js';
import { renderPanel, renderPanelError, type Cell } from '../panel.js';
import { PromotionEffect, PromotionList } from '../pricing-schemas.js';
import { describe, type ViewContext } from '../context.js';
import { columnsOf, moneyCell } from './pricing.js';

type Effect = PromotionEffect & { readonly startsOn: string; readonly endsOn: string };

const FIELDS = [
  'promotion',
  'period',
  'units_during',
  'units_baseline',
  'sales_during',
  'sales_baseline',
  'discount_cost',
  'incremental_margin',
  'sales_lift',
  'forecast_method',
  'units_forecast',
  'sales_forecast',
  'incremental_sales_forecast',
  'sales_lift_forecast',
] as const;

const window = (e: Effect, name: 'during' | 'baseline') =>
  e.rows.find((row) => row.window === name) ?? { quantity: 0, net_sales: 0 };

/** A figure of the statistical baseline, `null` (—) when the promotion had no whole month of history before it. */
const orNone = (value: number | null | undefined, text: (n: number) => string): Cell =>
  value === null || value === undefined ? { value: null, text: '—' } : { value, text: text(value) };

function cells(e: Effect): Record<(typeof FIELDS)[number], Cell> {
  const [during, baseline] = [window(e, 'during'), window(e, 'baseline')];
  const forecast = e.statisticalBaseline;
  const money = (minor: number) => moneyCell(minor, e.currency).text;
  return {
    promotion: { value: e.name, text: e.name },
    period: { value: `${e.startsOn}/${e.endsOn}`, text: `${dateLabel(e.startsOn)} – ${dateLabel(e.endsOn)}` },
    units_during: { value: during.quantity, text: plain(during.quantity) },
    units_baseline: { value: baseline.quantity, text: plain(baseline.quantity) },
    sales_during: moneyCell(during.net_sales, e.currency),
    sales_baseline: moneyCell(baseline.net_sales, e.currency),
    discount_cost: moneyCell(e.effect.discount_cost, e.currency),
    incremental_margin: moneyCell(e.effect.incremental_margin, e.currency),
    sales_lift: { value: e.effect.sales_lift, text: percent(e.effect.sales_lift) },
    // Without a statistical baseline the API fitted nothing: the method is `none`, as the model names it.
    forecast_method: {
      value: forecast?.method ?? 'none',
      text: term('pricing.promotions.method', forecast?.method ?? 'none'),
    },
    units_forecast: orNone(forecast?.quantity, (n) => plain(n)),
    sales_forecast: orNone(forecast?.net_sales, money),
    incremental_sales_forecast: orNone(e.statisticalEffect?.net_sales, money),
    sales_lift_forecast: {
      value: e.statisticalEffect?.sales_lift ?? null,
      text: percent(e.statisticalEffect?.sales_lift ?? null),
    },
  };
}

async function effects(context: ViewContext, first: string, last: string): Promise<Effect[] | string> {
  const { api } = context;
  const list = await api.get('/promotions', { status: 'approved' }, PromotionList);
  if (!list.ok) return describe(list.error);
  const running = list.data.rows.filter((p) => p.starts_on <= last && p.ends_on >= first);
  const answers = await Promise.all(
    running.map((p) =>
      api.get(`/reports/promotions/${encodeURIComponent(p.promotion_id)}/effectiveness`, {}, PromotionEffect),
    ),
  );
  const found: Effect[] = [];
  for (const [index, answer] of answers.entries()) {
    if (!answer.ok) return describe(answer.error);
    found.push({ ...answer.data, startsOn: running[index]?.starts_on ?? '', endsOn: running[index]?.ends_on ?? '' });
  }
  return found;
}

/**
 * Each approved promotion running in the trend's months: its covered sales during it against two baselines, the same
 * number of days just before it (stated) and the statistical forecast of its period (with the model's method).
 */
export async function promotionEffectPanel(context: ViewContext): Promise<void> {
  const { filters, panels } = context;
  const id = 'pricing-promotions';
  const title = t('pricing.promotions.title');
  const from = shiftMonth(filters.month, 1 - filters.months);
  const found = await effects(context, `${from}-01`, lastDayOf(filters.month));
  if (typeof found === 'string') return renderPanelError(panels, id, title, found);
  const charted = found.filter((e) => e.currency === filters.currency);
  const forecast = (e: Effect) => (e.statisticalBaseline === null ? null : e.statisticalBaseline.net_sales / 100);
  renderPanel(panels, {
    id,
    title,
    note: t('pricing.promotions.note', { from: monthLabel(from), to: monthLabel(filters.month) }),
    chart: {
      type: 'bar',
      unit: { kind: 'money', currency: filters.currency },
      labels: charted.map((e) => e.name),
      datasets: [
        { label: t('pricing.promotions.during'), data: charted.map((e) => window(e, 'during').net_sales / 100) },
        { label: t('pricing.promotions.baseline'), data: charted.map((e) => window(e, 'baseline').net_sales / 100) },
        { label: t('pricing.promotions.forecast'), data: charted.map(forecast) },
      ],
    },
    columns: columnsOf(...FIELDS),
    rows: found.map((e) => ({
      keys: { promotion: e.promotionId, group: e.name, currency: e.currency },
      cells: cells(e),
    })),
  });
}
