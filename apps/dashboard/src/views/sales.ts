import { dateLabel, money, monthLabel, percent, plain } from '../format.js';
import { t, term } from '../i18n/i18n.js';
import { columns, renderPanel, renderPanelError } from '../panel.js';
import { MonthlySales, SalesOrders } from '../schemas.js';
import { describe, scopeParams, type ViewContext } from '../context.js';

/** Monthly booked sales against target by region or rep; a bar opens the month's orders of its group. */
export async function salesPanel(context: ViewContext, groupBy: 'region' | 'rep'): Promise<readonly string[]> {
  const { api, filters, panels } = context;
  const id = `sales-${groupBy}`;
  const title = t('sales.title', { groupBy });
  const answer = await api.get(
    '/reports/sales/monthly',
    { month: filters.month, groupBy, ...scopeParams(filters) },
    MonthlySales,
  );
  if (!answer.ok) {
    renderPanelError(panels, id, title, describe(answer.error));
    return [];
  }
  const lines = answer.data.rows.flatMap((row) => row.currencies.map((figures) => ({ group: row.group, ...figures })));
  const charted = answer.data.rows.flatMap((row) => {
    const figures = row.currencies.find((c) => c.currency === filters.currency);
    return figures === undefined ? [] : [{ group: row.group, figures }];
  });
  const open = (group: string) => () => void ordersOf(context, groupBy, group);
  const currency = filters.currency;
  renderPanel(panels, {
    id,
    title,
    note: t('sales.note', { month: monthLabel(filters.month), currency }),
    chart: {
      type: 'bar',
      unit: { kind: 'money', currency },
      labels: charted.map((line) => line.group),
      datasets: [
        { label: t('sales.booked', { currency }), data: charted.map((line) => line.figures.booked / 100) },
        {
          label: t('sales.target', { currency }),
          data: charted.map((line) => (line.figures.target === null ? null : line.figures.target / 100)),
        },
      ],
      onPick: (index) => {
        const line = charted[index];
        if (line !== undefined) open(line.group)();
      },
    },
    columns: [
      { field: 'group', label: t(groupBy === 'region' ? 'column.region' : 'column.rep') },
      ...columns('currency', 'booked', 'target', 'attainment', 'orders_confirmed', 'collected', 'collection_rate'),
    ],
    rows: lines.map((line) => ({
      keys: { group: line.group, currency: line.currency },
      cells: {
        group: { value: line.group, text: line.group },
        currency: { value: line.currency, text: line.currency },
        booked: { value: line.booked, text: money(line.booked, line.currency) },
        target: { value: line.target, text: money(line.target, line.currency) },
        attainment: { value: line.attainment, text: percent(line.attainment) },
        orders_confirmed: { value: line.orders_confirmed, text: plain(line.orders_confirmed) },
        collected: { value: line.collected, text: money(line.collected, line.currency) },
        collection_rate: { value: line.collection_rate, text: percent(line.collection_rate) },
      },
      drill: { label: t('sales.drill'), open: open(line.group) },
    })),
  });
  return [...new Set(lines.map((line) => line.currency))];
}

async function ordersOf(context: ViewContext, groupBy: 'region' | 'rep', group: string): Promise<void> {
  const { filters } = context;
  const what = t('sales.drillTitle', { month: monthLabel(filters.month), groupBy, group });
  const params = { ...scopeParams(filters), month: filters.month, [groupBy]: group };
  const answer = await context.api.get('/reports/sales/orders', params, SalesOrders);
  if (!answer.ok) return context.drillError(what, answer.error);
  context.drill(what, {
    id: 'drill-orders',
    title: what,
    columns: columns(
      'order_id',
      'customer_id',
      'rep_id',
      'region',
      'segment',
      'confirmed_on',
      'status',
      'currency',
      'booked',
    ),
    rows: answer.data.rows.map((row) => ({
      keys: { order: row.order_id },
      cells: {
        ...Object.fromEntries(Object.entries(row).map(([field, value]) => [field, { value, text: String(value) }])),
        segment: { value: row.segment, text: term('segment', row.segment) },
        status: { value: row.status, text: term('orderStatus', row.status) },
        confirmed_on: { value: row.confirmed_on, text: dateLabel(row.confirmed_on) },
        booked: { value: row.booked, text: money(row.booked, row.currency) },
      },
    })),
  });
}
