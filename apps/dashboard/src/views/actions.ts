import { dateLabel, plain } from '../format.js';
import { t, term } from '../i18n/i18n.js';
import { renderPanel, renderPanelError, type Cell } from '../panel.js';
import { ImprovementActions, type ActionRow } from '../action-schemas.js';
import { describe, type ViewContext } from '../context.js';

const FIELDS = ['department', 'action_id', 'title', 'status', 'owner_id', 'due_on', 'days_overdue', 'finding'] as const;
type Field = (typeof FIELDS)[number];

/** The figure an action came from, in words: the metric (or root cause), its group, and how it moved. */
function findingText(row: ActionRow): string {
  const { finding } = row;
  const metric =
    finding.rootCause === undefined
      ? term('actions.metric', finding.metric)
      : term('actions.rootCause', finding.rootCause);
  const group = finding.group === undefined ? '' : ` (${finding.group.value})`;
  const moved =
    finding.previousValue === undefined
      ? plain(finding.value, 2)
      : t('actions.moved', { from: plain(finding.previousValue, 2), to: plain(finding.value, 2) });
  return `${metric}${group}: ${moved}`;
}

function cell(row: ActionRow, field: Field): Cell {
  switch (field) {
    case 'department':
      return { value: row.department, text: term('actions.department', row.department) };
    case 'status':
      return { value: row.status, text: term('actions.status', row.status) };
    case 'due_on':
      return { value: row.due_on, text: dateLabel(row.due_on) };
    case 'days_overdue':
      return { value: row.days_overdue, text: row.overdue ? t('actions.daysLate', { days: row.days_overdue }) : '—' };
    case 'finding':
      return { value: row.finding_link, text: findingText(row) };
    default:
      return { value: row[field], text: row[field] };
  }
}

/**
 * The improvement actions in the reader's scope (the API decides: a rep the ones they own, a regional manager their
 * region's), by department with the overdue ones first; the chart counts open, in progress and overdue per department.
 */
export async function actionsPanel(context: ViewContext): Promise<void> {
  const { api, panels } = context;
  const id = 'improvement-actions';
  const title = t('actions.title');
  const answer = await api.get('/reports/improvement-actions', {}, ImprovementActions);
  if (!answer.ok)
    return renderPanelError(
      panels,
      id,
      title,
      answer.error.status === 403 ? t('actions.notForRole') : describe(answer.error),
    );
  const { rows, departments, asOf } = answer.data;
  renderPanel(panels, {
    id,
    title,
    note: t('actions.note', { asOf: dateLabel(asOf) }),
    chart: {
      type: 'bar',
      unit: { kind: 'number', digits: 0 },
      labels: departments.map((d) => term('actions.department', d.department)),
      datasets: [
        { label: t('actions.status.open'), data: departments.map((d) => d.open) },
        { label: t('actions.status.in_progress'), data: departments.map((d) => d.in_progress) },
        { label: t('actions.overdue'), data: departments.map((d) => d.overdue) },
      ],
    },
    columns: FIELDS.map((field) => ({ field, label: t(`actions.column.${field}`) })),
    rows: rows.map((row) => ({
      keys: { action: row.action_id, department: row.department },
      cells: Object.fromEntries(FIELDS.map((field) => [field, cell(row, field)])),
    })),
  });
}
