import { money, percent, plain } from '../format.js';
import { renderPanel, renderPanelError } from '../panel.js';
import { MonthlySales, SalesOrders } from '../schemas.js';
import { describe, scopeParams, type ViewContext } from '../context.js';

const title = (groupBy: 'region' | 'rep'): string => `Booked sales against target by ${groupBy}`;

/** Monthly booked sales against target by region or rep; a bar opens the month's orders of its group. */
export async function salesPanel(context: ViewContext, groupBy: 'region' | 'rep'): Promise<readonly string[]> {
  const { api, filters, panels } = context;
  const id = `sales-${groupBy}`;
  const answer = await api.get('/reports/sales/monthly', { month: filters.month, groupBy, ...scopeParams(filters) }, MonthlySales);
  if (!answer.ok) {
    renderPanelError(panels, id, title(groupBy), describe(answer.error));
    return [];
  }
  const lines = answer.data.rows.flatMap((row) => row.currencies.map((figures) => ({ group: row.group, ...figures })));
  const charted = answer.data.rows.flatMap((row) => {
    const figures = row.currencies.find((c) => c.currency === filters.currency);
    return figures === undefined ? [] : [{ group: row.group, figures }];
  });
  const open = (group: string) => () => void ordersOf(context, groupBy, group);
  renderPanel(panels, {
    id,
    title: title(groupBy),
    note: `Booked sales of ${filters.month} (confirmations, amendments and cancellations dated in it); chart in ${filters.currency}, table in every currency. Click a bar for its orders.`,
    chart: {
      type: 'bar',
      labels: charted.map((line) => line.group),
      datasets: [
        { label: `booked (${filters.currency})`, data: charted.map((line) => line.figures.booked / 100) },
        { label: `target (${filters.currency})`, data: charted.map((line) => (line.figures.target === null ? null : line.figures.target / 100)) },
      ],
      onPick: (index) => {
        const line = charted[index];
        if (line !== undefined) open(line.group)();
      },
    },
    columns: [
      { field: 'group', label: groupBy }, { field: 'currency', label: 'currency' }, { field: 'booked', label: 'booked' },
      { field: 'target', label: 'target' }, { field: 'attainment', label: 'attainment' }, { field: 'orders_confirmed', label: 'orders' },
      { field: 'collected', label: 'collected' }, { field: 'collection_rate', label: 'collection rate' },
    ],
    rows: lines.map((line) => ({
      keys: { group: line.group, currency: line.currency },
      cells: {
        group: { value: line.group, text: line.group }, currency: { value: line.currency, text: line.currency },
        booked: { value: line.booked, text: money(line.booked) }, target: { value: line.target, text: money(line.target) },
        attainment: { value: line.attainment, text: percent(line.attainment) },
        orders_confirmed: { value: line.orders_confirmed, text: plain(line.orders_confirmed) },
        collected: { value: line.collected, text: money(line.collected) },
        collection_rate: { value: line.collection_rate, text: percent(line.collection_rate) },
      },
      drill: { label: 'orders', open: open(line.group) },
    })),
  });
  return [...new Set(lines.map((line) => line.currency))];
}

async function ordersOf(context: ViewContext, groupBy: 'region' | 'rep', group: string): Promise<void> {
  const { filters } = context;
  const what = `Orders confirmed in ${filters.month}, ${groupBy} ${group}`;
  const params = { ...scopeParams(filters), month: filters.month, [groupBy]: group };
  const answer = await context.api.get('/reports/sales/orders', params, SalesOrders);
  if (!answer.ok) return context.drillError(what, answer.error);
  context.drill(what, {
    id: 'drill-orders',
    title: what,
    columns: ['order_id', 'customer_id', 'rep_id', 'region', 'segment', 'confirmed_on', 'status', 'currency', 'booked'].map((field) => ({ field, label: field })),
    rows: answer.data.rows.map((row) => ({
      keys: { order: row.order_id },
      cells: Object.fromEntries(Object.entries(row).map(([field, value]) => [field, { value, text: field === 'booked' && typeof value === 'number' ? money(value) : String(value) }])),
    })),
  });
}
