import type Database from 'better-sqlite3';
import { salesMonthlyProjection } from '../kpi/sales-monthly.projection.js';
import { confirmed, givenOrderEvent, type TestLine, type TestOrder } from '../testing/order-events.js';
import { projectionKit } from '../testing/projection-kit.js';
import { promotionEffect } from './promotion-effect.queries.js';
import { promotionStatisticalBaseline, statisticalEffectOf } from './promotion-forecast.queries.js';
import { productsProjection } from './products.projection.js';
import { promotionsProjection } from './promotions.projection.js';

const AT = '2026-01-01T02:00:00Z';
const drafted = (promotionId: string, startsOn: string, endsOn: string) => ({
  type: 'PromotionDrafted',
  at: AT,
  data: {
    promotionId,
    name: promotionId,
    currency: 'CNY',
    startsOn,
    endsOn,
    coverage: { skus: ['SKU-a'], categories: [], segments: [], regions: [] },
    benefit: { kind: 'percent_off', percentBp: 1_000 },
    budget: null,
    draftedBy: 'an-1',
    drafterRole: 'market_analyst',
    draftedAt: AT,
  },
});
const order = (orderId: string, repId: string, region: string): TestOrder => ({
  orderId,
  repId,
  region,
  currency: 'CNY',
});
// Lines carry sku `SKU-<lineId>`: `a` is promoted, `b` is not.
const a = (quantity: number): TestLine => ({ lineId: 'a', quantity, unitPrice: 1_000, discountBp: 0 });
const b: TestLine = { lineId: 'b', quantity: 7, unitPrice: 300, discountBp: 0 };

describe('the statistical forecast as a promotion baseline', () => {
  let db: Database.Database;
  beforeAll(() => {
    const kit = projectionKit([salesMonthlyProjection, productsProjection, promotionsProjection]);
    kit.given('promotion-spring', [drafted('spring', '2026-03-11', '2026-03-20')]);
    kit.given('promotion-cross', [drafted('cross', '2026-03-25', '2026-04-05')]);
    kit.given('promotion-early', [drafted('early', '2026-01-20', '2026-01-31')]);
    const book = (o: TestOrder, lines: TestLine[], total: number, at: string) =>
      givenOrderEvent(kit, o, confirmed(o, lines, total, at));
    // History of SKU-a: January 2 units (rep-1), February 6 (rep-1) + 4 (rep-2, west); SKU-b never counts.
    book(order('o-1', 'rep-1', 'east'), [a(2), b], 4_100, '2026-01-15T02:00:00Z');
    book(order('o-2', 'rep-1', 'east'), [a(6)], 6_000, '2026-02-10T02:00:00Z');
    book(order('o-3', 'rep-2', 'west'), [a(4)], 4_000, '2026-02-20T02:00:00Z');
    // March before the promotion (not a whole month: outside the history), then 10 units during it.
    book(order('o-4', 'rep-1', 'east'), [a(50)], 50_000, '2026-03-05T02:00:00Z');
    book(order('o-5', 'rep-1', 'east'), [a(10)], 10_000, '2026-03-15T02:00:00Z');
    db = kit.readModels();
  });

  it('prorates the month forecast fitted on the whole months before the start by the days of the promotion', () => {
    // Fewer than 24 months: the flat mean of January and February, 2000 and 10000: 6000 a month (6 units); 10 of
    // March's 31 days: 6000 x 10 / 31 = 1935.48 -> 1935, 6 x 10 / 31 = 1.94 -> 2 units. March's own orders are not in it.
    const baseline = promotionStatisticalBaseline(db, 'spring', undefined);
    expect(baseline).toEqual({
      from: '2026-03-11',
      to: '2026-03-20',
      method: 'flat',
      history_months: 2,
      quantity: 2,
      net_sales: 1_935,
    });
    const during = promotionEffect(db, 'spring', undefined)?.rows[0];
    if (during === undefined || baseline === null) throw new Error('no figures');
    // During: o-5, 10 units, 10000: 10000 - 1935 = 8065, lift 8065 / 1935 = 4.1680.
    expect(statisticalEffectOf(during, baseline)).toEqual({ quantity: 8, net_sales: 8_065, sales_lift: 4.168 });
  });

  it("fits on the reader's orders only: rep-1's January and February, 2000 and 6000", () => {
    // 4000 a month (4 units): 4000 x 10 / 31 = 1290.32 -> 1290, 4 x 10 / 31 = 1.29 -> 1.
    expect(promotionStatisticalBaseline(db, 'spring', { repId: 'rep-1' })).toMatchObject({
      quantity: 1,
      net_sales: 1_290,
    });
  });

  it('sums the prorated months of a promotion across a month end', () => {
    // 25-31 March: 6000 x 7 / 31 = 1354.84 -> 1355; 1-5 April: 6000 x 5 / 30 = 1000. Units: 1.35 -> 1, 1.
    expect(promotionStatisticalBaseline(db, 'cross', undefined)).toMatchObject({
      from: '2026-03-25',
      to: '2026-04-05',
      quantity: 2,
      net_sales: 2_355,
    });
  });

  it('has none without a whole month of history before the start, or for an unknown promotion', () => {
    expect(promotionStatisticalBaseline(db, 'early', undefined)).toBeNull();
    expect(promotionStatisticalBaseline(db, 'nothing', undefined)).toBeNull();
  });
});
