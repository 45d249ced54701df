import type { Actor } from '../shared/actors.js';
import { ObservationId, Sku } from '../shared/ids.js';
import { Currency } from '../shared/money.js';
import { registeredDecider } from '../testing/access.js';
import { testActor as actor } from '../testing/actors.js';
import type { CompetitorCommand, RecordCompetitorPrice } from './commands.js';
import { competitorDecider } from './decide.js';
import type { CompetitorPriceObservedEvent } from './events.js';

/** Test data for the Competitor aggregate: 华力电机 selling a motor like our M-100 at 1,450.00 CNY, seen on a visit. */
export const OBS = ObservationId.parse('obs-1');
export const SKU = Sku.parse('M-100');
export const CNY = Currency.parse('CNY');
export const analyst = actor('an-1', 'market_analyst');
export const salesManager = actor('sm-1', 'sales_manager');
export const eastManager = actor('rm-east', 'regional_manager', 'east');
export const rep = actor('rep-1', 'sales_rep', 'east');
export const auditor = actor('aud-1', 'auditor');

/** `2026-03-<day>T09:00:00Z` */
export const at = (day: number): string => `2026-03-${String(day).padStart(2, '0')}T09:00:00Z`;

/** The competitor decider with every actor registered as their token says. */
export const registeredCompetitorDecider = registeredDecider(competitorDecider);

export const record = (
  overrides: Partial<RecordCompetitorPrice> = {},
  by: Actor = analyst,
  day = 10,
): CompetitorCommand => ({
  type: 'RecordCompetitorPrice',
  data: {
    observationId: OBS,
    competitor: '华力电机',
    sku: SKU,
    currency: CNY,
    price: 145_000,
    unit: '台',
    observedOn: '2026-03-09',
    source: 'visit',
    ...overrides,
  },
  metadata: { actor: by, occurredAt: at(day) },
});

export const observed = (
  overrides: Partial<CompetitorPriceObservedEvent['data']> = {},
  by: Actor = analyst,
  day = 10,
): CompetitorPriceObservedEvent => ({
  type: 'CompetitorPriceObserved',
  data: {
    observationId: OBS,
    competitor: '华力电机',
    sku: SKU,
    category: null,
    currency: CNY,
    price: 145_000,
    unit: '台',
    observedOn: '2026-03-09',
    source: 'visit',
    note: null,
    recordedBy: by.id,
    recordedAt: at(day),
    ...overrides,
  },
});
