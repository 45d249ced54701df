import type { Actor } from '../shared/actors.js';
import { Sku } from '../shared/ids.js';
import { Currency } from '../shared/money.js';
import { registeredDecider } from '../testing/access.js';
import { testActor as actor } from '../testing/actors.js';
import type { ProductCommand, RegisterProduct, SetStandardCost } from './commands.js';
import { productDecider } from './decide.js';
import type { ProductRegisteredEvent, StandardCostSetEvent } from './events.js';

/** Test data for the Product aggregate: small factories with sensible defaults (sku `M-100`, a motor, in CNY). */
export const SKU = Sku.parse('M-100');
export const CNY = Currency.parse('CNY');
export const analyst = actor('an-1', 'market_analyst');
export const salesManager = actor('sm-1', 'sales_manager');
export const eastManager = actor('rm-east', 'regional_manager', 'east');
export const rep = actor('rep-1', 'sales_rep', 'east');
export const finance = actor('fin-1', 'finance');

/** `2026-03-<day>T09:00:00Z` */
export const at = (day: number): string => `2026-03-${String(day).padStart(2, '0')}T09:00:00Z`;

/** The product decider with every actor registered as their token says. */
export const registeredProductDecider = registeredDecider(productDecider);

const metadata = (by: Actor, day = 2) => ({ actor: by, occurredAt: at(day) });

export const registerProduct = (overrides: Partial<RegisterProduct> = {}, by: Actor = analyst): ProductCommand => ({
  type: 'RegisterProduct',
  data: { sku: SKU, name: '三相电机 3kW', category: '电机', unit: '台', ...overrides },
  metadata: metadata(by, 1),
});
export const productRegistered = (overrides: Partial<ProductRegisteredEvent['data']> = {}): ProductRegisteredEvent => ({
  type: 'ProductRegistered',
  data: {
    sku: SKU,
    name: '三相电机 3kW',
    category: '电机',
    unit: '台',
    registeredBy: analyst.id,
    registeredAt: at(1),
    ...overrides,
  },
});
export const setCost = (overrides: Partial<SetStandardCost> = {}, by: Actor = analyst): ProductCommand => ({
  type: 'SetStandardCost',
  data: { sku: SKU, currency: CNY, amount: 120_000, effectiveFrom: '2026-03-01', ...overrides },
  metadata: metadata(by),
});
export const costSet = (overrides: Partial<StandardCostSetEvent['data']> = {}): StandardCostSetEvent => ({
  type: 'StandardCostSet',
  data: {
    sku: SKU,
    currency: CNY,
    amount: 120_000,
    effectiveFrom: '2026-03-01',
    previousAmount: null,
    setBy: analyst.id,
    setAt: at(2),
    ...overrides,
  },
});
