import type { ActorId, CommissionPlanId } from '../shared/ids.js';
import type { IsoDateTime, YearMonth } from '../shared/time.js';
import type { CommissionTerms } from './commands.js';
import type { CommissionPlanEvent } from './events.js';

/** One version of a plan: its terms from `effectiveFrom` on. */
export interface CommissionPlanVersion {
  readonly version: number;
  readonly effectiveFrom: YearMonth;
  readonly terms: CommissionTerms;
  readonly setBy: ActorId;
  readonly setAt: IsoDateTime;
}

/** A plan: its versions by month (one per month, oldest first) and the month it ends from, if ended. */
export interface CommissionPlan {
  readonly planId: CommissionPlanId;
  readonly versions: readonly CommissionPlanVersion[];
  /** The highest version number written (a replaced version's number is not reused). */
  readonly lastVersion: number;
  readonly endsFrom: YearMonth | null;
}

/** Every plan of the `commission-plans` stream, by id. */
export interface CommissionPlansState {
  readonly plans: Readonly<Record<string, CommissionPlan>>;
}

/** No plan yet. */
export const initialState = (): CommissionPlansState => ({ plans: {} });

/** The version of `plan` in force in `month`, or `null` before its first version or from its end on. */
export function versionInForce(plan: CommissionPlan, month: YearMonth): CommissionPlanVersion | null {
  if (plan.endsFrom !== null && month >= plan.endsFrom) return null;
  return plan.versions.filter((version) => version.effectiveFrom <= month).at(-1) ?? null;
}

/** Applies one event: a version replaces the one of its month or joins in month order; an end sets the month. */
export function evolve(state: CommissionPlansState, event: CommissionPlanEvent): CommissionPlansState {
  const { planId } = event.data;
  const plan = state.plans[planId] ?? { planId, versions: [], lastVersion: 0, endsFrom: null };
  if (event.type === 'CommissionPlanEnded')
    return { plans: { ...state.plans, [planId]: { ...plan, endsFrom: event.data.from } } };
  const { version, effectiveFrom, setBy, setAt, name, covers, currency, tiers, accelerators, clawback } = event.data;
  const entry: CommissionPlanVersion = {
    version,
    effectiveFrom,
    setBy,
    setAt,
    terms: { name, covers, currency, tiers, accelerators, clawback },
  };
  const versions = [...plan.versions.filter((v) => v.effectiveFrom !== effectiveFrom), entry].sort((a, b) =>
    a.effectiveFrom.localeCompare(b.effectiveFrom),
  );
  return {
    plans: { ...state.plans, [planId]: { ...plan, versions, lastVersion: Math.max(plan.lastVersion, version) } },
  };
}
