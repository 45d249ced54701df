import { ApprovedStatementFigures, type SalesbookEvent } from '@salesbook/domain';
import { defineTable, upsert, type RowReader, type RowWrite } from '../model/table.js';

/** A month's approved commission statement: the figures as approved (JSON), who approved and confirmed it. */
export type CommissionStatementApprovalRow = {
  readonly month: string;
  readonly approved_by: string;
  readonly approved_at: string;
  /** The log position the approved figures were read at (as the approval event states it). */
  readonly position: string | null;
  /** The approved rows and the facts they counted, as the event holds them (`ApprovedStatementFigures` as JSON). */
  readonly figures: string;
  readonly confirmed_by: string | null;
  readonly confirmed_at: string | null;
};

/** The `commission_statements` read model: one row per approved month. */
export const commissionStatementsTable = defineTable<CommissionStatementApprovalRow, 'month'>({
  name: 'commission_statements',
  columns: {
    month: 'TEXT',
    approved_by: 'TEXT',
    approved_at: 'TEXT',
    position: 'TEXT NULL',
    figures: 'TEXT',
    confirmed_by: 'TEXT NULL',
    confirmed_at: 'TEXT NULL',
  },
  primaryKey: ['month'],
});

/** The write of an approval or a confirmation; `undefined` for any other event. */
export function approvalWrite(event: SalesbookEvent, rows: RowReader): RowWrite | undefined {
  if (event.type === 'CommissionStatementApproved') {
    const { month, figures, approvedBy, approvedAt } = event.data;
    return upsert(commissionStatementsTable, {
      month,
      approved_by: approvedBy,
      approved_at: approvedAt,
      position: figures.position,
      figures: JSON.stringify(figures),
      confirmed_by: null,
      confirmed_at: null,
    });
  }
  if (event.type !== 'CommissionStatementConfirmed') return undefined;
  const approved = rows.get(commissionStatementsTable, { month: event.data.month });
  // The decider confirms only an approved statement, and a stream is applied in order: the row is there.
  return approved === undefined
    ? undefined
    : upsert(commissionStatementsTable, {
        ...approved,
        confirmed_by: event.data.confirmedBy,
        confirmed_at: event.data.confirmedAt,
      });
}

/** The figures of an approved row, as approved. */
export const approvedFigures = (row: CommissionStatementApprovalRow): ApprovedStatementFigures =>
  ApprovedStatementFigures.parse(JSON.parse(row.figures));

/** What a statement answer says of its approval: frozen figures, who approved and confirmed them, and when. */
export type StatementApproval = {
  readonly approvedBy: string;
  readonly approvedAt: string;
  readonly confirmedBy: string | null;
  readonly confirmedAt: string | null;
  /** The log position the approved figures were read at. */
  readonly position: string | null;
};

/** The approval of `month`'s statement, if it was approved. */
export function approvalOf(row: CommissionStatementApprovalRow | undefined): StatementApproval | null {
  if (row === undefined) return null;
  return {
    approvedBy: row.approved_by,
    approvedAt: row.approved_at,
    confirmedBy: row.confirmed_by,
    confirmedAt: row.confirmed_at,
    position: row.position,
  };
}
