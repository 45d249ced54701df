import { monthLabel, percent, plain, shiftMonth } from '../format.js';
import { t, term } from '../i18n/i18n.js';
import { columns, renderPanel, renderPanelError } from '../panel.js';
import { Satisfaction } from '../schemas.js';
import { describe, scopeParams, type ViewContext } from '../context.js';

/** CSAT and NPS per month of response over the last N months, each with its n. */
export async function satisfactionTrendPanel(context: ViewContext): Promise<void> {
  const { api, filters, panels } = context;
  const id = 'satisfaction-trend';
  const title = t('satisfaction.title');
  const from = shiftMonth(filters.month, 1 - filters.months);
  const answer = await api.get(
    '/reports/satisfaction',
    { from, to: filters.month, groupBy: 'period', ...scopeParams(filters) },
    Satisfaction,
  );
  if (!answer.ok) return renderPanelError(panels, id, title, describe(answer.error));
  const rows = answer.data.rows;
  renderPanel(panels, {
    id,
    title,
    note: t('satisfaction.note'),
    chart: {
      type: 'line',
      unit: { kind: 'number', digits: 1 },
      labels: rows.map((row) => monthLabel(row.group ?? '')),
      datasets: [
        {
          label: t('satisfaction.csat'),
          data: rows.map((row) => (row.csat.value === null ? null : row.csat.value * 100)),
        },
        {
          label: t('satisfaction.nps'),
          data: rows.map((row) => (row.nps.value === null ? null : row.nps.value * 100)),
        },
      ],
    },
    columns: [
      ...columns('month').map((column) => ({ ...column, field: 'group' })),
      ...columns('responses', 'csat', 'csat_n', 'nps', 'nps_n'),
    ],
    rows: rows.map((row) => ({
      keys: { group: row.group ?? '' },
      cells: {
        group: { value: row.group, text: monthLabel(row.group ?? '') },
        responses: { value: row.responses, text: plain(row.responses) },
        csat: { value: row.csat.value, text: percent(row.csat.value) },
        csat_n: { value: row.csat.n, text: plain(row.csat.n) },
        nps: { value: row.nps.value, text: row.nps.value === null ? '—' : plain(row.nps.value * 100, 1) },
        nps_n: { value: row.nps.n, text: plain(row.nps.n) },
      },
    })),
  });
}

/** Key drivers of NPS over the same months: Pearson r of each item with the NPS answer, ranked, `null` below 30 responses. */
export async function keyDriversPanel(context: ViewContext): Promise<void> {
  const { api, filters, panels } = context;
  const id = 'key-drivers';
  const title = t('drivers.title');
  const from = shiftMonth(filters.month, 1 - filters.months);
  const answer = await api.get(
    '/reports/satisfaction',
    { from, to: filters.month, ...scopeParams(filters) },
    Satisfaction,
  );
  if (!answer.ok) return renderPanelError(panels, id, title, describe(answer.error));
  const group = answer.data.rows[0];
  const drivers = [...(group?.keyDrivers.drivers ?? [])].sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99));
  const n = group?.keyDrivers.n ?? 0;
  renderPanel(panels, {
    id,
    title,
    note: t(group?.keyDrivers.drivers === null ? 'drivers.noteTooFew' : 'drivers.note', {
      from: monthLabel(from),
      to: monthLabel(filters.month),
      n,
    }),
    chart: {
      type: 'bar',
      unit: { kind: 'number', digits: 3 },
      labels: drivers.map((d) => term('item', d.item)),
      datasets: [{ label: t('drivers.correlation'), data: drivers.map((d) => d.correlation) }],
    },
    columns: columns('item', 'correlation', 'rank', 'n'),
    rows: drivers.map((d) => ({
      keys: { item: d.item },
      cells: {
        item: { value: d.item, text: term('item', d.item) },
        correlation: { value: d.correlation, text: plain(d.correlation, 3) },
        rank: { value: d.rank, text: plain(d.rank) },
        n: { value: n, text: plain(n) },
      },
    })),
  });
}
