import { dateLabel, money, monthLabel, percent } from '../format.js';
import { t } from '../i18n/i18n.js';
import { renderPanel, renderPanelError, type PanelSpec } from '../panel.js';
import { CommissionLines, CommissionStatements } from '../commission-schemas.js';
import { describe, scopeParams, type ViewContext } from '../context.js';

type Field =
  | 'rep'
  | 'currency'
  | 'base'
  | 'attainment'
  | 'rate'
  | 'commission'
  | 'clawbacks'
  | 'total'
  | 'kind'
  | 'receivable'
  | 'amount'
  | 'dated'
  | 'counted'
  | 'share'
  | 'event';
const labelled = (...fields: readonly Field[]) =>
  fields.map((field) => ({ field, label: t(`commissions.column.${field}`) }));

/** The approval state of the month, in words. */
function approvalNote(answer: CommissionStatements): string {
  const { approval } = answer;
  if (approval === null) return t('commissions.open');
  const approved = { by: approval.approvedBy, on: dateLabel(approval.approvedAt.slice(0, 10)) };
  return approval.confirmedBy === null
    ? t('commissions.approved', approved)
    : t('commissions.confirmed', { ...approved, confirmedBy: approval.confirmedBy });
}

/** Commission statements of the month: a rep's own, a manager's per rep with the approval state; a row opens its lines. */
export async function commissionsPanel(context: ViewContext): Promise<void> {
  const { api, filters, panels } = context;
  const id = 'commissions';
  const title = t('commissions.title', { month: monthLabel(filters.month) });
  const answer = await api.get(
    '/reports/commissions',
    { month: filters.month, groupBy: 'rep', ...scopeParams(filters) },
    CommissionStatements,
  );
  if (!answer.ok) return renderPanelError(panels, id, title, describe(answer.error));
  renderPanel(panels, {
    id,
    title,
    note: `${t('commissions.note')} ${approvalNote(answer.data)}`,
    columns: labelled('rep', 'currency', 'base', 'attainment', 'rate', 'commission', 'clawbacks', 'total'),
    rows: answer.data.rows.map((row) => ({
      keys: { group: row.rep_id, currency: row.currency },
      cells: {
        rep: { value: row.rep_id, text: row.rep_id },
        currency: { value: row.currency, text: row.currency },
        base: { value: row.base, text: money(row.base, row.currency) },
        attainment: {
          value: row.attainment_bps,
          text: percent(row.attainment_bps === null ? null : row.attainment_bps / 10_000),
        },
        rate: { value: row.rate_bps, text: percent(row.rate_bps / 10_000) },
        commission: { value: row.commission, text: money(row.commission, row.currency) },
        clawbacks: { value: row.clawbacks, text: money(row.clawbacks, row.currency) },
        total: { value: row.total, text: money(row.total, row.currency) },
      },
      drill: { label: t('commissions.drill'), open: () => void linesOf(context, row.rep_id) },
    })),
  });
}

/** The lines behind a rep's statement, each traced to its event, in the drill-down. */
async function linesOf(context: ViewContext, rep: string): Promise<void> {
  const title = t('commissions.drillTitle', { rep, month: monthLabel(context.filters.month) });
  const answer = await context.api.get(
    '/reports/commissions/lines',
    { rep, month: context.filters.month },
    CommissionLines,
  );
  if (!answer.ok) return context.drillError(title, answer.error);
  const spec: PanelSpec = {
    id: 'commission-lines',
    title,
    note: t('commissions.drillNote'),
    columns: labelled('kind', 'receivable', 'amount', 'dated', 'counted', 'share', 'event'),
    rows: answer.data.rows.map((line) => ({
      keys: { stream: line.stream_name, revision: String(line.revision), currency: line.currency },
      cells: {
        kind: {
          value: line.kind,
          text: t(`commissions.kind.${line.kind as 'payment' | 'reversal' | 'credit_note' | 'write_off'}`),
        },
        receivable: { value: line.receivable_id, text: line.receivable_id },
        amount: { value: line.amount, text: money(line.amount, line.currency) },
        dated: { value: line.dated_on, text: dateLabel(line.dated_on) },
        counted: {
          value: line.counted_on,
          text: dateLabel(line.counted_on) + (line.late ? ` ${t('commissions.late')}` : ''),
        },
        share: {
          value: line.commission ?? (line.clawback === null ? null : -line.clawback),
          text: money(line.commission ?? (line.clawback === null ? null : -line.clawback), line.currency),
        },
        event: {
          value: line.event_position,
          text: `${line.stream_name} #${line.revision} @${line.event_position ?? '—'}`,
        },
      },
    })),
  };
  context.drill(title, spec);
}
