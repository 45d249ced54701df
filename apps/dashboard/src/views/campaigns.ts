import { dateLabel, monthLabel, percent, plain } from '../format.js';
import { t, term } from '../i18n/i18n.js';
import { renderPanel, renderPanelError, type Cell } from '../panel.js';
import { SurveyCampaigns, type CampaignRow } from '../campaign-schemas.js';
import { describe, type ViewContext } from '../context.js';

const FIELDS = [
  'campaign_id',
  'name',
  'period',
  'status',
  'opens_on',
  'closes_on',
  'invited',
  'answered',
  'response_rate',
] as const;
type Field = (typeof FIELDS)[number];

/** Answered over invited; `null` before anyone in scope is invited. */
const responseRate = (row: CampaignRow): number | null => (row.invited === 0 ? null : row.answered / row.invited);

function cell(row: CampaignRow, field: Field): Cell {
  switch (field) {
    case 'period':
      return { value: row.period, text: monthLabel(row.period) };
    case 'status':
      return { value: row.status, text: term('campaigns.status', row.status) };
    case 'opens_on':
    case 'closes_on':
      return { value: row[field], text: dateLabel(row[field]) };
    case 'invited':
    case 'answered':
      return { value: row[field], text: plain(row[field]) };
    case 'response_rate':
      return { value: responseRate(row), text: percent(responseRate(row)) };
    default:
      return { value: row[field], text: row[field] };
  }
}

/**
 * The survey campaigns, the latest to open first, with the invitations and answers in the reader's scope (the API
 * decides: a rep their customers, a regional manager their region) and the response rate; the chart is that rate.
 */
export async function campaignsPanel(context: ViewContext): Promise<void> {
  const { api, panels } = context;
  const id = 'survey-campaigns';
  const title = t('campaigns.title');
  const answer = await api.get('/survey-campaigns', {}, SurveyCampaigns);
  if (!answer.ok)
    return renderPanelError(
      panels,
      id,
      title,
      answer.error.status === 403 ? t('campaigns.notForRole') : describe(answer.error),
    );
  const { rows } = answer.data;
  const rate = (row: CampaignRow) => {
    const value = responseRate(row);
    return value === null ? null : value * 100;
  };
  renderPanel(panels, {
    id,
    title,
    note: t('campaigns.note'),
    chart: {
      type: 'bar',
      unit: { kind: 'number', digits: 1 },
      labels: rows.map((row) => row.campaign_id),
      datasets: [{ label: t('campaigns.column.response_rate'), data: rows.map(rate) }],
    },
    columns: FIELDS.map((field) => ({ field, label: t(`campaigns.column.${field}`) })),
    rows: rows.map((row) => ({
      keys: { campaign: row.campaign_id },
      cells: Object.fromEntries(FIELDS.map((field) => [field, cell(row, field)])),
    })),
  });
}
