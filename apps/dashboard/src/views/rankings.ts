import { monthLabel, percent, plain } from '../format.js';
import { t } from '../i18n/i18n.js';
import { renderPanel, renderPanelError } from '../panel.js';
import { LeagueTable } from '../ranking-schemas.js';
import { describe, type ViewContext } from '../context.js';

/** The league table of the month by attainment: the caller's region (reps, regional managers) or the region filtered, else all. */
export async function leagueTablePanel(context: ViewContext): Promise<void> {
  const { api, filters, panels } = context;
  const id = 'league-table';
  const title = t('rankings.title', { month: monthLabel(filters.month) });
  const answer = await api.get(
    '/reports/rankings',
    { period: filters.month, metric: 'attainment', scope: filters.region },
    LeagueTable,
  );
  if (!answer.ok) return renderPanelError(panels, id, title, describe(answer.error));
  const rows = answer.data.rows;
  const charted = rows.filter((row) => row.currency === filters.currency && row.value !== null);
  renderPanel(panels, {
    id,
    title,
    note: t('rankings.note', { scope: answer.data.scope === 'all' ? t('rankings.scopeAll') : answer.data.scope }),
    chart: {
      type: 'bar',
      unit: { kind: 'number', digits: 1 },
      labels: charted.map((row) => row.rep_id),
      datasets: [
        {
          label: t('rankings.attainment', { currency: filters.currency }),
          data: charted.map((row) => (row.value ?? 0) * 100),
        },
      ],
    },
    columns: ['rank', 'rep', 'currency', 'value', 'tied'].map((field) => ({
      field,
      label: t(`rankings.column.${field as 'rank' | 'rep' | 'currency' | 'value' | 'tied'}`),
    })),
    rows: rows.map((row) => ({
      keys: { group: row.rep_id, currency: row.currency ?? '' },
      cells: {
        rank: { value: row.rank, text: plain(row.rank) },
        rep: { value: row.rep_id, text: row.rep_id },
        currency: { value: row.currency, text: row.currency ?? '' },
        value: { value: row.value, text: percent(row.value) },
        tied: { value: row.tied ? 'true' : 'false', text: row.tied ? t('rankings.tiedYes') : '' },
      },
    })),
  });
}
