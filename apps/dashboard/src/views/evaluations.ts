import { dateLabel, money, monthLabel, percent, plain } from '../format.js';
import { t, term } from '../i18n/i18n.js';
import { renderPanel, renderPanelError, type Cell } from '../panel.js';
import { Evaluations, type EvaluationRow } from '../evaluation-schemas.js';
import { describe, type ViewContext } from '../context.js';

const FIELDS = [
  'rep_id',
  'quarter',
  'status',
  'rating',
  'strengths',
  'actions',
  'outcomes',
  'opened_by',
  'finalised_at',
  'acknowledged_at',
] as const;
type Field = (typeof FIELDS)[number];

/** What was decided, in words: a bonus with its amount, the other kinds by name. */
const outcomesText = (row: EvaluationRow): string =>
  row.outcomes
    .map((outcome) =>
      outcome.kind === 'bonus' && outcome.amount !== undefined
        ? `${term('evaluations.outcome', 'bonus')} ${money(outcome.amount, outcome.currency ?? 'CNY')}`
        : term('evaluations.outcome', outcome.kind),
    )
    .join(', ') || '—';

function cell(row: EvaluationRow, field: Field): Cell {
  switch (field) {
    case 'status':
      return { value: row.status, text: term('evaluations.status', row.status) };
    case 'rating':
      return {
        value: row.rating,
        text: row.rating === null ? '—' : `${row.rating} ${term('evaluations.rating', String(row.rating))}`,
      };
    case 'actions':
      return {
        value: row.actions.length,
        text:
          row.actions
            .map((action) => t('evaluations.actionDue', { action: action.action, due: dateLabel(action.dueOn) }))
            .join('; ') || '—',
      };
    case 'outcomes':
      return { value: row.outcomes.map((outcome) => outcome.kind).join(','), text: outcomesText(row) };
    case 'finalised_at':
    case 'acknowledged_at':
      return { value: row[field], text: row[field] === null ? '—' : dateLabel(row[field].slice(0, 10)) };
    default:
      return { value: row[field], text: row[field] ?? '—' };
  }
}

/**
 * The evaluation history of the year of the page's month: a rep their own, a manager the reps of their scope (the API
 * decides); the rep filter narrows. A row opens the scorecards the evaluation froze.
 */
export async function evaluationsPanel(context: ViewContext): Promise<void> {
  const { api, filters, panels } = context;
  const id = 'evaluations';
  const year = filters.month.slice(0, 4);
  const title = t('evaluations.title', { year });
  const answer = await api.get('/evaluations', { year, rep: filters.rep }, Evaluations);
  if (!answer.ok)
    return renderPanelError(
      panels,
      id,
      title,
      answer.error.status === 403 ? t('evaluations.notForRole') : describe(answer.error),
    );
  const rows = answer.data.rows;
  const open = (row: EvaluationRow) => () => frozenScorecards(context, row);
  renderPanel(panels, {
    id,
    title,
    note: t('evaluations.note'),
    chart: {
      type: 'bar',
      unit: { kind: 'number', digits: 0 },
      labels: rows.map((row) => `${row.rep_id} ${row.quarter}`),
      datasets: [{ label: t('evaluations.column.rating'), data: rows.map((row) => row.rating) }],
      onPick: (index) => {
        const row = rows[index];
        if (row !== undefined) open(row)();
      },
    },
    columns: FIELDS.map((field) => ({ field, label: t(`evaluations.column.${field}`) })),
    rows: rows.map((row) => ({
      keys: { rep: row.rep_id, quarter: row.quarter },
      cells: Object.fromEntries(FIELDS.map((field) => [field, cell(row, field)])),
      drill: { label: t('evaluations.drill'), open: open(row) },
    })),
  });
}

const SNAPSHOT = [
  'month',
  'currency',
  'booked',
  'target',
  'attainment',
  'collected',
  'collection_rate',
  'csat',
] as const;

/** The scorecards as the manager saw them when opening the evaluation, one row per month and currency. */
function frozenScorecards(context: ViewContext, row: EvaluationRow): void {
  const what = t('evaluations.drillTitle', {
    rep: row.rep_id,
    quarter: row.quarter,
    position: row.snapshot.position ?? '—',
  });
  const lines = row.snapshot.scorecards.flatMap(({ month, rows }) =>
    rows.flatMap((card) => card.currencies.map((figures) => ({ month, card, figures }))),
  );
  context.drill(what, {
    id: 'drill-evaluation',
    title: what,
    columns: SNAPSHOT.map((field) => ({ field, label: t(`evaluations.column.${field}`) })),
    rows: lines.map(({ month, card, figures }) => ({
      keys: { month, currency: figures.currency },
      cells: {
        month: { value: month, text: monthLabel(month) },
        currency: { value: figures.currency, text: figures.currency },
        booked: { value: figures.booked, text: money(figures.booked, figures.currency) },
        target: {
          value: figures.target,
          text: figures.target === null ? '—' : money(figures.target, figures.currency),
        },
        attainment: { value: figures.attainment, text: percent(figures.attainment) },
        collected: { value: figures.collected, text: money(figures.collected, figures.currency) },
        collection_rate: { value: figures.collection_rate, text: percent(figures.collection_rate) },
        csat: {
          value: card.csat.value,
          text: card.csat.value === null ? '—' : `${percent(card.csat.value)} (n=${plain(card.csat.n)})`,
        },
      },
    })),
  });
}
