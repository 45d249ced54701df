import { Sku } from '../shared/ids.js';
import { ProductDeactivated, ProductRegistered, StandardCostSet, type ProductEvent } from './events.js';
import { evolve, initialState, standardCostOn, type ProductState } from './state.js';

const sku = Sku.parse('MOT-100');
const at = '2026-01-05T09:00:00Z';
const fold = (events: readonly ProductEvent[]): ProductState => events.reduce(evolve, initialState());
const registration = (name: string): ProductEvent => ({
  type: 'ProductRegistered',
  data: ProductRegistered.parse({ sku, name, category: 'motors', unit: 'pcs', registeredBy: 'sm-1', registeredAt: at }),
});
const registered = registration('Motor');
const cost = (amount: number, effectiveFrom: string, currency = 'CNY'): ProductEvent => ({
  type: 'StandardCostSet',
  data: StandardCostSet.parse({ sku, currency, amount, effectiveFrom, previousAmount: null, setBy: 'sm-1', setAt: at }),
});

describe('the product fold', () => {
  it('ignores events that do not apply: anything before the registration, and a second registration', () => {
    expect(
      fold([
        cost(100, '2026-01-01'),
        {
          type: 'ProductDeactivated',
          data: ProductDeactivated.parse({ sku, deactivatedBy: 'sm-1', deactivatedAt: at }),
        },
      ]),
    ).toEqual({ status: 'none' });
    const twice = fold([registered, registration('Other')]);
    expect(twice).toMatchObject({ status: 'active', name: 'Motor' });
  });

  it('keeps one cost per date in date order, a later cost of the same date replacing the earlier', () => {
    const state = fold([
      registered,
      cost(300, '2026-03-01'),
      cost(100, '2026-01-01'),
      cost(200, '2026-03-01'),
      cost(50, '2026-01-01', 'USD'),
    ]);
    if (state.status === 'none') throw new Error('registered');
    expect(state.costs).toEqual({
      CNY: [
        { effectiveFrom: '2026-01-01', amount: 100 },
        { effectiveFrom: '2026-03-01', amount: 200 },
      ],
      USD: [{ effectiveFrom: '2026-01-01', amount: 50 }],
    });
    expect(standardCostOn(state.costs, 'CNY', '2025-12-31')).toBeNull();
    expect(standardCostOn(state.costs, 'CNY', '2026-02-28')).toBe(100);
    expect(standardCostOn(state.costs, 'CNY', '2026-03-01')).toBe(200);
    expect(standardCostOn(state.costs, 'EUR', '2026-03-01')).toBeNull();
  });
});
