import type Database from 'better-sqlite3';
import type { CommissionLineRow } from './commissions.projection.js';
import {
  approvedFigures,
  commissionStatementsTable,
  type CommissionStatementApprovalRow,
} from './statement-approvals.js';

/** Per approved month, per receivable stream, the last revision its approved statement counted. */
export type StatementCuts = ReadonlyMap<string, ReadonlyMap<string, number>>;

/** The cuts of every approved month (a few rows: one per approved month). */
export function loadCuts(db: Database.Database): StatementCuts {
  const rows = db.prepare(`SELECT * FROM ${commissionStatementsTable.name}`).all() as CommissionStatementApprovalRow[];
  return new Map(
    rows.map((row) => [row.month, new Map(approvedFigures(row).included.map((cut) => [cut.stream, cut.revision]))]),
  );
}

/** Every approved rep-month's base and commission (key `rep month`): what was paid. */
export function frozenFigures(
  db: Database.Database,
): ReadonlyMap<string, { readonly base: number; readonly commission: number }> {
  const rows = db.prepare(`SELECT * FROM ${commissionStatementsTable.name}`).all() as CommissionStatementApprovalRow[];
  return new Map(
    rows.flatMap((row) =>
      approvedFigures(row).rows.map(
        (rep) => [`${rep.repId} ${row.month}`, { base: rep.base, commission: rep.commission }] as const,
      ),
    ),
  );
}

/** The month after `month` (`YYYY-MM`). */
export function nextMonth(month: string): string {
  const [year = 0, m = 1] = month.split('-').map(Number);
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

const included = (line: CommissionLineRow, cut: ReadonlyMap<string, number> | undefined): boolean =>
  (cut?.get(line.stream_name) ?? -1) >= line.revision;

/**
 * The statement a line belongs to: the month it counts in, unless that month's statement was approved without it;
 * then the next month whose statement is open or was approved with it (an adjustment, never into an approved one).
 */
export function effectiveMonth(line: CommissionLineRow, cuts: StatementCuts): string {
  let month = line.month;
  while (cuts.has(month) && !included(line, cuts.get(month))) month = nextMonth(month);
  return month;
}

/** The months whose lines may belong to `month`'s statement: it and the approved months running up to it. */
export function monthsInto(month: string, cuts: StatementCuts): { readonly from: string; readonly to: string } {
  let from = month;
  for (let before = previousMonth(month); cuts.has(before); before = previousMonth(before)) from = before;
  return { from, to: month };
}

function previousMonth(month: string): string {
  const [year = 0, m = 1] = month.split('-').map(Number);
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
}

/** A line as its statement counts it: `month` is the statement it belongs to (its own month's unless an adjustment). */
export const asCounted = (line: CommissionLineRow, cuts: StatementCuts): CommissionLineRow => {
  const month = effectiveMonth(line, cuts);
  return month === line.month ? line : { ...line, month };
};
