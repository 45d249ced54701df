import type { Actor } from '../shared/actors.js';
import { RegionId } from '../shared/ids.js';
import { Currency } from '../shared/money.js';
import { registeredDecider } from '../testing/access.js';
import { testActor as actor } from '../testing/actors.js';
import type { MarketCommand, RecordMarketEstimate } from './commands.js';
import { marketDecider } from './decide.js';
import type { MarketSizeEstimatedEvent } from './events.js';

/** Test data for the Market aggregate: the east region's SMB market, estimated in CNY for 2026-Q1. */
export const EAST = RegionId.parse('east');
export const CNY = Currency.parse('CNY');
export const USD = Currency.parse('USD');
export const analyst = actor('an-1', 'market_analyst');
export const salesManager = actor('sm-1', 'sales_manager');
export const eastManager = actor('rm-east', 'regional_manager', 'east');
export const rep = actor('rep-1', 'sales_rep', 'east');
export const finance = actor('fin-1', 'finance');
export const system = actor('import', 'system');

/** `2026-03-<day>T09:00:00Z` */
export const at = (day: number): string => `2026-03-${String(day).padStart(2, '0')}T09:00:00Z`;

/** The market decider with every actor registered as their token says. */
export const registeredMarketDecider = registeredDecider(marketDecider);

export const estimate = (
  overrides: Partial<RecordMarketEstimate> = {},
  by: Actor = analyst,
  day = 2,
): MarketCommand => ({
  type: 'RecordMarketEstimate',
  data: {
    region: EAST,
    segment: 'smb',
    period: '2026-Q1',
    currency: CNY,
    amount: 50_000_000,
    range: { low: 40_000_000, high: 60_000_000 },
    source: '行业协会 2025 年报',
    ...overrides,
  },
  metadata: { actor: by, occurredAt: at(day) },
});

export const estimated = (
  overrides: Partial<MarketSizeEstimatedEvent['data']> = {},
  by: Actor = analyst,
  day = 2,
): MarketSizeEstimatedEvent => ({
  type: 'MarketSizeEstimated',
  data: {
    region: EAST,
    segment: 'smb',
    period: '2026-Q1',
    currency: CNY,
    amount: 50_000_000,
    low: 40_000_000,
    high: 60_000_000,
    source: '行业协会 2025 年报',
    previousAmount: null,
    estimatedBy: by.id,
    estimatedAt: at(day),
    ...overrides,
  },
});
