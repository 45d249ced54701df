import type Database from 'better-sqlite3';
import { surveyed, type TestAnswer, type TestCustomer } from '../testing/customer-events.js';
import { projectionKit, type ProjectionKit } from '../testing/projection-kit.js';
import { pearsonFromSums, rankDrivers } from './satisfaction-figures.js';
import { NO_CLOSED_LOOP } from './closed-loop.queries.js';
import { satisfactionProjection } from './satisfaction.projection.js';
import { querySatisfaction, type SatisfactionFilter, type SatisfactionGroup } from './satisfaction.queries.js';

const east: TestCustomer = { customerId: 'c-east', region: 'east', ownerRepId: 'rep-1', segment: 'smb' };
const west: TestCustomer = { customerId: 'c-west', region: 'west', ownerRepId: 'rep-2', segment: 'enterprise' };
const north: TestCustomer = { customerId: 'c-north', region: 'north', ownerRepId: 'rep-3', segment: 'retail' };

// Three answer patterns; replicating a data set k times leaves Pearson's r unchanged.
const A: TestAnswer = { nps: 10, csat: 5, items: [5, 4, 5, 2] };
const B: TestAnswer = { nps: 8, csat: 4, items: [4, 4, 3, 3] };
const C: TestAnswer = { nps: 3, csat: 2, items: [2, 4, 1, 4] };
const flat: TestAnswer = { nps: 9, csat: 4, items: [4, 4, 4, 4] };
const times = (answer: TestAnswer, count: number): TestAnswer[] => Array.from({ length: count }, () => answer);

function answers(kit: ProjectionKit, c: TestCustomer, list: readonly TestAnswer[], at: string): void {
  kit.given(
    `customer-${c.customerId}`,
    list.map((answer, i) => surveyed(c, `s-${at.slice(0, 10)}-${i}`, answer, at)),
  );
}

const report = (db: Database.Database, filter: SatisfactionFilter): readonly SatisfactionGroup[] =>
  querySatisfaction(db, () => 0, filter).rows;
const byGroup = (groups: readonly SatisfactionGroup[], group: string | null): SatisfactionGroup | undefined =>
  groups.find((g) => g.group === group);

describe('satisfaction', () => {
  it('computes CSAT, NPS, item means and key drivers from exactly 30 responses, and no key drivers from 29', () => {
    const kit = projectionKit([satisfactionProjection]);
    answers(kit, east, [...times(A, 10), ...times(B, 10), ...times(C, 10)], '2026-03-10T02:00:00Z');
    answers(kit, west, [...times(A, 20), ...times(C, 9)], '2026-03-11T02:00:00Z');
    const db = kit.readModels();

    const result = querySatisfaction(db, () => 0, { from: '2026-03', to: '2026-03', groupBy: 'region' });
    expect(result.position).toBe('59');
    expect(result.rows.map((g) => g.group)).toEqual(['east', 'west']);
    // east, n = 30: CSAT answers 5, 4 (x20) of 30 = 0.6667; 10 promoters (10), 10 passives (8), 10 detractors (3): NPS 0.
    // Means: quality (5+4+2)/3 = 3.6667, delivery 4, service (5+3+1)/3 = 3, price (2+3+4)/3 = 3.
    // Drivers on the base set, NPS y = (10, 8, 3), deviations (3, 1, -4), sum of squares 26:
    //   quality x = (5, 4, 2): deviations (4/3, 1/3, -5/3), cross 4 + 1/3 + 20/3 = 11, squares 42/9 = 14/3: r = 11 / sqrt(14/3 * 26) = 0.99863
    //   service x = (5, 3, 1): deviations (2, 0, -2), cross 6 + 8 = 14, squares 8: r = 14 / sqrt(208) = 0.97073
    //   price   x = (2, 3, 4): deviations (-1, 0, 1), cross -3 - 4 = -7, squares 2: r = -7 / sqrt(52) = -0.97073
    //   delivery is 4 in every answer: no variance, no correlation.
    expect(byGroup(result.rows, 'east')).toEqual({
      group: 'east',
      responses: 30,
      csat: { value: 0.6667, n: 30, satisfied: 20 },
      nps: { value: 0, n: 30, promoters: 10, passives: 10, detractors: 10 },
      items: [
        { item: 'product_quality', mean: 3.6667, n: 30 },
        { item: 'delivery', mean: 4, n: 30 },
        { item: 'service', mean: 3, n: 30 },
        { item: 'price', mean: 3, n: 30 },
      ],
      keyDrivers: {
        n: 30,
        drivers: [
          { item: 'product_quality', correlation: 0.9986, rank: 1 },
          { item: 'service', correlation: 0.9707, rank: 2 },
          { item: 'price', correlation: -0.9707, rank: 3 },
          { item: 'delivery', correlation: null, rank: null },
        ],
      },
      // The raw answers here come without the follow-ups the decider appends: no closed loop to count.
      closedLoop: NO_CLOSED_LOOP,
    });
    // west, n = 29: CSAT 20/29 = 0.68966 -> 0.6897; NPS (20 - 9)/29 = 0.37931 -> 0.3793; quality (20*5 + 9*2)/29 = 118/29 = 4.0690.
    const westGroup = byGroup(result.rows, 'west');
    expect(westGroup?.csat).toEqual({ value: 0.6897, n: 29, satisfied: 20 });
    expect(westGroup?.nps).toEqual({ value: 0.3793, n: 29, promoters: 20, passives: 0, detractors: 9 });
    expect(westGroup?.items[0]).toEqual({ item: 'product_quality', mean: 4.069, n: 29 });
    expect(westGroup?.keyDrivers).toEqual({ n: 29, drivers: null });

    // Not grouped: all 59 answers; promoters 30, detractors 19: NPS 11/59 = 0.18644 -> 0.1864.
    const all = report(db, { from: '2026-03-01', to: '2026-03-31' });
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ group: null, responses: 59, nps: { value: 0.1864, n: 59 }, keyDrivers: { n: 59 } });
    expect(
      report(db, { from: '2026-03-01', to: '2026-03-31', groupBy: 'rep', scope: { repId: 'rep-2' } }).map((g) => [
        g.group,
        g.responses,
      ]),
    ).toEqual([['rep-2', 29]]);
    expect(
      report(db, { from: '2026-03-01', to: '2026-03-31', groupBy: 'segment', scope: { region: 'east' } }).map((g) => [
        g.group,
        g.responses,
      ]),
    ).toEqual([['smb', 30]]);
  });

  it('gives no correlation when the NPS answers do not vary, and shows every n', () => {
    const kit = projectionKit([satisfactionProjection]);
    answers(kit, north, times(flat, 30), '2026-03-12T02:00:00Z');
    const db = kit.readModels();
    const [group] = report(db, { from: '2026-03-01', to: '2026-03-31', groupBy: 'segment' });
    // 30 answers of CSAT 4 and NPS 9: CSAT 30/30 = 1, NPS 30/30 - 0 = 1, every item mean 4.
    expect(group).toMatchObject({
      group: 'retail',
      responses: 30,
      csat: { value: 1, n: 30 },
      nps: { value: 1, n: 30, promoters: 30 },
    });
    expect(group?.items.map((i) => i.mean)).toEqual([4, 4, 4, 4]);
    expect(group?.keyDrivers).toEqual({
      n: 30,
      drivers: ['product_quality', 'delivery', 'service', 'price'].map((item) => ({
        item,
        correlation: null,
        rank: null,
      })),
    });
    expect(report(db, { from: '2026-04-01', to: '2026-04-30' })).toEqual([]);
  });

  it('buckets responses by business day in Asia/Shanghai and keeps the survey period apart, never the comment', () => {
    const kit = projectionKit([satisfactionProjection]);
    // 15:30Z on 31 March is 23:30 in Shanghai (March); 16:30Z is 00:30 on 1 April (April). Both answer the March survey.
    answers(kit, east, [A], '2026-03-31T15:30:00Z');
    answers(kit, west, [C], '2026-03-31T16:30:00Z');
    const db = kit.readModels();
    const periods = report(db, { from: '2026-03', to: '2026-04', groupBy: 'period' });
    expect(periods.map((g) => [g.group, g.responses, g.nps.value])).toEqual([
      ['2026-03', 1, 1],
      ['2026-04', 1, -1],
    ]);
    expect(
      report(db, { from: '2026-03', to: '2026-04', groupBy: 'surveyPeriod' }).map((g) => [
        g.group,
        g.responses,
        g.nps.value,
      ]),
    ).toEqual([['2026-03', 2, 0]]);
    expect(report(db, { from: '2026-04-01', to: '2026-04-01' }).map((g) => g.responses)).toEqual([1]);
    expect(report(db, { from: '2026-03-01', to: '2026-03-31', surveyPeriod: '2026-02' })).toEqual([]);
    const stored = JSON.stringify(db.prepare('SELECT * FROM satisfaction_daily').all());
    expect(stored).not.toMatch(/Secret|example\.com/);
    expect(() => report(db, { from: '2026/03/01', to: '2026-03-31' })).toThrow(RangeError);
  });
});

describe('satisfaction arithmetic', () => {
  it('computes Pearson r from sums and ranks drivers, unranked nulls last', () => {
    // x = (1, 2, 3), y = (2, 4, 6): n = 3, Sx 6, Sy 12, Sxx 14, Syy 56, Sxy 28: (84 - 72) / sqrt((42 - 36)(168 - 144)) = 12 / 12 = 1.
    expect(pearsonFromSums(3, 6, 12, 14, 56, 28)).toBe(1);
    expect(pearsonFromSums(1, 5, 9, 25, 81, 45)).toBeNull();
    expect(
      rankDrivers([
        { item: 'product_quality', correlation: 0.5 },
        { item: 'delivery', correlation: null },
        { item: 'service', correlation: 0.5 },
        { item: 'price', correlation: 0.7 },
      ]),
    ).toEqual([
      { item: 'price', correlation: 0.7, rank: 1 },
      { item: 'product_quality', correlation: 0.5, rank: 2 },
      { item: 'service', correlation: 0.5, rank: 3 },
      { item: 'delivery', correlation: null, rank: null },
    ]);
  });
});
