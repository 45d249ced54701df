import { dateLabel, lastDayOf, money, monthLabel, percent, plain, shiftMonth } from '../format.js';
import { t, type MessageKey } from '../i18n/i18n.js';
import { columns, renderPanel, renderPanelError } from '../panel.js';
import { Aging, CollectionsSummary, Overdue } from '../schemas.js';
import { describe, scopeParams, type ViewContext } from '../context.js';

const BUCKETS = [
  { field: 'current', low: Number.NEGATIVE_INFINITY, high: 0 },
  { field: 'days_1_30', low: 1, high: 30 },
  { field: 'days_31_60', low: 31, high: 60 },
  { field: 'days_61_90', low: 61, high: 90 },
  { field: 'days_over_90', low: 91, high: Number.POSITIVE_INFINITY },
] as const;

const bucketLabel = (field: (typeof BUCKETS)[number]['field']): string => t(`bucket.${field}` satisfies MessageKey);

/** Aging as of the month's last day by region; a bucket opens the overdue receivables in it. */
export async function agingPanel(context: ViewContext): Promise<void> {
  const { api, filters, panels } = context;
  const id = 'aging';
  const title = t('aging.title');
  const asOf = lastDayOf(filters.month);
  const answer = await api.get(
    '/reports/collections/aging',
    { asOf, groupBy: 'region', ...scopeParams(filters) },
    Aging,
  );
  if (!answer.ok) return renderPanelError(panels, id, title, describe(answer.error));
  const rows = answer.data.rows;
  const charted = rows.filter((row) => row.currency === filters.currency);
  renderPanel(panels, {
    id,
    title,
    note: t('aging.note', { asOf: dateLabel(asOf), currency: filters.currency }),
    chart: {
      type: 'bar',
      unit: { kind: 'money', currency: filters.currency },
      stacked: true,
      labels: charted.map((row) => row.group),
      datasets: BUCKETS.map((bucket) => ({
        label: bucketLabel(bucket.field),
        data: charted.map((row) => row[bucket.field] / 100),
      })),
      onPick: (index) => {
        const row = charted[index];
        if (row !== undefined) void overdueOf(context, asOf, row.group);
      },
    },
    columns: [
      ...columns('region', 'currency').map((column) =>
        column.field === 'region' ? { ...column, field: 'group' } : column,
      ),
      ...BUCKETS.map((bucket) => ({ field: bucket.field, label: bucketLabel(bucket.field) })),
      ...columns('total', 'installments'),
    ],
    rows: rows.map((row) => ({
      keys: { group: row.group, currency: row.currency },
      cells: {
        group: { value: row.group, text: row.group },
        currency: { value: row.currency, text: row.currency },
        ...Object.fromEntries(
          BUCKETS.map((bucket) => [
            bucket.field,
            { value: row[bucket.field], text: money(row[bucket.field], row.currency) },
          ]),
        ),
        total: { value: row.total, text: money(row.total, row.currency) },
        installments: { value: row.installments, text: plain(row.installments) },
      },
      drill: { label: t('aging.drill'), open: () => void overdueOf(context, asOf, row.group) },
    })),
  });
}

async function overdueOf(context: ViewContext, asOf: string, region: string): Promise<void> {
  const what = t('aging.drillTitle', { asOf: dateLabel(asOf), region: region === '' ? t('value.all') : region });
  const answer = await context.api.get(
    '/reports/collections/overdue',
    { ...scopeParams(context.filters), asOf, region },
    Overdue,
  );
  if (!answer.ok) return context.drillError(what, answer.error);
  const bucketOf = (days: number): (typeof BUCKETS)[number]['field'] =>
    BUCKETS.find((bucket) => days >= bucket.low && days <= bucket.high)?.field ?? 'current';
  context.drill(what, {
    id: 'drill-overdue',
    title: what,
    note: t('aging.drillNote'),
    columns: columns(
      'receivable_id',
      'order_id',
      'customer_id',
      'rep_id',
      'currency',
      'oldest_due_date',
      'days_past_due',
      'bucket',
      'overdue_amount',
      'outstanding',
    ),
    rows: answer.data.rows.map((row) => ({
      keys: { receivable: row.receivable_id },
      cells: {
        ...Object.fromEntries(Object.entries(row).map(([field, value]) => [field, { value, text: String(value) }])),
        oldest_due_date: { value: row.oldest_due_date, text: dateLabel(row.oldest_due_date) },
        days_past_due: { value: row.days_past_due, text: plain(row.days_past_due) },
        bucket: { value: bucketOf(row.days_past_due), text: bucketLabel(bucketOf(row.days_past_due)) },
        overdue_amount: { value: row.overdue_amount, text: money(row.overdue_amount, row.currency) },
        outstanding: { value: row.outstanding, text: money(row.outstanding, row.currency) },
      },
    })),
  });
}

/** Due-based collection rate and DSO of each of the last N months (one summary call per month, all groups together). */
export async function collectionTrendPanel(context: ViewContext): Promise<void> {
  const { api, filters, panels } = context;
  const id = 'collections-trend';
  const title = t('trend.title');
  const months = Array.from({ length: filters.months }, (_, i) => shiftMonth(filters.month, i - filters.months + 1));
  const answers = await Promise.all(
    months.map((month) =>
      api.get('/reports/collections/summary', { month, groupBy: 'none', ...scopeParams(filters) }, CollectionsSummary),
    ),
  );
  const failed = answers.find((answer) => !answer.ok);
  if (failed !== undefined && !failed.ok) return renderPanelError(panels, id, title, describe(failed.error));
  const rows = answers.flatMap((answer, i) =>
    answer.ok ? answer.data.rows.map((row) => ({ month: months[i] ?? '', ...row })) : [],
  );
  const charted = months.map((month) => rows.find((row) => row.month === month && row.currency === filters.currency));
  renderPanel(panels, {
    id,
    title,
    note: t('trend.note', { currency: filters.currency }),
    chart: {
      type: 'line',
      unit: { kind: 'number', digits: 1 },
      labels: months.map(monthLabel),
      datasets: [
        {
          label: t('trend.rate'),
          data: charted.map((row) => (row?.collection_rate == null ? null : row.collection_rate * 100)),
        },
        { label: t('trend.dso'), data: charted.map((row) => row?.dso_days ?? null) },
      ],
      onPick: (index) => void overdueOfMonth(context, months[index] ?? filters.month),
    },
    columns: columns(
      'month',
      'currency',
      'invoiced',
      'collected',
      'amount_due',
      'collected_on_due',
      'collection_rate',
      'closing_ar',
      'dso_days',
    ),
    rows: rows.map((row) => ({
      keys: { month: row.month, currency: row.currency },
      cells: {
        month: { value: row.month, text: monthLabel(row.month) },
        currency: { value: row.currency, text: row.currency },
        invoiced: { value: row.invoiced, text: money(row.invoiced, row.currency) },
        collected: { value: row.collected, text: money(row.collected, row.currency) },
        amount_due: { value: row.amount_due, text: money(row.amount_due, row.currency) },
        collected_on_due: { value: row.collected_on_due, text: money(row.collected_on_due, row.currency) },
        collection_rate: { value: row.collection_rate, text: percent(row.collection_rate) },
        closing_ar: { value: row.closing_ar, text: money(row.closing_ar, row.currency) },
        dso_days: { value: row.dso_days, text: plain(row.dso_days, 1) },
      },
      drill: { label: t('aging.drill'), open: () => void overdueOfMonth(context, row.month) },
    })),
  });
}

const overdueOfMonth = (context: ViewContext, month: string): Promise<void> =>
  overdueOf(context, lastDayOf(month), context.filters.region);
