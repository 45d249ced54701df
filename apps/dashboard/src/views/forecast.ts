import { scopeParams, describe, type ViewContext } from '../context.js';
import { AccuracyAnswer, ForecastAnswer } from '../forecast-schemas.js';
import { lastDayOf, monthLabel, money, percent, plain, shiftMonth } from '../format.js';
import { t, term } from '../i18n/i18n.js';
import { renderPanel, renderPanelError, type Cell } from '../panel.js';

/** Months the forecast panel looks ahead from the filter month. */
const AHEAD = 6;
const FIGURES = ['booked', 'pipeline', 'statistical', 'commit', 'bestCase', 'target'] as const;
const KINDS = ['statistical', 'commit', 'bestCase'] as const;

const sum = (values: readonly (number | null)[]): number | null =>
  values.every((value) => value === null) ? null : values.reduce<number>((total, value) => total + (value ?? 0), 0);
const moneyCell = (value: number | null, currency: string): Cell => ({ value, text: money(value, currency) });

/** Forecast against target by month, as of the filter month's last day, per region (regions summed in the chart). */
export async function forecastPanel(context: ViewContext): Promise<void> {
  const { api, filters, panels } = context;
  const id = 'forecast';
  const asOf = lastDayOf(filters.month);
  const title = t('forecast.title', { month: monthLabel(filters.month) });
  const query = { asOf, months: String(AHEAD), groupBy: 'region', ...scopeParams(filters) };
  const answer = await api.get('/reports/forecast', query, ForecastAnswer);
  if (!answer.ok) return renderPanelError(panels, id, title, describe(answer.error));
  const rows = answer.data.rows;
  const months = [...new Set(rows.map((row) => row.month))].sort();
  const charted = rows.filter((row) => row.currency === filters.currency);
  renderPanel(panels, {
    id,
    title,
    note: t('forecast.note'),
    chart: {
      type: 'line',
      unit: { kind: 'money', currency: filters.currency },
      labels: months.map(monthLabel),
      datasets: FIGURES.map((figure) => ({
        label: t(`forecast.figure.${figure}`),
        data: months.map((month) => {
          const total = sum(charted.filter((row) => row.month === month).map((row) => row[figure]));
          return total === null ? null : total / 100;
        }),
      })),
    },
    columns: ['group', 'month', 'currency', ...FIGURES, 'gap'].map((field) => ({
      field,
      label: t(`forecast.column.${field as (typeof FIGURES)[number] | 'group' | 'month' | 'currency' | 'gap'}`),
    })),
    rows: rows.map((row) => ({
      keys: { group: row.group, month: row.month, currency: row.currency },
      cells: {
        group: { value: row.group, text: row.group },
        month: { value: row.month, text: monthLabel(row.month) },
        currency: { value: row.currency, text: row.currency },
        ...Object.fromEntries(FIGURES.map((figure) => [figure, moneyCell(row[figure], row.currency)])),
        gap: moneyCell(row.gap, row.currency),
      },
    })),
  });
}

/** How wrong each forecast was over the trend months (lag 1): APE by month in the chart, MAPE and bias in the table. */
export async function forecastAccuracyPanel(context: ViewContext): Promise<void> {
  const { api, filters, panels } = context;
  const id = 'forecast-accuracy';
  const from = shiftMonth(filters.month, 1 - filters.months);
  const title = t('forecast.accuracyTitle', { from: monthLabel(from), to: monthLabel(filters.month) });
  const query = { from, to: filters.month, lagMonths: '1', groupBy: 'region', ...scopeParams(filters) };
  const answer = await api.get('/reports/forecast/accuracy', query, AccuracyAnswer);
  if (!answer.ok) return renderPanelError(panels, id, title, describe(answer.error));
  const charted = answer.data.rows.filter((row) => row.currency === filters.currency);
  const months = [...new Set(charted.map((row) => row.month))].sort();
  // Regions summed: |errors| over actuals, so a large region weighs as much as its sales.
  const ape = (month: string, kind: (typeof KINDS)[number]): number | null => {
    const scored = charted.filter((row) => row.month === month && row[kind]?.error !== null && row[kind] !== null);
    const actual = scored.reduce((total, row) => total + row.actual, 0);
    const error = scored.reduce((total, row) => total + Math.abs(row[kind]?.error ?? 0), 0);
    return actual === 0 ? null : (error / actual) * 100;
  };
  renderPanel(panels, {
    id,
    title,
    note: t('forecast.accuracyNote'),
    chart: {
      type: 'line',
      unit: { kind: 'number', digits: 1 },
      labels: months.map(monthLabel),
      datasets: KINDS.map((kind) => ({
        label: t('forecast.ape', { kind: term('forecast.kind', kind) }),
        data: months.map((month) => ape(month, kind)),
      })),
    },
    columns: ['group', 'currency', 'kind', 'months', 'mape', 'bias'].map((field) => ({
      field,
      label: t(`forecast.column.${field as 'group' | 'currency' | 'kind' | 'months' | 'mape' | 'bias'}`),
    })),
    rows: answer.data.summary.map((row) => ({
      keys: { group: row.group, currency: row.currency, kind: row.kind },
      cells: {
        group: { value: row.group, text: row.group },
        currency: { value: row.currency, text: row.currency },
        kind: { value: row.kind, text: term('forecast.kind', row.kind) },
        months: { value: row.months, text: plain(row.months) },
        mape: { value: row.mape, text: percent(row.mape) },
        bias: { value: row.bias, text: percent(row.bias) },
      },
    })),
  });
}
