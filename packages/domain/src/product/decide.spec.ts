import { fold } from '../shared/decider.js';
import { deciderSpec } from '../testing/decider-spec.js';
import type { ProductCommand } from './commands.js';
import { productDecider } from './decide.js';
import { standardCostOn, type Product } from './state.js';
import * as t from './testing.js';

const given = deciderSpec(t.registeredProductDecider);

describe('RegisterProduct', () => {
  it('registers a product once; the same description again is a no-op, another is refused', () => {
    given([]).when(t.registerProduct()).then([t.productRegistered()]);
    given([t.productRegistered()]).when(t.registerProduct()).then([]);
    given([t.productRegistered()])
      .when(t.registerProduct({ name: '三相电机 4kW' }))
      .then('PRODUCT_ALREADY_REGISTERED');
  });
  it('is for the sales manager, market analysts and imports only', () => {
    given([])
      .when(t.registerProduct({}, t.salesManager))
      .then([t.productRegistered({ registeredBy: t.salesManager.id })]);
    given([]).when(t.registerProduct({}, t.eastManager)).then('PRODUCT_NOT_AUTHORIZED');
    given([]).when(t.registerProduct({}, t.rep)).then('PRODUCT_NOT_AUTHORIZED');
    given([]).when(t.registerProduct({}, t.finance)).then('PRODUCT_NOT_AUTHORIZED');
  });
  it('checks the register before anything else: an analyst who left may not act', () => {
    const command = { ...t.registerProduct(), access: { actor: { active: false, role: 'market_analyst' as const } } };
    given([t.productRegistered()]).when(command).then('ACTOR_NOT_REGISTERED');
  });
});

describe('ReviseProduct', () => {
  const revise = (data: { name?: string; category?: string; unit?: string }) => ({
    type: 'ReviseProduct' as const,
    data: { sku: t.SKU, ...data },
    metadata: { actor: t.analyst, occurredAt: t.at(3) },
  });
  it('records the description now in force; an unchanged one is a no-op', () => {
    given([t.productRegistered()])
      .when(revise({ category: '驱动' }))
      .then([
        {
          type: 'ProductRevised',
          data: {
            sku: t.SKU,
            name: '三相电机 3kW',
            category: '驱动',
            unit: '台',
            revisedBy: t.analyst.id,
            revisedAt: t.at(3),
          },
        },
      ]);
    given([t.productRegistered()])
      .when(revise({ unit: '台' }))
      .then([]);
  });
  it('needs the product', () => {
    given([])
      .when(revise({ name: 'x' }))
      .then('PRODUCT_NOT_FOUND');
  });
});

describe('SetStandardCost', () => {
  it('sets a cost from a date; the same again is a no-op; another amount for that date corrects it', () => {
    given([t.productRegistered()]).when(t.setCost()).then([t.costSet()]);
    given([t.productRegistered(), t.costSet()]).when(t.setCost()).then([]);
    given([t.productRegistered(), t.costSet()])
      .when(t.setCost({ amount: 125_000 }))
      .then([t.costSet({ amount: 125_000, previousAmount: 120_000 })]);
  });
  it('needs the product', () => {
    given([]).when(t.setCost()).then('PRODUCT_NOT_FOUND');
  });
  it('is not for reps', () => {
    given([t.productRegistered()]).when(t.setCost({}, t.rep)).then('PRODUCT_NOT_AUTHORIZED');
  });
});

describe('standard cost in force', () => {
  it('is the latest cost effective on or before the date, per currency, whatever order they were set in', () => {
    const state = fold(productDecider, [
      t.productRegistered(),
      t.costSet({ effectiveFrom: '2026-04-01', amount: 130_000 }),
      t.costSet(),
      t.costSet({ effectiveFrom: '2026-03-01', amount: 121_000 }),
    ]) as Product;
    expect(standardCostOn(state.costs, 'CNY', '2026-02-28')).toBeNull();
    expect(standardCostOn(state.costs, 'CNY', '2026-03-01')).toBe(121_000);
    expect(standardCostOn(state.costs, 'CNY', '2026-03-31')).toBe(121_000);
    expect(standardCostOn(state.costs, 'CNY', '2026-04-01')).toBe(130_000);
    expect(standardCostOn(state.costs, 'USD', '2026-04-01')).toBeNull();
  });
});

describe('DeactivateProduct / ReactivateProduct', () => {
  const act = (type: 'DeactivateProduct' | 'ReactivateProduct'): ProductCommand =>
    type === 'DeactivateProduct'
      ? { type, data: { sku: t.SKU }, metadata: { actor: t.salesManager, occurredAt: t.at(4) } }
      : { type, data: { sku: t.SKU }, metadata: { actor: t.salesManager, occurredAt: t.at(4) } };
  it('takes a product off sale and back, each a no-op when already so', () => {
    const off = {
      type: 'ProductDeactivated',
      data: { sku: t.SKU, deactivatedBy: t.salesManager.id, deactivatedAt: t.at(4) },
    } as const;
    given([t.productRegistered()]).when(act('DeactivateProduct')).then([off]);
    given([t.productRegistered(), off]).when(act('DeactivateProduct')).then([]);
    given([t.productRegistered()]).when(act('ReactivateProduct')).then([]);
    given([t.productRegistered(), off])
      .when(act('ReactivateProduct'))
      .then([
        { type: 'ProductReactivated', data: { sku: t.SKU, reactivatedBy: t.salesManager.id, reactivatedAt: t.at(4) } },
      ]);
    given([]).when(act('DeactivateProduct')).then('PRODUCT_NOT_FOUND');
  });
});
