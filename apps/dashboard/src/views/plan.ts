import { money, monthLabel, percent, plain } from '../format.js';
import { t, term } from '../i18n/i18n.js';
import { renderPanel, renderPanelError, type Cell } from '../panel.js';
import { MonthlyPlan, type PlanRow } from '../plan-schemas.js';
import { describe, scopeParams, type ViewContext } from '../context.js';

const LEVELS = ['region', 'rep'] as const;
type Level = (typeof LEVELS)[number];
type Line = PlanRow & { readonly level: Level };

const FIELDS = ['level', 'group', 'period', 'measure', 'currency', 'target', 'actual', 'attainment', 'gap'] as const;

/** A month as the page writes months, a quarter `YYYY-Qn` or a year `YYYY` in the catalogue's words. */
export function periodLabel(period: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter !== null) return t('plan.quarter', { year: quarter[1] ?? '', quarter: quarter[2] ?? '' });
  return /^\d{4}$/.test(period) ? t('plan.year', { year: period }) : monthLabel(period);
}

/** Target less actual to date: above 0 the group is still short of it. */
const gapOf = (line: Line): number => line.target - line.actual;

/** A figure of the line: customers are counted, the other measures are money of the target's currency. */
const figure = (line: Line, value: number): Cell => ({
  value,
  text: line.measure === 'newCustomers' ? plain(value) : money(value, line.currency),
});

function cells(line: Line): Record<(typeof FIELDS)[number], Cell> {
  return {
    level: { value: line.level, text: t(line.level === 'region' ? 'column.region' : 'column.rep') },
    group: { value: line.group, text: line.group },
    period: { value: line.period, text: periodLabel(line.period) },
    measure: { value: line.measure, text: term('plan.measure', line.measure) },
    // A customer count's currency means nothing: the table leaves it out.
    currency: { value: line.currency, text: line.measure === 'newCustomers' ? '—' : line.currency },
    target: figure(line, line.target),
    actual: figure(line, line.actual),
    attainment: { value: line.attainment, text: percent(line.attainment) },
    gap: figure(line, gapOf(line)),
  };
}

/**
 * The plan's attainment in the reader's scope (the API decides: a rep their own targets, a regional manager their
 * region's and its reps', the others all): every target of the month, its quarter and its year, of booked sales,
 * collected sales and new customers, against the measure from the period's first day to the month's end.
 */
export async function planPanel(context: ViewContext): Promise<void> {
  const { api, filters, panels } = context;
  const id = 'plan-attainment';
  const title = t('plan.title', { month: monthLabel(filters.month) });
  const answers = await Promise.all(
    LEVELS.map((groupBy) =>
      api.get('/reports/sales/monthly', { month: filters.month, groupBy, ...scopeParams(filters) }, MonthlyPlan),
    ),
  );
  const lines: Line[] = [];
  for (const [index, answer] of answers.entries()) {
    if (!answer.ok) return renderPanelError(panels, id, title, describe(answer.error));
    lines.push(...answer.data.plan.map((row) => ({ ...row, level: LEVELS[index] ?? 'rep' })));
  }
  const charted = lines.filter((line) => line.measure === 'newCustomers' || line.currency === filters.currency);
  renderPanel(panels, {
    id,
    title,
    note: t('plan.note', { currency: filters.currency }),
    chart: {
      type: 'bar',
      unit: { kind: 'number', digits: 1 },
      labels: charted.map((line) => `${line.group} ${periodLabel(line.period)} ${term('plan.measure', line.measure)}`),
      datasets: [
        {
          label: t('plan.attainmentPct'),
          data: charted.map((line) => (line.attainment === null ? null : line.attainment * 100)),
        },
      ],
    },
    columns: FIELDS.map((field) => ({ field, label: t(`plan.column.${field}`) })),
    rows: lines.map((line) => ({
      keys: {
        level: line.level,
        group: line.group,
        period: line.period,
        measure: line.measure,
        currency: line.currency,
      },
      cells: cells(line),
    })),
  });
}
