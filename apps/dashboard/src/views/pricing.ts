import { money, monthLabel, percent, shiftMonth } from '../format.js';
import { t, type MessageKey } from '../i18n/i18n.js';
import { renderPanel, renderPanelError, type Cell } from '../panel.js';
import { Margins } from '../pricing-schemas.js';
import { describe, scopeParams, type ViewContext } from '../context.js';

/** Columns labelled from this panel group's own catalogue block (`pricing.column.<field>`). */
export const columnsOf = (...fields: readonly string[]) =>
  fields.map((field) => ({ field, label: t(`pricing.column.${field}` as MessageKey) }));
export const moneyCell = (minor: number, currency: string): Cell => ({ value: minor, text: money(minor, currency) });
/** Margin over the costed sales, 4 decimals like the API's ratios; `null` without costed sales. */
const marginPct = (margin: number, costed: number): number | null =>
  costed === 0 ? null : Math.round((margin / costed) * 10_000) / 10_000;

/** Gross margin and margin % per month of the trend, per currency: the margin report of each month, its regions summed. */
export async function marginTrendPanel(context: ViewContext): Promise<void> {
  const { api, filters, panels } = context;
  const id = 'pricing-margin-trend';
  const title = t('pricing.trend.title');
  const months = Array.from({ length: filters.months }, (_, k) => shiftMonth(filters.month, k + 1 - filters.months));
  const answers = await Promise.all(
    months.map((month) =>
      api.get('/reports/margins', { from: month, to: month, groupBy: 'region', ...scopeParams(filters) }, Margins),
    ),
  );
  const failed = answers.find((answer) => !answer.ok);
  if (failed !== undefined && !failed.ok) return renderPanelError(panels, id, title, describe(failed.error));
  const lines = answers.flatMap((answer, index) => {
    if (!answer.ok) return [];
    const currencies = [...new Set(answer.data.rows.map((row) => row.currency))].sort();
    return currencies.map((currency) => {
      const rows = answer.data.rows.filter((row) => row.currency === currency);
      const sum = (pick: (row: Margins['rows'][number]) => number) => rows.reduce((total, row) => total + pick(row), 0);
      const margin = sum((row) => row.margin);
      return {
        month: months[index] ?? '',
        currency,
        net: sum((row) => row.net_sales),
        margin,
        pct: marginPct(
          margin,
          sum((row) => row.net_sales - row.uncosted_sales),
        ),
      };
    });
  });
  const charted = months.map((month) =>
    lines.find((line) => line.month === month && line.currency === filters.currency),
  );
  renderPanel(panels, {
    id,
    title,
    note: t('pricing.trend.note', { currency: filters.currency }),
    chart: {
      type: 'bar',
      unit: { kind: 'money', currency: filters.currency },
      labels: months.map(monthLabel),
      datasets: [
        {
          label: t('pricing.trend.margin', { currency: filters.currency }),
          data: charted.map((line) => (line === undefined ? null : line.margin / 100)),
        },
      ],
    },
    columns: columnsOf('month', 'currency', 'net_sales', 'margin', 'margin_pct'),
    rows: lines.map((line) => ({
      keys: { group: line.month, currency: line.currency },
      cells: {
        month: { value: line.month, text: monthLabel(line.month) },
        currency: { value: line.currency, text: line.currency },
        net_sales: moneyCell(line.net, line.currency),
        margin: moneyCell(line.margin, line.currency),
        margin_pct: { value: line.pct, text: percent(line.pct) },
      },
    })),
  });
}

/** Margin % by product category over the trend's months. */
export async function marginByCategoryPanel(context: ViewContext): Promise<void> {
  const { api, filters, panels } = context;
  const id = 'pricing-margin-category';
  const title = t('pricing.category.title');
  const from = shiftMonth(filters.month, 1 - filters.months);
  const answer = await api.get(
    '/reports/margins',
    { from, to: filters.month, groupBy: 'category', ...scopeParams(filters) },
    Margins,
  );
  if (!answer.ok) return renderPanelError(panels, id, title, describe(answer.error));
  const rows = answer.data.rows;
  const charted = rows.filter((row) => row.currency === filters.currency);
  renderPanel(panels, {
    id,
    title,
    note: t('pricing.category.note', { from: monthLabel(from), to: monthLabel(filters.month) }),
    chart: {
      type: 'bar',
      unit: { kind: 'number', digits: 1 },
      labels: charted.map((row) => row.key),
      datasets: [
        {
          label: t('pricing.category.marginPct'),
          data: charted.map((row) => (row.margin_pct === null ? null : row.margin_pct * 100)),
        },
      ],
    },
    columns: columnsOf('category', 'currency', 'net_sales', 'margin', 'margin_pct'),
    rows: rows.map((row) => ({
      keys: { group: row.key, currency: row.currency },
      cells: {
        category: { value: row.key, text: row.key },
        currency: { value: row.currency, text: row.currency },
        net_sales: moneyCell(row.net_sales, row.currency),
        margin: moneyCell(row.margin, row.currency),
        margin_pct: { value: row.margin_pct, text: percent(row.margin_pct) },
      },
    })),
  });
}
