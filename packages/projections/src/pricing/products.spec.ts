import { projectionKit } from '../testing/projection-kit.js';
import { productCostsTable, productsProjection, productsTable } from './products.projection.js';
import { queryProducts } from './products.queries.js';

const by = { registeredBy: 'an-1' };
const registered = (sku: string, category: string, at: string) => ({
  type: 'ProductRegistered',
  at,
  data: { sku, name: `product ${sku}`, category, unit: 'pcs', ...by, registeredAt: at },
});
const cost = (
  sku: string,
  currency: string,
  effectiveFrom: string,
  amount: number,
  previousAmount: number | null = null,
) => ({
  type: 'StandardCostSet',
  at: '2026-03-02T02:00:00Z',
  data: { sku, currency, amount, effectiveFrom, previousAmount, setBy: 'an-1', setAt: '2026-03-02T02:00:00Z' },
});

describe('products read model', () => {
  it('lists the catalogue with the standard cost in force on a date, corrections replacing a cost of the same date', () => {
    const kit = projectionKit([productsProjection]);
    kit.given('product-A-1', [
      registered('A-1', 'motors', '2026-03-01T02:00:00Z'),
      cost('A-1', 'CNY', '2026-03-01', 10_000),
      cost('A-1', 'CNY', '2026-04-01', 11_000),
      cost('A-1', 'CNY', '2026-03-01', 10_500, 10_000),
      cost('A-1', 'USD', '2026-03-01', 1_500),
    ]);
    kit.given('product-B-2', [
      registered('B-2', 'parts', '2026-03-01T03:00:00Z'),
      {
        type: 'ProductRevised',
        at: '2026-03-03T02:00:00Z',
        data: {
          sku: 'B-2',
          name: 'gear',
          category: 'parts',
          unit: 'box',
          revisedBy: 'an-1',
          revisedAt: '2026-03-03T02:00:00Z',
        },
      },
      {
        type: 'ProductDeactivated',
        at: '2026-03-04T02:00:00Z',
        data: { sku: 'B-2', deactivatedBy: 'sm-1', deactivatedAt: '2026-03-04T02:00:00Z' },
      },
    ]);
    expect(kit.rows(productsTable).map((r) => [r.sku, r.name, r.unit, r.status])).toEqual([
      ['A-1', 'product A-1', 'pcs', 'active'],
      ['B-2', 'gear', 'box', 'inactive'],
    ]);
    expect(kit.rows(productCostsTable).map((r) => [r.currency, r.effective_from, r.amount])).toEqual([
      ['CNY', '2026-03-01', 10_500],
      ['CNY', '2026-04-01', 11_000],
      ['USD', '2026-03-01', 1_500],
    ]);

    const db = kit.readModels();
    const lag = () => 0;
    const pick = (asOf: string, currency = 'CNY') =>
      queryProducts(db, lag, { asOf, currency }).rows.map((r) => [
        r.sku,
        r.name,
        r.unit,
        r.status,
        r.standard_cost,
        r.cost_effective_from,
      ]);

    expect(pick('2026-02-28')).toEqual([
      ['A-1', 'product A-1', 'pcs', 'active', null, null],
      ['B-2', 'gear', 'box', 'inactive', null, null],
    ]);
    expect(pick('2026-03-31')[0]).toEqual(['A-1', 'product A-1', 'pcs', 'active', 10_500, '2026-03-01']);
    expect(pick('2026-04-01')[0]).toEqual(['A-1', 'product A-1', 'pcs', 'active', 11_000, '2026-04-01']);
    expect(pick('2026-04-01', 'USD')[0]).toEqual(['A-1', 'product A-1', 'pcs', 'active', 1_500, '2026-03-01']);
    expect(
      queryProducts(db, lag, { asOf: '2026-04-01', currency: 'CNY', status: 'active', category: 'motors' }).rows.map(
        (r) => r.sku,
      ),
    ).toEqual(['A-1']);
    expect(
      queryProducts(db, lag, { asOf: '2026-04-01', currency: 'CNY', category: 'parts', status: 'active' }).rows,
    ).toEqual([]);
  });
});
