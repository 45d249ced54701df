import type { Actor } from '../shared/actors.js';
import { CustomerId, PriceListId, RegionId, Sku } from '../shared/ids.js';
import { Currency } from '../shared/money.js';
import { registeredDecider } from '../testing/access.js';
import { testActor as actor } from '../testing/actors.js';
import type { CreatePriceList, ListPrice, PriceListAudience, PriceListCommand } from './commands.js';
import { priceListDecider } from './decide.js';
import type { PriceListCreatedEvent, ListPricesSetEvent } from './events.js';
import type { PriceListFacts } from './state.js';

/** Test data for the PriceList aggregate: small factories with sensible defaults (a default CNY list from March). */
export const LIST = PriceListId.parse('pl-default');
export const CNY = Currency.parse('CNY');
export const USD = Currency.parse('USD');
export const EAST = RegionId.parse('east');
export const WEST = RegionId.parse('west');
export const SKU = Sku.parse('M-100');
export const analyst = actor('an-1', 'market_analyst');
export const salesManager = actor('sm-1', 'sales_manager');
export const eastManager = actor('rm-east', 'regional_manager', 'east');
export const westManager = actor('rm-west', 'regional_manager', 'west');
export const rep = actor('rep-1', 'sales_rep', 'east');
export const finance = actor('fin-1', 'finance');

/** `2026-03-<day>T09:00:00Z` */
export const at = (day: number): string => `2026-03-${String(day).padStart(2, '0')}T09:00:00Z`;

/** The price list decider with every actor registered as their token says. */
export const registeredPriceListDecider = registeredDecider(priceListDecider);

export const regionAudience = (region: RegionId): PriceListAudience => ({ level: 'region', region });
export const customerAudience = (id: string): PriceListAudience => ({
  level: 'customer',
  customerId: CustomerId.parse(id),
});

export const createList = (overrides: Partial<CreatePriceList> = {}, by: Actor = analyst): PriceListCommand => ({
  type: 'CreatePriceList',
  data: {
    priceListId: LIST,
    name: 'Standard 2026',
    currency: CNY,
    audience: { level: 'default' },
    validFrom: '2026-03-01',
    ...overrides,
  },
  metadata: { actor: by, occurredAt: at(1) },
});
export const listCreated = (overrides: Partial<PriceListCreatedEvent['data']> = {}): PriceListCreatedEvent => ({
  type: 'PriceListCreated',
  data: {
    priceListId: LIST,
    name: 'Standard 2026',
    currency: CNY,
    audience: { level: 'default' },
    validFrom: '2026-03-01',
    validTo: null,
    createdBy: analyst.id,
    createdAt: at(1),
    ...overrides,
  },
});
export const price = (unitPrice: number, breaks: ListPrice['breaks'] = [], sku: Sku = SKU): ListPrice => ({
  sku,
  unitPrice,
  breaks,
});
export const setPrices = (prices: ListPrice[], by: Actor = analyst, priceListId = LIST): PriceListCommand => ({
  type: 'SetListPrices',
  data: { priceListId, prices },
  metadata: { actor: by, occurredAt: at(2) },
});
export const pricesSet = (prices: ListPrice[], by: Actor = analyst): ListPricesSetEvent => ({
  type: 'ListPricesSet',
  data: { priceListId: LIST, prices, setBy: by.id, setAt: at(2) },
});

/** A list for the applicability rule, with prices by sku. */
export const facts = (
  id: string,
  audience: PriceListAudience,
  prices: Record<string, number>,
  validFrom = '2026-01-01',
  validTo: string | null = null,
  currency: Currency = CNY,
): PriceListFacts => ({
  priceListId: PriceListId.parse(id),
  currency,
  audience,
  validFrom,
  validTo,
  prices: Object.fromEntries(
    Object.entries(prices).map(([sku, unitPrice]) => [sku, { sku: Sku.parse(sku), unitPrice, breaks: [] }]),
  ),
});
