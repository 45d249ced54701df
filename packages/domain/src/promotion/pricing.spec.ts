import { PromotionId } from '../shared/ids.js';
import { bestPromotion, promotedUnitPrice, promotionCovers, type PromotionSubject } from './pricing.js';
import * as t from './testing.js';

const line: PromotionSubject = {
  sku: 'M-100',
  category: '电机',
  segment: 'smb',
  region: 'east',
  currency: 'CNY',
  on: '2026-03-15',
};

describe('promotions on a line', () => {
  it('cover a line by sku or category, in their currency and period (both days), for their segments and regions, once approved', () => {
    expect(promotionCovers(t.facts(), line)).toBe(true);
    expect(promotionCovers(t.facts(), { ...line, sku: 'G-7', category: 'parts' })).toBe(true);
    expect(promotionCovers(t.facts(), { ...line, category: 'parts' })).toBe(false);
    expect(promotionCovers(t.facts(), { ...line, on: '2026-03-01' })).toBe(true);
    expect(promotionCovers(t.facts(), { ...line, on: '2026-03-31' })).toBe(true);
    expect(promotionCovers(t.facts(), { ...line, on: '2026-04-01' })).toBe(false);
    expect(promotionCovers(t.facts(), { ...line, currency: 'USD' })).toBe(false);
    expect(promotionCovers(t.facts({ approved: false }), line)).toBe(false);
    expect(
      promotionCovers(
        t.facts({ coverage: { skus: [], categories: ['电机'], segments: ['retail'], regions: [] } }),
        line,
      ),
    ).toBe(false);
    expect(
      promotionCovers(t.facts({ coverage: { skus: [], categories: ['电机'], segments: [], regions: [t.WEST] } }), line),
    ).toBe(false);
  });
  it('give a percent off rounded half to even, or a fixed price when it is below list', () => {
    expect(promotedUnitPrice({ kind: 'percent_off', percentBp: 1_250 }, 10_004)).toBe(8_754);
    expect(promotedUnitPrice({ kind: 'percent_off', percentBp: 500 }, 10)).toBe(10);
    expect(promotedUnitPrice({ kind: 'fixed_price', unitPrice: 9_000 }, 10_000)).toBe(9_000);
    expect(promotedUnitPrice({ kind: 'fixed_price', unitPrice: 11_000 }, 10_000)).toBe(10_000);
  });
  it('take the lowest price among those that apply, and stop when the budget cannot hold the line', () => {
    const tenOff = t.facts();
    const fixed = t.facts({
      promotionId: PromotionId.parse('a-fixed'),
      benefit: { kind: 'fixed_price', unitPrice: 85_000 },
      budget: 100_000,
    });
    expect(bestPromotion([tenOff, fixed], line, 100_000, 3, {})).toEqual({
      promotionId: 'a-fixed',
      unitPrice: 85_000,
      discount: 45_000,
    });
    // 60,000 of its 100,000 spent: 45,000 more does not fit, so the 10% promotion applies.
    expect(bestPromotion([tenOff, fixed], line, 100_000, 3, { 'a-fixed': 60_000 })).toEqual({
      promotionId: t.PROMO,
      unitPrice: 90_000,
      discount: 30_000,
    });
    expect(bestPromotion([tenOff, fixed], line, 100_000, 3, { 'a-fixed': 55_000 })?.promotionId).toBe('a-fixed');
    expect(bestPromotion([t.facts({ budget: 29_999 })], line, 100_000, 3, {})).toBeNull();
    expect(bestPromotion([tenOff], { ...line, category: 'parts' }, 100_000, 3, {})).toBeNull();
  });
});
