import { registeredDecider } from '../testing/access.js';
import { targetDecider } from './decide.js';
import type { Actor } from '../shared/actors.js';
import { RegionId } from '../shared/ids.js';
import { Currency } from '../shared/money.js';
import type { ReviseSalesTarget, ReviseSalesTargetCommand, SetSalesTarget, SetSalesTargetCommand } from './commands.js';
import type { SalesTargetRevisedEvent, SalesTargetSetEvent } from './events.js';
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
