import fc from 'fast-check';
import { CustomerId, RegionId } from '../shared/ids.js';
import { applicableList, listApplies, resolveListPrice, unitPriceFor, type PricingSubject } from './applicability.js';
import type { PriceListAudience } from './commands.js';
import type { PriceListFacts } from './state.js';
import * as t from './testing.js';

const SKUS = ['A', 'B', 'C'];
const dayArb = fc.integer({ min: 1, max: 28 }).map((d) => `2026-03-${String(d).padStart(2, '0')}`);
const audienceArb: fc.Arbitrary<PriceListAudience> = fc.oneof(
  fc.constant<PriceListAudience>({ level: 'default' }),
  fc
    .constantFrom('smb', 'retail')
    .map((segment): PriceListAudience => ({ level: 'segment', segment: segment as 'smb' | 'retail' })),
  fc
    .constantFrom('east', 'west')
    .map((region): PriceListAudience => ({ level: 'region', region: RegionId.parse(region) })),
  fc
    .constantFrom('c-1', 'c-2')
    .map((id): PriceListAudience => ({ level: 'customer', customerId: CustomerId.parse(id) })),
);
const listArb = (index: number): fc.Arbitrary<PriceListFacts> =>
  fc
    .record({
      audience: audienceArb,
      from: dayArb,
      to: fc.option(dayArb, { nil: null }),
      currency: fc.constantFrom(t.CNY, t.CNY, t.USD),
      prices: fc
        .subarray(SKUS)
        .chain((skus) =>
          fc
            .tuple(...skus.map(() => fc.integer({ min: 0, max: 1_000 })))
            .map((amounts) => Object.fromEntries(skus.map((sku, i) => [sku, amounts[i] ?? 0]))),
        ),
    })
    .map(({ audience, from, to, currency, prices }) =>
      t.facts(
        `pl-${index}`,
        audience,
        prices,
        to !== null && to < from ? to : from,
        to !== null && to < from ? from : to,
        currency,
      ),
    );
const listsArb = fc
  .integer({ min: 0, max: 8 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => listArb(i))));
const subjectArb: fc.Arbitrary<PricingSubject> = fc.record({
  customerId: fc.constantFrom('c-1', 'c-2', 'c-3'),
  region: fc.constantFrom('east', 'west'),
  segment: fc.constantFrom('smb', 'retail', 'enterprise'),
  currency: fc.constant('CNY'),
  on: dayArb,
});
const skuArb = fc.constantFrom(...SKUS);
// The documented order, written out here rather than read from the code under test.
const EXPECTED_RANK = { customer: 4, region: 3, segment: 2, default: 1 } as const;
const rank = (list: PriceListFacts): number => EXPECTED_RANK[list.audience.level];
const id = (list: PriceListFacts | null): string | null => list?.priceListId ?? null;

describe('the applicability rule (customer > region > segment > default)', () => {
  it('picks a list that applies and prices the sku, and finds one whenever any does', () => {
    fc.assert(
      fc.property(listsArb, subjectArb, skuArb, (lists, subject, sku) => {
        const chosen = applicableList(lists, subject, sku);
        const candidates = lists.filter((list) => listApplies(list, subject) && list.prices[sku] !== undefined);
        expect(chosen === null).toBe(candidates.length === 0);
        if (chosen !== null) expect(candidates).toContain(chosen);
      }),
      { seed: 1901, numRuns: 300 },
    );
  });

  it('never passes over a more specific list, nor an equally specific one valid from a later date', () => {
    fc.assert(
      fc.property(listsArb, subjectArb, skuArb, (lists, subject, sku) => {
        const chosen = applicableList(lists, subject, sku);
        if (chosen === null) return;
        for (const other of lists.filter((list) => listApplies(list, subject) && list.prices[sku] !== undefined)) {
          expect(rank(other)).toBeLessThanOrEqual(rank(chosen));
          if (rank(other) === rank(chosen)) expect(other.validFrom <= chosen.validFrom).toBe(true);
        }
      }),
      { seed: 1902, numRuns: 300 },
    );
  });

  it('does not depend on the order the lists come in', () => {
    fc.assert(
      fc.property(listsArb, subjectArb, skuArb, fc.func(fc.integer()), (lists, subject, sku, key) => {
        const shuffled = [...lists].sort((a, b) => key(a.priceListId) - key(b.priceListId));
        expect(id(applicableList(shuffled, subject, sku))).toBe(id(applicableList(lists, subject, sku)));
      }),
      { seed: 1903, numRuns: 300 },
    );
  });

  it("lets the customer's own valid list win, and a list less specific than the winner change nothing", () => {
    fc.assert(
      fc.property(listsArb, subjectArb, skuArb, audienceArb, (lists, subject, sku, audience) => {
        const own = t.facts(
          'pl-own',
          { level: 'customer', customerId: CustomerId.parse(subject.customerId) },
          { [sku]: 1 },
          '2026-03-01',
          null,
        );
        const withOwn = applicableList([...lists, own], subject, sku);
        expect(rank(withOwn ?? own)).toBe(EXPECTED_RANK.customer);
        const before = applicableList(lists, subject, sku);
        const lesser = t.facts('pl-lesser', audience, { [sku]: 1 }, '2026-03-01', null);
        if (before !== null && rank(lesser) < rank(before))
          expect(id(applicableList([...lists, lesser], subject, sku))).toBe(id(before));
      }),
      { seed: 1904, numRuns: 300 },
    );
  });
});

describe('the applicability rule, by example', () => {
  const subject: PricingSubject = {
    customerId: 'c-1',
    region: 'east',
    segment: 'smb',
    currency: 'CNY',
    on: '2026-03-15',
  };
  const lists = [
    t.facts('pl-default', { level: 'default' }, { A: 100, B: 100, C: 100 }),
    t.facts('pl-smb', { level: 'segment', segment: 'smb' }, { A: 95, B: 95 }),
    t.facts('pl-east', t.regionAudience(t.EAST), { A: 90 }),
    t.facts('pl-c1', t.customerAudience('c-1'), { A: 80 }, '2026-03-16'),
    t.facts('pl-east-usd', t.regionAudience(t.EAST), { C: 10 }, '2026-01-01', null, t.USD),
  ];
  it('falls through, per sku, to the most specific list that prices it', () => {
    expect(['A', 'B', 'C'].map((sku) => id(applicableList(lists, subject, sku)))).toEqual([
      'pl-east',
      'pl-smb',
      'pl-default',
    ]);
    expect(id(applicableList(lists, { ...subject, on: '2026-03-16' }, 'A'))).toBe('pl-c1');
    expect(id(applicableList(lists, { ...subject, currency: 'USD' }, 'C'))).toBe('pl-east-usd');
    expect(applicableList(lists, subject, 'Z')).toBeNull();
  });
  it('counts both ends of the validity and prefers the later start among equals', () => {
    const ended = t.facts('pl-march', { level: 'default' }, { A: 70 }, '2026-03-01', '2026-03-15');
    expect(id(applicableList([lists[0] as PriceListFacts, ended], subject, 'A'))).toBe('pl-march');
    expect(id(applicableList([lists[0] as PriceListFacts, ended], { ...subject, on: '2026-03-16' }, 'A'))).toBe(
      'pl-default',
    );
  });
  it('takes the largest quantity break reached', () => {
    const price = t.price(1_000, [
      { minQuantity: 50, unitPrice: 800 },
      { minQuantity: 10, unitPrice: 900 },
    ]);
    expect([1, 9, 10, 49, 50, 500].map((quantity) => unitPriceFor(price, quantity))).toEqual([
      1_000, 1_000, 900, 900, 800, 800,
    ]);
    expect(resolveListPrice(lists, subject, 'B', 3)).toEqual({
      priceListId: 'pl-smb',
      level: 'segment',
      unitPrice: 95,
    });
  });
});
