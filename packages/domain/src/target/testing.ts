import type { AccessFacts } from '../shared/access.js';
import { registeredDecider, standingOf } from '../testing/access.js';
import { targetDecider } from './decide.js';
import type { Actor } from '../shared/actors.js';
import { RegionId } from '../shared/ids.js';
import { Currency } from '../shared/money.js';
import type {
  ReviseSalesTarget,
  ReviseSalesTargetCommand,
  SetSalesTarget,
  SetSalesTargetCommand,
  SplitSalesTarget,
  SplitSalesTargetCommand,
  TargetPart,
} from './commands.js';
import type { SalesTargetRevisedEvent, SalesTargetSetEvent, SalesTargetSplitEvent } from './events.js';
import { ActorId } from '../shared/ids.js';
import { testActor as actor } from '../testing/actors.js';

/** Test data for the Target aggregate: small factories with sensible defaults (a rep target of rep-1 in east). */
export const EAST = RegionId.parse('east');
export const WEST = RegionId.parse('west');
export const CNY = Currency.parse('CNY');
export const USD = Currency.parse('USD');

export const rep = actor('rep-1', 'sales_rep', 'east');
export const eastManager = actor('rm-east', 'regional_manager', 'east');
export const westManager = actor('rm-west', 'regional_manager', 'west');
export const salesManager = actor('sm-1', 'sales_manager');
export const system = actor('importer', 'system');
export const finance = actor('fin-1', 'finance');
export const analyst = actor('an-1', 'market_analyst');

/** `2026-03-<day>T09:00:00Z` */
export const at = (day: number): string => `2026-03-${String(day).padStart(2, '0')}T09:00:00Z`;

export const setData = (overrides: Partial<SetSalesTarget> = {}): SetSalesTarget => ({
  month: '2026-04',
  scope: 'rep',
  scopeId: 'rep-1',
  region: EAST,
  amount: 50_000_000,
  currency: CNY,
  ...overrides,
});
export const setTarget = (overrides: Partial<SetSalesTarget> = {}, by: Actor = eastManager): SetSalesTargetCommand => ({
  type: 'SetSalesTarget',
  data: setData(overrides),
  metadata: { actor: by, occurredAt: at(20) },
});
export const reviseTarget = (
  amount = 60_000_000,
  by: Actor = eastManager,
  overrides: Partial<ReviseSalesTarget> = {},
): ReviseSalesTargetCommand => ({
  type: 'ReviseSalesTarget',
  data: { month: '2026-04', scope: 'rep', scopeId: 'rep-1', amount, reason: 'new key account won', ...overrides },
  metadata: { actor: by, occurredAt: at(25) },
});

export const targetSet = (overrides: Partial<SalesTargetSetEvent['data']> = {}): SalesTargetSetEvent => ({
  type: 'SalesTargetSet',
  data: {
    period: '2026-04',
    measure: 'booked',
    scope: 'rep',
    scopeId: 'rep-1',
    region: EAST,
    currency: CNY,
    amount: 50_000_000,
    setBy: eastManager.id,
    setAt: at(20),
    ...overrides,
  },
});
export const targetRevised = (
  previousAmount = 50_000_000,
  amount = 60_000_000,
  by: Actor = eastManager,
): SalesTargetRevisedEvent => ({
  type: 'SalesTargetRevised',
  data: {
    period: '2026-04',
    measure: 'booked',
    scope: 'rep',
    scopeId: 'rep-1',
    region: EAST,
    currency: CNY,
    previousAmount,
    amount,
    reason: 'new key account won',
    revisedBy: by.id,
    revisedAt: at(25),
  },
});

/** The Target decider with every actor registered as their token says and a target's rep active in its region. */
export const registeredTargetDecider = registeredDecider(targetDecider, (command) =>
  command.type === 'SetSalesTarget' ? (command.data.region ?? RegionId.parse(command.data.scopeId)) : undefined,
);

/** East's April booked target, 300 000.00 CNY, set by the sales manager: the target the split specs divide. */
export const regionTargetSet = (amount = 300_000_000): SalesTargetSetEvent =>
  targetSet({ scope: 'region', scopeId: 'east', region: EAST, amount, setBy: salesManager.id });

/** A part of a split: `rep-<n>` and its amount. */
export const part = (n: number, amount: number): TargetPart => ({ repId: ActorId.parse(`rep-${n}`), amount });
/** rep-1 .. rep-3 of east: 100 000.00 + 120 000.00 + 80 000.00 CNY, the 300 000.00 of {@link regionTargetSet}. */
export const PARTS: readonly TargetPart[] = [part(1, 100_000_000), part(2, 120_000_000), part(3, 80_000_000)];

/**
 * Access facts of a split: the actor as their token says, every rep of the parts active in east unless `regions`
 * names another region (or `null`: not on the register).
 */
export const splitAccess = (
  by: Actor,
  parts: readonly TargetPart[],
  regions: Readonly<Record<string, RegionId | null>> = {},
): AccessFacts => ({
  actor: standingOf(by),
  reps: Object.fromEntries(
    parts.map(({ repId }) => {
      const region = regions[repId] === undefined ? EAST : regions[repId];
      return [repId, region === null ? null : { active: true, role: 'sales_rep' as const, region }];
    }),
  ),
});

export const splitTarget = (
  parts: readonly TargetPart[] = PARTS,
  by: Actor = eastManager,
  overrides: Partial<SplitSalesTarget> = {},
): SplitSalesTargetCommand & { access: AccessFacts } => ({
  type: 'SplitSalesTarget',
  data: { month: '2026-04', region: EAST, parts: [...parts], ...overrides },
  metadata: { actor: by, occurredAt: at(22) },
  access: splitAccess(by, parts),
});

export const targetSplit = (parts: readonly TargetPart[] = PARTS, by: Actor = eastManager): SalesTargetSplitEvent => ({
  type: 'SalesTargetSplit',
  data: {
    period: '2026-04',
    measure: 'booked',
    scope: 'region',
    scopeId: 'east',
    region: EAST,
    currency: CNY,
    amount: parts.reduce((sum, p) => sum + p.amount, 0),
    parts: [...parts],
    splitBy: by.id,
    splitAt: at(22),
  },
});
