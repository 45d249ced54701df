import { percent, plain } from '../format.js';
import { renderPanel, renderPanelError } from '../panel.js';
import { ComplaintRows, Complaints } from '../schemas.js';
import { describe, scopeParams, type ViewContext } from '../context.js';

/** Complaints filed in the month by category with their SLA breaches; a bar opens the complaints behind it. */
export async function complaintsPanel(context: ViewContext): Promise<void> {
  const { api, filters, panels } = context;
  const id = 'complaints';
  const title = 'Complaints by category with SLA breaches';
  const answer = await api.get('/reports/complaints', { from: filters.month, to: filters.month, groupBy: 'category', ...scopeParams(filters) }, Complaints);
  if (!answer.ok) return renderPanelError(panels, id, title, describe(answer.error));
  const rows = answer.data.rows;
  const open = (category: string) => () => void complaintsOf(context, category);
  renderPanel(panels, {
    id,
    title,
    note: `Filed in ${filters.month}, breaches as of ${answer.data.asOf}. Click a bar for its complaints.`,
    chart: {
      type: 'bar',
      labels: rows.map((row) => row.group ?? ''),
      datasets: [
        { label: 'complaints', data: rows.map((row) => row.complaints) },
        { label: 'acknowledge SLA breached', data: rows.map((row) => row.acknowledge.breached) },
        { label: 'resolve SLA breached', data: rows.map((row) => row.resolve.breached) },
      ],
      onPick: (index) => open(rows[index]?.group ?? '')(),
    },
    columns: ['group', 'complaints', 'acknowledge_breached', 'resolve_breached', 'resolve_breach_rate'].map((field) => ({ field, label: field === 'group' ? 'category' : field.replace(/_/g, ' ') })),
    rows: rows.map((row) => ({
      keys: { group: row.group ?? '' },
      cells: {
        group: { value: row.group, text: row.group ?? '' }, complaints: { value: row.complaints, text: plain(row.complaints) },
        acknowledge_breached: { value: row.acknowledge.breached, text: plain(row.acknowledge.breached) },
        resolve_breached: { value: row.resolve.breached, text: plain(row.resolve.breached) },
        resolve_breach_rate: { value: row.resolve.breachRate, text: percent(row.resolve.breachRate) },
      },
      drill: { label: 'complaints', open: open(row.group ?? '') },
    })),
  });
}

async function complaintsOf(context: ViewContext, category: string): Promise<void> {
  const { filters } = context;
  const what = `Complaints filed in ${filters.month}, category ${category}`;
  const answer = await context.api.get('/reports/complaints/rows', { from: filters.month, to: filters.month, category, ...scopeParams(filters) }, ComplaintRows);
  if (!answer.ok) return context.drillError(what, answer.error);
  const fields = ['complaint_id', 'customer_id', 'order_id', 'filed_on', 'channel', 'severity', 'rep_id', 'region', 'acknowledge_breached', 'resolve_breached'];
  context.drill(what, {
    id: 'drill-complaints',
    title: what,
    columns: fields.map((field) => ({ field, label: field.replace(/_/g, ' ') })),
    rows: answer.data.rows.map((row) => ({
      keys: { complaint: row.complaint_id },
      cells: Object.fromEntries(fields.map((field) => {
        const value = row[field as keyof typeof row];
        return [field, { value: typeof value === 'boolean' ? String(value) : value, text: value === null ? '—' : String(value) }];
      })),
    })),
  });
}
