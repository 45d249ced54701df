import type { Actor } from '../shared/actors.js';
import { ActorId, CommissionPlanId, RegionId } from '../shared/ids.js';
import { Currency } from '../shared/money.js';
import { registeredDecider } from '../testing/access.js';
import { testActor as actor } from '../testing/actors.js';
import type { CommissionPlanCommand, SetCommissionPlan } from './commands.js';
import { commissionPlanDecider } from './decide.js';
import type { CommissionPlanEndedEvent, CommissionPlanVersionSetEvent } from './events.js';

/** Test data for the CommissionPlan aggregate: plan `east-2026` for the east region, 2% up to 100%, 3% from 100%, 5% above 120%. */
export const PLAN = CommissionPlanId.parse('east-2026');
export const CNY = Currency.parse('CNY');
export const salesManager = actor('sm-1', 'sales_manager');
export const eastManager = actor('rm-east', 'regional_manager', 'east');
export const rep = actor('rep-1', 'sales_rep', 'east');
export const finance = actor('fin-1', 'finance');
export const system = actor('import', 'system');
/** Reps by id, for plans that name reps. */
export const reps = (...ids: string[]) => ({ kind: 'reps' as const, ids: ids.map((id) => ActorId.parse(id)) });
/** Regions by id. */
export const regions = (...ids: string[]) => ({ kind: 'regions' as const, ids: ids.map((id) => RegionId.parse(id)) });

/** `2026-03-<day>T09:00:00Z`: every command here is recorded in March 2026. */
export const at = (day: number): string => `2026-03-${String(day).padStart(2, '0')}T09:00:00Z`;

/** The commission plan decider with every actor registered as their token says. */
export const registeredCommissionPlanDecider = registeredDecider(commissionPlanDecider);

type Terms = Omit<SetCommissionPlan, 'planId' | 'effectiveFrom'>;
/** The terms of the default plan. */
export const terms = (overrides: Partial<Terms> = {}): Terms => ({
  name: '华东提成方案',
  covers: { kind: 'regions', ids: [RegionId.parse('east')] },
  currency: CNY,
  tiers: [
    { fromBps: 0, rateBps: 200 },
    { fromBps: 10_000, rateBps: 300 },
  ],
  accelerators: [{ aboveBps: 12_000, rateBps: 500 }],
  clawback: { writeOffs: true, creditNotes: true },
  ...overrides,
});

export const setPlan = (
  overrides: Partial<SetCommissionPlan> = {},
  by: Actor = salesManager,
  day = 2,
): CommissionPlanCommand => ({
  type: 'SetCommissionPlan',
  data: { planId: PLAN, effectiveFrom: '2026-04', ...terms(), ...overrides },
  metadata: { actor: by, occurredAt: at(day) },
});
export const versionSet = (
  overrides: Partial<CommissionPlanVersionSetEvent['data']> = {},
): CommissionPlanVersionSetEvent => ({
  type: 'CommissionPlanVersionSet',
  data: {
    planId: PLAN,
    version: 1,
    effectiveFrom: '2026-04',
    ...terms(),
    replaces: null,
    setBy: salesManager.id,
    setAt: at(2),
    ...overrides,
  },
});
export const endPlan = (from: string, by: Actor = salesManager): CommissionPlanCommand => ({
  type: 'EndCommissionPlan',
  data: { planId: PLAN, from },
  metadata: { actor: by, occurredAt: at(3) },
});
export const planEnded = (from: string): CommissionPlanEndedEvent => ({
  type: 'CommissionPlanEnded',
  data: { planId: PLAN, from, endedBy: salesManager.id, endedAt: at(3) },
});
