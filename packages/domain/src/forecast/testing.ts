import type { Actor } from '../shared/actors.js';
import { ActorId, RegionId } from '../shared/ids.js';
import { Currency } from '../shared/money.js';
import { registeredDecider } from '../testing/access.js';
import { testActor as actor } from '../testing/actors.js';
import type { AdjustForecast, ForecastCommand, SubmitForecast } from './commands.js';
import { forecastDecider } from './decide.js';
import type { ForecastAdjustedEvent, ForecastSubmittedEvent } from './events.js';

/** Test data for the Forecast aggregate: rep-1 of east forecasts April 2026 in CNY, on 2026-03-<day>. */
export const REP = ActorId.parse('rep-1');
export const EAST = RegionId.parse('east');
export const CNY = Currency.parse('CNY');
export const rep = actor('rep-1', 'sales_rep', 'east');
export const otherRep = actor('rep-2', 'sales_rep', 'east');
export const eastManager = actor('rm-east', 'regional_manager', 'east');
export const westManager = actor('rm-west', 'regional_manager', 'west');
export const salesManager = actor('sm-1', 'sales_manager');
export const analyst = actor('an-1', 'market_analyst');
export const system = actor('system', 'system');

/** `2026-03-<day>T09:00:00Z` */
export const at = (day: number): string => `2026-03-${String(day).padStart(2, '0')}T09:00:00Z`;

/** The forecast decider with every actor registered as their token says, the named rep registered in east. */
export const registeredForecastDecider = registeredDecider(forecastDecider, () => EAST);

export const submit = (overrides: Partial<SubmitForecast> = {}, by: Actor = rep, day = 10): ForecastCommand => ({
  type: 'SubmitForecast',
  data: { repId: REP, month: '2026-04', currency: CNY, commit: 100_000, bestCase: 150_000, ...overrides },
  metadata: { actor: by, occurredAt: at(day) },
});
export const submitted = (
  overrides: Partial<ForecastSubmittedEvent['data']> = {},
  by: Actor = rep,
  day = 10,
): ForecastSubmittedEvent => ({
  type: 'ForecastSubmitted',
  data: {
    repId: REP,
    region: EAST,
    month: '2026-04',
    currency: CNY,
    commit: 100_000,
    bestCase: 150_000,
    submittedBy: by.id,
    submittedAt: at(day),
    ...overrides,
  },
});
export const adjust = (
  overrides: Partial<AdjustForecast> = {},
  by: Actor = eastManager,
  day = 12,
): ForecastCommand => ({
  type: 'AdjustForecast',
  data: {
    repId: REP,
    month: '2026-04',
    currency: CNY,
    commit: 80_000,
    bestCase: 120_000,
    reason: 'two deals slip to May',
    ...overrides,
  },
  metadata: { actor: by, occurredAt: at(day) },
});
export const adjusted = (
  overrides: Partial<ForecastAdjustedEvent['data']> = {},
  by: Actor = eastManager,
  day = 12,
): ForecastAdjustedEvent => ({
  type: 'ForecastAdjusted',
  data: {
    repId: REP,
    region: EAST,
    month: '2026-04',
    currency: CNY,
    commit: 80_000,
    bestCase: 120_000,
    repCommit: 100_000,
    repBestCase: 150_000,
    reason: 'two deals slip to May',
    adjustedBy: by.id,
    adjustedAt: at(day),
    ...overrides,
  },
});
