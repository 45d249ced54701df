import { ActorId } from '@salesbook/domain';
import { generateActivity } from '../generate.js';
import { splitByWeight } from './plan-targets.js';

const rep = (id: string) => ActorId.parse(id);
const field = (event: { readonly data: object }, key: string): unknown => (event.data as Record<string, unknown>)[key];
type Data = Record<string, unknown> & { period: string; measure: string; scopeId: string; amount: number };

describe('splitByWeight', () => {
  it('splits whole units by weight with the largest remainders, the parts summing to the total', () => {
    const weights = [
      { repId: rep('a'), weight: 1 },
      { repId: rep('b'), weight: 1 },
      { repId: rep('c'), weight: 1 },
    ];
    expect(splitByWeight(10, weights)).toEqual([
      { repId: 'a', amount: 4 },
      { repId: 'b', amount: 3 },
      { repId: 'c', amount: 3 },
    ]);
    expect(splitByWeight(7, [...weights.slice(0, 2), { repId: rep('c'), weight: 5 }])).toEqual([
      { repId: 'a', amount: 1 },
      { repId: 'b', amount: 1 },
      { repId: 'c', amount: 5 },
    ]);
  });
  it('gives no part to a rep whose share is no whole unit, and nothing without weight or total', () => {
    expect(
      splitByWeight(2, [
        { repId: rep('a'), weight: 9 },
        { repId: rep('b'), weight: 1 },
        { repId: rep('c'), weight: 0 },
      ]),
    ).toEqual([{ repId: 'a', amount: 2 }]);
    expect(splitByWeight(5, [{ repId: rep('a'), weight: 0 }])).toEqual([]);
    expect(splitByWeight(0, [{ repId: rep('a'), weight: 1 }])).toEqual([]);
  });
});

describe('the generated plan', () => {
  // Fifteen months from August: the history starts inside a quarter and a year, and a whole next year begins.
  const events = [...generateActivity({ seed: 3, start: '2025-08-01', months: 15, events: 40_000 })]
    .flatMap((batch) => batch.commands)
    .flatMap((command) => command.events);
  const data = (type: string) => events.filter((e) => e.type === type).map((e) => e.data as Data);
  const regionTargets = data('SalesTargetSet').filter((d) => d['scope'] === 'region');
  const splits = data('SalesTargetSplit');

  it('sets quarter and year booked, month collected and quarter new-customer targets for every region', () => {
    const kinds = new Set(
      regionTargets.map(
        (d) => `${d.measure}:${d.period.length === 4 ? 'year' : d.period.includes('Q') ? 'quarter' : 'month'}`,
      ),
    );
    expect([...kinds].sort()).toEqual([
      'booked:month',
      'booked:quarter',
      'booked:year',
      'collected:month',
      'newCustomers:quarter',
    ]);
    expect(regionTargets.filter((d) => d.measure === 'booked' && d.period === '2026').length).toBe(6);
    expect(regionTargets.filter((d) => d.measure === 'newCustomers' && d.period === '2025-Q3')).toEqual([]);
  });

  it('splits every plan target across the region reps, the parts summing to it', () => {
    const planned = regionTargets.filter((d) => d.measure !== 'booked' || !/^\d{4}-\d{2}$/.test(d.period));
    const key = (d: Data) => `${d.period}|${d.measure}|${d.scopeId}`;
    expect(splits.map(key).sort()).toEqual(planned.map(key).sort());
    for (const split of splits) {
      const parts = split['parts'] as { repId: string; amount: number }[];
      expect(parts.reduce((sum, p) => sum + p.amount, 0)).toBe(split.amount);
      expect(parts.every((p) => p.amount > 0)).toBe(true);
    }
  });

  it("sets a year's booked target near what the region books (within a factor of two, month for month)", () => {
    const booked = new Map<string, number>();
    const months = new Set<string>();
    for (const e of events.filter((event) => event.type === 'OrderConfirmed')) {
      const on = String(e.metadata.occurredAt);
      if (!on.startsWith('2026')) continue;
      months.add(on.slice(0, 7));
      const region = String(field(e, 'region'));
      booked.set(region, (booked.get(region) ?? 0) + Number(field(e, 'bookedTotal')));
    }
    for (const target of regionTargets.filter((d) => d.period === '2026' && d.measure === 'booked')) {
      const ratio = (booked.get(target.scopeId) ?? 0) / ((target.amount * months.size) / 12);
      expect([target.scopeId, ratio > 0.5 && ratio < 2]).toEqual([target.scopeId, true]);
    }
  });
});
