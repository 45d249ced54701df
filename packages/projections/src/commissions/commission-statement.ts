import {
  commissionOn,
  CommissionTerms,
  divideRoundHalfEven,
  sumMinor,
  type CommissionFigures,
} from '@salesbook/domain';
import type { CommissionLineRow, CommissionPlanRow } from './commissions.projection.js';

/** The plan version that applies to a rep in a month. */
export interface PlanInForce {
  readonly planId: string;
  readonly version: number;
  readonly terms: CommissionTerms;
}

/** What a statement reads: the plans, a rep's lines of a month, a receivable's lines, a rep's target. */
export interface StatementSource {
  readonly plans: readonly CommissionPlanRow[];
  /** The rep's lines counted in `month`, in the order they count (day, stream, revision). */
  linesOf(repId: string, month: string): readonly CommissionLineRow[];
  /** Every line of a receivable, in stream order. */
  linesOfReceivable(receivableId: string): readonly CommissionLineRow[];
  targetOf(repId: string, month: string, currency: string): number | null;
  /** The rep's base and commission as approved, when the month's statement was approved: what was paid. */
  frozenOf(repId: string, month: string): { readonly base: number; readonly commission: number } | null;
}

/** A rep's month under their plan: the plan, the base in its currency, the target and the figures. */
export interface MonthFigures {
  readonly repId: string;
  readonly region: string;
  readonly plan: PlanInForce;
  readonly base: number;
  readonly target: number | null;
  readonly figures: CommissionFigures;
}

const COLLECTIONS = new Set(['payment', 'reversal']);
/** A collection line's signed amount: payments add to the base, reversals take away. */
export const signed = (line: CommissionLineRow): number => (line.kind === 'reversal' ? -line.amount : line.amount);

/** The plan in force for a rep of `region` in `month`: a plan naming the rep first, else one naming the region. */
export function planFor(
  plans: readonly CommissionPlanRow[],
  repId: string,
  region: string,
  month: string,
): PlanInForce | null {
  const latest = new Map<string, CommissionPlanRow>();
  for (const row of plans) {
    const known = latest.get(row.plan_id);
    if (row.effective_from <= month && (known === undefined || row.effective_from > known.effective_from))
      latest.set(row.plan_id, row);
  }
  const inForce = [...latest.values()]
    .filter((row) => row.terms !== null && row.version !== null)
    .map((row) => ({
      planId: row.plan_id,
      version: row.version ?? 0,
      terms: CommissionTerms.parse(JSON.parse(row.terms ?? '{}')),
    }))
    .sort((a, b) => a.planId.localeCompare(b.planId));
  const naming = (kind: 'reps' | 'regions', id: string) =>
    inForce.find(
      (plan) => plan.terms.covers.kind === kind && (plan.terms.covers.ids as readonly string[]).includes(id),
    );
  return naming('reps', repId) ?? naming('regions', region) ?? null;
}

/** Figures per rep and month, computed once each: a statement's clawbacks look back at earlier months. */
export function monthFigures(source: StatementSource): (repId: string, month: string) => MonthFigures | null {
  const known = new Map<string, MonthFigures | null>();
  return (repId, month) => {
    const key = `${repId} ${month}`;
    if (!known.has(key)) known.set(key, compute(source, repId, month));
    return known.get(key) ?? null;
  };
}

function compute(source: StatementSource, repId: string, month: string): MonthFigures | null {
  const lines = source.linesOf(repId, month);
  const region = lines.at(-1)?.region;
  if (region === undefined) return null;
  const plan = planFor(source.plans, repId, region, month);
  if (plan === null) return null;
  const base = sumMinor(
    lines.filter((line) => COLLECTIONS.has(line.kind) && line.currency === plan.terms.currency).map(signed),
  );
  const target = source.targetOf(repId, month, plan.terms.currency);
  const figures = commissionOn(plan.terms, base, target);
  // An approved month was paid as approved: its lines' shares (and clawbacks of them) use those figures.
  const frozen = source.frozenOf(repId, month);
  return frozen === null
    ? { repId, region, plan, base, target, figures }
    : { repId, region, plan, base: frozen.base, target, figures: { ...figures, commission: frozen.commission } };
}

/** A collection line's share of its month's commission: its signed amount at the month's effective rate, rounded. */
export function shareOf(line: CommissionLineRow, month: MonthFigures | null): number | null {
  if (month === null || !COLLECTIONS.has(line.kind) || line.currency !== month.plan.terms.currency) return null;
  return month.base === 0
    ? 0
    : divideRoundHalfEven(BigInt(signed(line)) * BigInt(month.figures.commission), BigInt(month.base));
}

/** What a reduction took back: the part of the collected base it reduced and the commission clawed back on it. */
export interface Clawback {
  readonly clawedBase: number;
  readonly clawback: number;
}

const clawsBack = (line: CommissionLineRow, plan: PlanInForce | undefined): boolean =>
  plan !== undefined &&
  line.currency === plan.terms.currency &&
  (line.kind === 'write_off'
    ? plan.terms.clawback.writeOffs
    : line.kind === 'credit_note' && plan.terms.clawback.creditNotes);

/**
 * The clawback of each reduction of a receivable, walking its lines in stream order: collections add their amount and
 * their commission share to what was paid on it; a credit note or write-off that the plan of its month claws back
 * reduces the paid base by up to its amount and takes back the same proportion of the paid commission.
 */
export function clawbacksOf(
  lines: readonly CommissionLineRow[],
  figuresOf: (repId: string, month: string) => MonthFigures | null,
): Map<number, Clawback> {
  const result = new Map<number, Clawback>();
  let paidBase = 0;
  let paidCommission = 0;
  for (const line of lines) {
    const month = figuresOf(line.rep_id, line.month);
    if (COLLECTIONS.has(line.kind)) {
      paidBase += signed(line);
      paidCommission += shareOf(line, month) ?? 0;
      continue;
    }
    if (!clawsBack(line, month?.plan) || paidBase <= 0) continue;
    const clawedBase = Math.min(line.amount, paidBase);
    const clawback = divideRoundHalfEven(BigInt(paidCommission) * BigInt(clawedBase), BigInt(paidBase));
    result.set(line.revision, { clawedBase, clawback });
    paidBase -= clawedBase;
    paidCommission -= clawback;
  }
  return result;
}
