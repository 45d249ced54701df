import { lastDayOf, money, percent, plain, shiftMonth } from '../format.js';
import { renderPanel, renderPanelError } from '../panel.js';
import { Aging, CollectionsSummary, Overdue } from '../schemas.js';
import { describe, scopeParams, type ViewContext } from '../context.js';

const BUCKETS = [
  { field: 'current', label: 'current', low: Number.NEGATIVE_INFINITY, high: 0 },
  { field: 'days_1_30', label: '1-30', low: 1, high: 30 },
  { field: 'days_31_60', label: '31-60', low: 31, high: 60 },
  { field: 'days_61_90', label: '61-90', low: 61, high: 90 },
  { field: 'days_over_90', label: '90+', low: 91, high: Number.POSITIVE_INFINITY },
] as const;

/** Aging as of the month's last day by region; a bucket opens the overdue receivables in it. */
export async function agingPanel(context: ViewContext): Promise<void> {
  const { api, filters, panels } = context;
  const id = 'aging';
  const title = 'Receivables aging by region';
  const asOf = lastDayOf(filters.month);
  const answer = await api.get('/reports/collections/aging', { asOf, groupBy: 'region', ...scopeParams(filters) }, Aging);
  if (!answer.ok) return renderPanelError(panels, id, title, describe(answer.error));
  const rows = answer.data.rows;
  const charted = rows.filter((row) => row.currency === filters.currency);
  renderPanel(panels, {
    id,
    title,
    note: `Outstanding as of ${asOf} by days past due (chart in ${filters.currency}). Click a region for its overdue receivables.`,
    chart: {
      type: 'bar',
      stacked: true,
      labels: charted.map((row) => row.group),
      datasets: BUCKETS.map((bucket) => ({ label: bucket.label, data: charted.map((row) => row[bucket.field] / 100) })),
      onPick: (index) => {
        const row = charted[index];
        if (row !== undefined) void overdueOf(context, asOf, row.group);
      },
    },
    columns: [{ field: 'group', label: 'region' }, { field: 'currency', label: 'currency' }, ...BUCKETS, { field: 'total', label: 'total' }, { field: 'installments', label: 'installments' }],
    rows: rows.map((row) => ({
      keys: { group: row.group, currency: row.currency },
      cells: {
        group: { value: row.group, text: row.group }, currency: { value: row.currency, text: row.currency },
        ...Object.fromEntries(BUCKETS.map((bucket) => [bucket.field, { value: row[bucket.field], text: money(row[bucket.field]) }])),
        total: { value: row.total, text: money(row.total) }, installments: { value: row.installments, text: plain(row.installments) },
      },
      drill: { label: 'overdue', open: () => void overdueOf(context, asOf, row.group) },
    })),
  });
}

async function overdueOf(context: ViewContext, asOf: string, region: string): Promise<void> {
  const what = `Receivables overdue on ${asOf}, region ${region === '' ? 'all' : region}`;
  const answer = await context.api.get('/reports/collections/overdue', { ...scopeParams(context.filters), asOf, region }, Overdue);
  if (!answer.ok) return context.drillError(what, answer.error);
  const bucketOf = (days: number): string => BUCKETS.find((bucket) => days >= bucket.low && days <= bucket.high)?.label ?? '';
  const fields = ['receivable_id', 'order_id', 'customer_id', 'rep_id', 'currency', 'oldest_due_date', 'days_past_due', 'bucket', 'overdue_amount', 'outstanding'];
  context.drill(what, {
    id: 'drill-overdue',
    title: what,
    note: 'Receivables in the current bucket are not overdue and are not listed.',
    columns: fields.map((field) => ({ field, label: field })),
    rows: answer.data.rows.map((row) => ({
      keys: { receivable: row.receivable_id },
      cells: {
        ...Object.fromEntries(Object.entries(row).map(([field, value]) => [field, { value, text: String(value) }])),
        bucket: { value: bucketOf(row.days_past_due), text: bucketOf(row.days_past_due) },
        overdue_amount: { value: row.overdue_amount, text: money(row.overdue_amount) },
        outstanding: { value: row.outstanding, text: money(row.outstanding) },
      },
    })),
  });
}

/** Due-based collection rate and DSO of each of the last N months (one summary call per month, all groups together). */
export async function collectionTrendPanel(context: ViewContext): Promise<void> {
  const { api, filters, panels } = context;
  const id = 'collections-trend';
  const title = 'Collection rate and DSO by month';
  const months = Array.from({ length: filters.months }, (_, i) => shiftMonth(filters.month, i - filters.months + 1));
  const answers = await Promise.all(months.map((month) => api.get('/reports/collections/summary', { month, groupBy: 'none', ...scopeParams(filters) }, CollectionsSummary)));
  const failed = answers.find((answer) => !answer.ok);
  if (failed !== undefined && !failed.ok) return renderPanelError(panels, id, title, describe(failed.error));
  const rows = answers.flatMap((answer, i) => (answer.ok ? answer.data.rows.map((row) => ({ month: months[i] ?? '', ...row })) : []));
  const charted = months.map((month) => rows.find((row) => row.month === month && row.currency === filters.currency));
  renderPanel(panels, {
    id,
    title,
    note: `Due-based collection rate (the KPI of record, %) and DSO (days) per month, ${filters.currency} on the chart. Click a month for the receivables overdue at its end.`,
    chart: {
      type: 'line',
      labels: months,
      datasets: [
        { label: 'collection rate %', data: charted.map((row) => (row?.collection_rate == null ? null : row.collection_rate * 100)) },
        { label: 'DSO days', data: charted.map((row) => row?.dso_days ?? null) },
      ],
      onPick: (index) => void overdueOfMonth(context, months[index] ?? filters.month),
    },
    columns: ['month', 'currency', 'invoiced', 'collected', 'amount_due', 'collected_on_due', 'collection_rate', 'closing_ar', 'dso_days'].map((field) => ({ field, label: field.replace(/_/g, ' ') })),
    rows: rows.map((row) => ({
      keys: { month: row.month, currency: row.currency },
      cells: {
        month: { value: row.month, text: row.month }, currency: { value: row.currency, text: row.currency },
        invoiced: { value: row.invoiced, text: money(row.invoiced) }, collected: { value: row.collected, text: money(row.collected) },
        amount_due: { value: row.amount_due, text: money(row.amount_due) }, collected_on_due: { value: row.collected_on_due, text: money(row.collected_on_due) },
        collection_rate: { value: row.collection_rate, text: percent(row.collection_rate) },
        closing_ar: { value: row.closing_ar, text: money(row.closing_ar) }, dso_days: { value: row.dso_days, text: plain(row.dso_days, 1) },
      },
      drill: { label: 'overdue', open: () => void overdueOfMonth(context, row.month) },
    })),
  });
}

const overdueOfMonth = (context: ViewContext, month: string): Promise<void> => overdueOf(context, lastDayOf(month), context.filters.region);
