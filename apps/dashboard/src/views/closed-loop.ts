import { percent, plain, shiftMonth } from '../format.js';
import { t } from '../i18n/i18n.js';
import { renderPanel, renderPanelError } from '../panel.js';
import { ClosedLoop } from '../action-schemas.js';
import { describe, scopeParams, type ViewContext } from '../context.js';

const FIELDS = [
  'opened',
  'closed',
  'recovered',
  'open',
  'overdue',
  'rate',
  'recoveryRate',
  'meanHoursToClose',
] as const;

/**
 * The closed loop of the unhappy answers of the trend's months, per region: follow-ups opened, closed and recovered,
 * those still open and overdue today, the closed-loop and recovery rates and the mean hours to close.
 */
export async function closedLoopPanel(context: ViewContext): Promise<void> {
  const { api, filters, panels } = context;
  const id = 'closed-loop';
  const title = t('closedLoop.title');
  const from = shiftMonth(filters.month, 1 - filters.months);
  const answer = await api.get(
    '/reports/satisfaction',
    { from, to: filters.month, groupBy: 'region', ...scopeParams(filters) },
    ClosedLoop,
  );
  if (!answer.ok) return renderPanelError(panels, id, title, describe(answer.error));
  const rows = answer.data.rows;
  const rate = (value: number | null) => (value === null ? null : value * 100);
  renderPanel(panels, {
    id,
    title,
    note: t('closedLoop.note'),
    chart: {
      type: 'bar',
      unit: { kind: 'number', digits: 0 },
      labels: rows.map((row) => row.group ?? ''),
      datasets: [
        { label: t('closedLoop.column.rate'), data: rows.map((row) => rate(row.closedLoop.rate)) },
        { label: t('closedLoop.column.recoveryRate'), data: rows.map((row) => rate(row.closedLoop.recoveryRate)) },
      ],
    },
    columns: [
      { field: 'group', label: t('closedLoop.column.region') },
      ...FIELDS.map((field) => ({ field, label: t(`closedLoop.column.${field}`) })),
    ],
    rows: rows.map(({ group, closedLoop: loop }) => ({
      keys: { group: group ?? '' },
      cells: {
        group: { value: group, text: group ?? '—' },
        opened: { value: loop.opened, text: plain(loop.opened) },
        closed: { value: loop.closed, text: plain(loop.closed) },
        recovered: { value: loop.recovered, text: plain(loop.recovered) },
        open: { value: loop.open, text: plain(loop.open) },
        overdue: { value: loop.overdue, text: plain(loop.overdue) },
        rate: { value: loop.rate, text: percent(loop.rate) },
        recoveryRate: { value: loop.recoveryRate, text: percent(loop.recoveryRate) },
        meanHoursToClose: { value: loop.meanHoursToClose, text: plain(loop.meanHoursToClose, 1) },
      },
    })),
  });
}
