import type Database from 'better-sqlite3';
import { sumMinor } from '@salesbook/domain';
import type { ReportScope } from '../model/report-filter.js';
import { readReport, type LagOf } from '../runner/report.js';
import type { ReportResult } from '../runner/status.js';
import { clawbacksOf, monthFigures, shareOf, type MonthFigures, type StatementSource } from './commission-statement.js';
import type { CommissionLineRow, CommissionPlanRow } from './commissions.projection.js';
import { monthTargetsSql } from '../kpi/month-targets.sql.js';
import { asCounted, frozenFigures, loadCuts, monthsInto } from './adjustments.js';
import {
  approvalOf,
  approvedFigures,
  commissionStatementsTable,
  type CommissionStatementApprovalRow,
  type StatementApproval,
} from './statement-approvals.js';

/** The read models a commission statement joins: the lines and plans, and the targets. */
export const COMMISSIONS_SOURCES = ['commissions', 'sales_targets'] as const;

/** One rep's commission statement of a month (minor units of `currency`; attainment and rates in basis points). */
export type CommissionStatementRow = {
  readonly rep_id: string;
  readonly region: string;
  readonly plan_id: string;
  readonly plan_version: number;
  readonly currency: string;
  readonly base: number;
  readonly target: number | null;
  readonly attainment_bps: number | null;
  /** The tier reached, counting from 1. */
  readonly tier: number;
  readonly rate_bps: number;
  readonly commission: number;
  readonly clawbacks: number;
  /** commission - clawbacks. */
  readonly total: number;
};

/** A region's statement of a month in one currency: its reps' sums. */
export type CommissionRegionRow = Pick<
  CommissionStatementRow,
  'region' | 'currency' | 'base' | 'commission' | 'clawbacks' | 'total'
> & { readonly reps: number };

/** One line of a rep's statement: the event it came from, what it counts and what it earned or took back. */
export type CommissionLine = CommissionLineRow & {
  /** Dated in another month than it counts in: a late adjustment from a month closed when it was recorded. */
  readonly late: boolean;
  /** The month it counted in when that month's statement was approved without it: an adjustment in this one, else null. */
  readonly adjusted_from: string | null;
  /** A collection's share of the month's commission (its amount at the month's effective rate), else null. */
  readonly commission: number | null;
  /** A reduction's clawback under the month's plan, else null. */
  readonly clawback: number | null;
};

function sqlSource(db: Database.Database): StatementSource {
  const cuts = loadCuts(db);
  const frozen = frozenFigures(db);
  const lines = db.prepare(
    'SELECT * FROM commission_lines WHERE rep_id = ? AND month >= ? AND month <= ? ORDER BY counted_on, stream_name, revision',
  );
  const ofReceivable = db.prepare(
    'SELECT * FROM commission_lines WHERE receivable_id = ? ORDER BY stream_name, revision',
  );
  const target = db
    .prepare(
      `WITH ${monthTargetsSql('@month', '@month')}
       SELECT amount FROM month_targets WHERE month = @month AND scope = 'rep' AND scope_id = @repId AND currency = @currency`,
    )
    .pluck();
  return {
    plans: db.prepare('SELECT * FROM commission_plans').all() as CommissionPlanRow[],
    linesOf: (repId, month) => {
      const { from, to } = monthsInto(month, cuts);
      return (lines.all(repId, from, to) as CommissionLineRow[])
        .map((line) => asCounted(line, cuts))
        .filter((line) => line.month === month);
    },
    linesOfReceivable: (id) => (ofReceivable.all(id) as CommissionLineRow[]).map((line) => asCounted(line, cuts)),
    targetOf: (repId, month, currency) => (target.get({ month, repId, currency }) as number | undefined) ?? null,
    frozenOf: (repId, month) => frozen.get(`${repId} ${month}`) ?? null,
  };
}

/** The reps with lines that may count in `month`: in it, or in the approved months running up to it (adjustments). */
function repsOf(db: Database.Database, month: string): string[] {
  const { from, to } = monthsInto(month, loadCuts(db));
  return db
    .prepare('SELECT DISTINCT rep_id FROM commission_lines WHERE month >= ? AND month <= ? ORDER BY rep_id')
    .pluck()
    .all(from, to) as string[];
}

const inScope = (scope: ReportScope | undefined, repId: string, region: string): boolean =>
  (scope?.repId === undefined || scope.repId === repId) && (scope?.region === undefined || scope.region === region);

/** The clawbacks of a rep's reductions counted in their month, by stream and revision. */
function reductionClawbacks(
  source: StatementSource,
  figuresOf: ReturnType<typeof monthFigures>,
  lines: readonly CommissionLineRow[],
): Map<string, number> {
  const found = new Map<string, number>();
  for (const receivable of new Set(
    lines.filter((line) => line.kind === 'credit_note' || line.kind === 'write_off').map((line) => line.receivable_id),
  )) {
    const all = source.linesOfReceivable(receivable);
    for (const [revision, clawback] of clawbacksOf(all, figuresOf))
      found.set(`${all[0]?.stream_name ?? ''} ${revision}`, clawback.clawback);
  }
  return found;
}

function statementRow(month: MonthFigures, clawbacks: number): CommissionStatementRow {
  const { figures, plan } = month;
  return {
    rep_id: month.repId,
    region: month.region,
    plan_id: plan.planId,
    plan_version: plan.version,
    currency: plan.terms.currency,
    base: month.base,
    target: month.target,
    attainment_bps: figures.attainmentBps,
    tier: figures.tier + 1,
    rate_bps: figures.rateBps,
    commission: figures.commission,
    clawbacks,
    total: figures.commission - clawbacks,
  };
}

function liveStatements(
  db: Database.Database,
  month: string,
  scope: ReportScope | undefined,
): CommissionStatementRow[] {
  const source = sqlSource(db);
  const figuresOf = monthFigures(source);
  const reps = repsOf(db, month);
  return reps.flatMap((repId) => {
    const figures = figuresOf(repId, month);
    if (figures === null || !inScope(scope, repId, figures.region)) return [];
    const lines = source.linesOf(repId, month);
    const clawed = reductionClawbacks(source, figuresOf, lines);
    const clawbacks = sumMinor(lines.map((line) => clawed.get(`${line.stream_name} ${line.revision}`) ?? 0));
    return [statementRow(figures, clawbacks)];
  });
}

/** The approval row of a month's statement, if approved. */
const approvalRowOf = (db: Database.Database, month: string): CommissionStatementApprovalRow | undefined =>
  db.prepare(`SELECT * FROM ${commissionStatementsTable.name} WHERE month = ?`).get(month) as
    CommissionStatementApprovalRow | undefined;

/** An approved month's rows exactly as approved, in the reader's scope. */
function frozenStatements(
  approved: CommissionStatementApprovalRow,
  scope: ReportScope | undefined,
): CommissionStatementRow[] {
  return approvedFigures(approved)
    .rows.filter((row) => inScope(scope, row.repId, row.region))
    .map((row) => ({
      rep_id: row.repId,
      region: row.region,
      plan_id: row.planId,
      plan_version: row.planVersion,
      currency: row.currency,
      base: row.base,
      target: row.target,
      attainment_bps: row.attainmentBps,
      tier: row.tier,
      rate_bps: row.rateBps,
      commission: row.commission,
      clawbacks: row.clawbacks,
      total: row.total,
    }));
}

/** A month's statement in the reader's scope: as approved once approved (frozen), else computed now. */
function repStatements(
  db: Database.Database,
  month: string,
  scope: ReportScope | undefined,
): { rows: CommissionStatementRow[]; approval: StatementApproval | null } {
  const approved = approvalRowOf(db, month);
  return approved === undefined
    ? { rows: liveStatements(db, month, scope), approval: null }
    : { rows: frozenStatements(approved, scope), approval: approvalOf(approved) };
}

/** A statement answer: its rows, and whether (and by whom) the month was approved and its figures frozen. */
export type StatementResult<T> = ReportResult<T> & {
  readonly frozen: boolean;
  readonly approval: StatementApproval | null;
};

/** Runs a statement read in the report's transaction, keeping the approval it found beside the rows. */
function readStatement<T>(
  db: Database.Database,
  lagOf: LagOf,
  read: () => { rows: T[]; approval: StatementApproval | null },
): StatementResult<T> {
  let approval: StatementApproval | null = null;
  const result = readReport(db, 'commissions', lagOf, () => {
    const found = read();
    approval = found.approval;
    return found.rows;
  });
  return { ...result, frozen: approval !== null, approval };
}

/** Per rep a plan covers in `month`, in the reader's scope: base, attainment, tier, commission, clawbacks, total. */
export function queryCommissionStatements(
  db: Database.Database,
  lagOf: LagOf,
  filter: { readonly month: string; readonly scope?: ReportScope },
): StatementResult<CommissionStatementRow> {
  return readStatement(db, lagOf, () => repStatements(db, filter.month, filter.scope));
}

/** The same statements summed per region and currency. */
export function queryCommissionRegions(
  db: Database.Database,
  lagOf: LagOf,
  filter: { readonly month: string; readonly scope?: ReportScope },
): StatementResult<CommissionRegionRow> {
  return readStatement(db, lagOf, () => {
    const { rows, approval } = repStatements(db, filter.month, filter.scope);
    const groups = new Map<string, CommissionRegionRow>();
    for (const row of rows) {
      const key = `${row.region} ${row.currency}`;
      const sum = groups.get(key) ?? {
        region: row.region,
        currency: row.currency,
        reps: 0,
        base: 0,
        commission: 0,
        clawbacks: 0,
        total: 0,
      };
      groups.set(key, {
        ...sum,
        reps: sum.reps + 1,
        base: sum.base + row.base,
        commission: sum.commission + row.commission,
        clawbacks: sum.clawbacks + row.clawbacks,
        total: sum.total + row.total,
      });
    }
    return {
      rows: [...groups.values()].sort(
        (a, b) => a.region.localeCompare(b.region) || a.currency.localeCompare(b.currency),
      ),
      approval,
    };
  });
}

/**
 * What an approval freezes: every rep's statement of `month` as computed now, per receivable stream the last revision
 * the month counted, and the position they were read at (one transaction).
 */
export function statementToApprove(
  db: Database.Database,
  lagOf: LagOf,
  month: string,
): { rows: CommissionStatementRow[]; included: { stream: string; revision: number }[]; position: string | null } {
  const included = new Map<string, number>();
  const result = readReport(db, 'commissions', lagOf, () => {
    const source = sqlSource(db);
    for (const repId of repsOf(db, month))
      for (const line of source.linesOf(repId, month))
        included.set(line.stream_name, Math.max(included.get(line.stream_name) ?? -1, line.revision));
    return liveStatements(db, month, undefined);
  });
  const cut = [...included]
    .map(([stream, revision]) => ({ stream, revision }))
    .sort((a, b) => a.stream.localeCompare(b.stream));
  return { rows: [...result.rows], included: cut, position: result.position };
}

/** Every line of a rep's month, in the order they count, with what each earned or took back. */
export function queryCommissionLines(
  db: Database.Database,
  lagOf: LagOf,
  filter: { readonly repId: string; readonly month: string },
): ReportResult<CommissionLine> {
  return readReport(db, 'commissions', lagOf, () => {
    const source = sqlSource(db);
    const figuresOf = monthFigures(source);
    const lines = source.linesOf(filter.repId, filter.month);
    const month = figuresOf(filter.repId, filter.month);
    const clawed = reductionClawbacks(source, figuresOf, lines);
    return lines.map((line) => ({
      ...line,
      late: line.dated_on.slice(0, 7) !== line.month,
      adjusted_from: line.counted_on.slice(0, 7) === line.month ? null : line.counted_on.slice(0, 7),
      commission: shareOf(line, month),
      clawback:
        line.kind === 'credit_note' || line.kind === 'write_off'
          ? (clawed.get(`${line.stream_name} ${line.revision}`) ?? (month === null ? null : 0))
          : null,
    }));
  });
}
