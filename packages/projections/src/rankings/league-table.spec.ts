import { rankRows, type RankingParts } from './league-table.js';
import { periodMonths } from './period.js';
import { rankedMonths } from './rankings.queries.js';

const parts = (rep_id: string, currency: string | null, figures: Partial<RankingParts>): RankingParts => ({
  rep_id,
  currency,
  booked: 0,
  target: null,
  collected: 0,
  collected_on_due: 0,
  due: 0,
  satisfied: 0,
  responses: 0,
  ...figures,
});

describe('league table ranking', () => {
  it('gives equal values the same rank and skips the next (1, 1, 3), within each currency, unvalued reps last', () => {
    const rows = rankRows('collected', [
      parts('r3', 'CNY', { collected: 500 }),
      parts('r1', 'CNY', { collected: 900 }),
      parts('r2', 'CNY', { collected: 900 }),
      parts('r4', 'USD', { collected: 10 }),
    ]);
    expect(rows.map((r) => [r.currency, r.rep_id, r.rank, r.tied, r.value])).toEqual([
      ['CNY', 'r1', 1, true, 900],
      ['CNY', 'r2', 1, true, 900],
      ['CNY', 'r3', 3, false, 500],
      ['USD', 'r4', 1, false, 10],
    ]);
  });

  it('leaves a rep without a denominator unranked, after the ranked ones', () => {
    const rows = rankRows('attainment', [
      parts('a', 'CNY', { booked: 5 }),
      parts('b', 'CNY', { booked: 1, target: 4 }),
      parts('c', 'CNY', { booked: 9 }),
    ]);
    // 1 / 4 = 0.25; a and c have no target: no attainment, listed by id.
    expect(rows.map((r) => [r.rep_id, r.rank, r.tied, r.value])).toEqual([
      ['b', 1, false, 0.25],
      ['a', null, false, null],
      ['c', null, false, null],
    ]);
  });

  it('computes rates as ratios of the summed parts', () => {
    const [row] = rankRows('collectionRate', [parts('a', 'CNY', { collected_on_due: 6_000, due: 8_000 })]);
    const [csat] = rankRows('csat', [parts('a', null, { satisfied: 2, responses: 3 })]);
    expect([row?.value, csat?.value]).toEqual([0.75, 0.6667]);
  });

  it('reads a month, a quarter and a year as their months, and refuses anything else', () => {
    expect(periodMonths('2026-04')).toEqual(['2026-04']);
    expect(periodMonths('2026-Q4')).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(periodMonths('2026')).toHaveLength(12);
    expect(periodMonths('2026')[11]).toBe('2026-12');
    expect(() => periodMonths('2026-Q5')).toThrow(RangeError);
    expect(() => periodMonths('2026-13')).toThrow(RangeError);
    // A period not yet over counts its months up to the current one.
    expect(rankedMonths({ period: '2026-Q2', throughMonth: '2026-05' })).toEqual(['2026-04', '2026-05']);
    expect(rankedMonths({ period: '2026-Q2', throughMonth: '2026-03' })).toEqual([]);
  });
});
