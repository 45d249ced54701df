import { RegisterProduct, ReviseProduct, SetStandardCost } from './commands.js';

const messages = (result: { error?: { issues: readonly { message: string }[] } }) =>
  result.error?.issues.map((issue) => issue.message) ?? [];

describe('product commands', () => {
  it('trim names, categories and units, and refuse them empty, too long or not text', () => {
    expect(RegisterProduct.parse({ sku: 'MOT-100', name: '  三相电机 ', category: '电机', unit: '台' })).toEqual({
      sku: 'MOT-100',
      name: '三相电机',
      category: '电机',
      unit: '台',
    });
    expect(
      messages(RegisterProduct.safeParse({ sku: 'MOT-100', name: '   ', category: 'x'.repeat(101), unit: 7 })),
    ).toEqual(['name must not be empty', 'category must be at most 100 characters', 'unit must be a text']);
  });

  it('take a revision only when it changes something', () => {
    expect(ReviseProduct.safeParse({ sku: 'MOT-100', unit: 'pcs' }).success).toBe(true);
    expect(messages(ReviseProduct.safeParse({ sku: 'MOT-100' }))).toEqual([
      'a revision changes name, category or unit',
    ]);
  });

  it('take a standard cost in whole minor units of a known currency, never negative', () => {
    expect(
      SetStandardCost.safeParse({ sku: 'MOT-100', currency: 'CNY', amount: 0, effectiveFrom: '2026-01-01' }).success,
    ).toBe(true);
    expect(
      SetStandardCost.safeParse({ sku: 'MOT-100', currency: 'CNY', amount: -1, effectiveFrom: '2026-01-01' }).success,
    ).toBe(false);
    expect(
      SetStandardCost.safeParse({ sku: 'MOT-100', currency: 'CNY', amount: 1.5, effectiveFrom: '2026-01-01' }).success,
    ).toBe(false);
  });
});
