import { dateLabel, monthLabel, percent, plain } from '../format.js';
import { t, term } from '../i18n/i18n.js';
import { columns, renderPanel, renderPanelError, type Cell } from '../panel.js';
import { ComplaintRows, Complaints } from '../schemas.js';
import { describe, scopeParams, type ViewContext } from '../context.js';

/** Complaints filed in the month by category with their SLA breaches; a bar opens the complaints behind it. */
export async function complaintsPanel(context: ViewContext): Promise<void> {
  const { api, filters, panels } = context;
  const id = 'complaints';
  const title = t('complaints.title');
  const answer = await api.get(
    '/reports/complaints',
    { from: filters.month, to: filters.month, groupBy: 'category', ...scopeParams(filters) },
    Complaints,
  );
  if (!answer.ok) return renderPanelError(panels, id, title, describe(answer.error));
  const rows = answer.data.rows;
  const open = (category: string) => () => void complaintsOf(context, category);
  renderPanel(panels, {
    id,
    title,
    note: t('complaints.note', { month: monthLabel(filters.month), asOf: dateLabel(answer.data.asOf.slice(0, 10)) }),
    chart: {
      type: 'bar',
      unit: { kind: 'number', digits: 0 },
      labels: rows.map((row) => term('category', row.group ?? '')),
      datasets: [
        { label: t('complaints.count'), data: rows.map((row) => row.complaints) },
        { label: t('complaints.acknowledgeBreached'), data: rows.map((row) => row.acknowledge.breached) },
        { label: t('complaints.resolveBreached'), data: rows.map((row) => row.resolve.breached) },
      ],
      onPick: (index) => open(rows[index]?.group ?? '')(),
    },
    columns: [
      ...columns('category').map((column) => ({ ...column, field: 'group' })),
      ...columns('complaints', 'acknowledge_breached', 'resolve_breached', 'resolve_breach_rate'),
    ],
    rows: rows.map((row) => ({
      keys: { group: row.group ?? '' },
      cells: {
        group: { value: row.group, text: term('category', row.group ?? '') },
        complaints: { value: row.complaints, text: plain(row.complaints) },
        acknowledge_breached: { value: row.acknowledge.breached, text: plain(row.acknowledge.breached) },
        resolve_breached: { value: row.resolve.breached, text: plain(row.resolve.breached) },
        resolve_breach_rate: { value: row.resolve.breachRate, text: percent(row.resolve.breachRate) },
      },
      drill: { label: t('complaints.drill'), open: open(row.group ?? '') },
    })),
  });
}

const FIELDS = [
  'complaint_id',
  'customer_id',
  'order_id',
  'filed_on',
  'channel',
  'severity',
  'rep_id',
  'region',
  'acknowledge_breached',
  'resolve_breached',
] as const;

function complaintCell(row: ComplaintRows['rows'][number], field: (typeof FIELDS)[number]): Cell {
  const value = row[field];
  if (typeof value === 'boolean') return { value: String(value), text: t(value ? 'value.true' : 'value.false') };
  if (field === 'filed_on' && value !== null) return { value, text: dateLabel(value) };
  if (field === 'channel' || field === 'severity') return { value, text: term(field, value ?? '') };
  return { value, text: value ?? '—' };
}

async function complaintsOf(context: ViewContext, category: string): Promise<void> {
  const { filters } = context;
  const what = t('complaints.drillTitle', { month: monthLabel(filters.month), category: term('category', category) });
  const answer = await context.api.get(
    '/reports/complaints/rows',
    { from: filters.month, to: filters.month, category, ...scopeParams(filters) },
    ComplaintRows,
  );
  if (!answer.ok) return context.drillError(what, answer.error);
  context.drill(what, {
    id: 'drill-complaints',
    title: what,
    columns: columns(...FIELDS),
    rows: answer.data.rows.map((row) => ({
      keys: { complaint: row.complaint_id },
      cells: Object.fromEntries(FIELDS.map((field) => [field, complaintCell(row, field)])),
    })),
  });
}
