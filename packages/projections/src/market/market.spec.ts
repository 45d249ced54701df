import type Database from 'better-sqlite3';
import { forecastBookingsProjection } from '../forecast/forecast-bookings.projection.js';
import { priceListsProjection } from '../pricing/price-lists.projection.js';
import { productsProjection } from '../pricing/products.projection.js';
import { cancelled, confirmed, givenOrderEvent, type TestOrder } from '../testing/order-events.js';
import { projectionKit } from '../testing/projection-kit.js';
import { categoryPositions, queryCompetitorPrices } from './competitor-prices.queries.js';
import { marketEstimatesTable, marketProjection } from './market.projection.js';
import { estimateFor, queryMarketShare, type MarketShareFilter } from './market-share.queries.js';

const AT = '2026-01-05T02:00:00Z';
const estimated = (region: string, segment: string, period: string, amount: number, range?: [number, number]) => ({
  type: 'MarketSizeEstimated',
  at: AT,
  data: {
    ...{ region, segment, period, currency: 'CNY', amount, source: 'study', previousAmount: null },
    ...{ low: range?.[0] ?? null, high: range?.[1] ?? null, estimatedBy: 'an-1', estimatedAt: AT },
  },
});
const order = (orderId: string, region: string): TestOrder => ({
  orderId,
  repId: `rep-${region}`,
  region,
  currency: 'CNY',
});
const line = (unitPrice: number) => [{ lineId: 'a', quantity: 1, unitPrice, discountBp: 0 }];
/** An order of one line confirmed at `at` for a customer of `segment`. */
const booked = (orderId: string, region: string, segment: string, amount: number, at: string) => {
  const event = confirmed(order(orderId, region), line(amount), amount, at);
  return { ...event, data: { ...event.data, segment } };
};

describe('market share report', () => {
  let db: Database.Database;
  beforeAll(() => {
    const kit = projectionKit([marketProjection, forecastBookingsProjection]);
    // east/smb: Q1 estimated as a quarter, then superseded (1,000,000 -> 1,200,000); east/enterprise: only its months.
    kit.given('market-east-smb', [
      estimated('east', 'smb', '2026-Q1', 1_000_000),
      estimated('east', 'smb', '2026-Q1', 1_200_000, [1_000_000, 1_500_000]),
    ]);
    kit.given('market-east-enterprise', [
      estimated('east', 'enterprise', '2026-01', 300_000, [200_000, 400_000]),
      estimated('east', 'enterprise', '2026-02', 300_000, [200_000, 400_000]),
      estimated('east', 'enterprise', '2026-03', 400_000),
    ]);
    // west/smb has an estimate of January only.
    kit.given('market-west-smb', [estimated('west', 'smb', '2026-01', 500_000)]);
    const orders: [string, string, string, number, string][] = [
      ['o-1', 'east', 'smb', 60_000, '2026-01-10T02:00:00Z'],
      ['o-2', 'east', 'smb', 30_000, '2026-03-31T17:00:00Z'], // 1 April in Shanghai: not in Q1
      ['o-3', 'east', 'enterprise', 100_000, '2026-02-10T02:00:00Z'],
      ['o-4', 'west', 'smb', 50_000, '2026-01-20T02:00:00Z'],
      ['o-5', 'west', 'smb', 20_000, '2026-02-20T02:00:00Z'],
      ['o-6', 'east', 'smb', 40_000, '2026-02-01T02:00:00Z'],
    ];
    for (const [id, region, segment, amount, at] of orders)
      givenOrderEvent(kit, order(id, region), booked(id, region, segment, amount, at));
    givenOrderEvent(kit, order('o-6', 'east'), cancelled(order('o-6', 'east'), true, 40_000, '2026-02-02T02:00:00Z'));
    expect(
      kit.row(marketEstimatesTable, { region: 'east', segment: 'smb', period: '2026-Q1', currency: 'CNY' }),
    ).toMatchObject({ amount: 1_200_000, estimates: 2 });
    db = kit.readModels();
  });
  const share = (filter: MarketShareFilter) =>
    queryMarketShare(db, () => 0, filter).rows.map((r) => [
      r.key,
      r.booked,
      r.market,
      r.low,
      r.high,
      r.share,
      r.missing,
    ]);

  it('sets booked sales against the estimate in force, a quarter summing its months when it has no estimate of its own', () => {
    expect(share({ period: '2026-Q1', groupBy: 'segment', region: 'east' })).toEqual([
      // 100,000 / (300,000 + 300,000 + 400,000); March has no range, so the quarter has none
      ['enterprise', 100_000, 1_000_000, null, null, 0.1, []],
      // o-1 60,000 (o-6 cancelled, o-2 in April) / 1,200,000
      ['smb', 60_000, 1_200_000, 1_000_000, 1_500_000, 0.05, []],
    ]);
  });
  it('shows a missing estimate as null, never 0, naming the cells that lack one', () => {
    expect(share({ period: '2026-Q1', groupBy: 'region' })).toEqual([
      ['east', 160_000, 2_200_000, null, null, 0.0727, []],
      ['west', 70_000, null, null, null, null, ['west/smb']],
    ]);
    expect(share({ period: '2026-Q1', groupBy: 'segment' })).toEqual([
      ['enterprise', 100_000, 1_000_000, null, null, 0.1, []],
      ['smb', 130_000, null, null, null, null, ['west/smb']],
    ]);
  });
  it('reads a month on its own estimate, and a year as its quarters', () => {
    expect(share({ period: '2026-01', groupBy: 'region', region: 'west' })).toEqual([
      ['west', 50_000, 500_000, null, null, 0.1, []],
    ]);
    expect(share({ period: '2026-01', groupBy: 'region', region: 'east' })).toEqual([
      ['east', 60_000, null, null, null, null, ['east/smb']],
    ]);
    expect(share({ period: '2026', groupBy: 'region', region: 'east' })).toEqual([
      ['east', 190_000, null, null, null, null, ['east/enterprise', 'east/smb']],
    ]);
  });
  it('sums the parts of a period only when every part has an estimate', () => {
    const months = new Map([
      ['2026-01', { amount: 1, low: 0, high: 2 }],
      ['2026-02', { amount: 2, low: 1, high: 3 }],
      ['2026-03', { amount: 3, low: 2, high: 4 }],
    ]);
    expect(estimateFor(months, '2026-Q1')).toEqual({ amount: 6, low: 3, high: 9 });
    expect(estimateFor(months, '2026-Q2')).toBeNull();
    const quarters = new Map([1, 2, 3, 4].map((q) => [`2026-Q${q}`, { amount: q * 10, low: null, high: null }]));
    expect(estimateFor(quarters, '2026')).toEqual({ amount: 100, low: null, high: null });
  });
});

describe('competitor price report', () => {
  const observed = (
    id: string,
    competitor: string,
    target: { sku?: string; category?: string },
    price: number,
    on: string,
  ) => ({
    type: 'CompetitorPriceObserved',
    at: `${on}T02:00:00Z`,
    data: {
      ...{ observationId: id, competitor, sku: target.sku ?? null, category: target.category ?? null, currency: 'CNY' },
      ...{
        price,
        unit: 'pcs',
        observedOn: on,
        source: 'visit',
        note: null,
        recordedBy: 'an-1',
        recordedAt: `${on}T02:00:00Z`,
      },
    },
  });
  const product = (sku: string, category: string) => ({
    type: 'ProductRegistered',
    at: AT,
    data: { sku, name: sku, category, unit: 'pcs', registeredBy: 'an-1', registeredAt: AT },
  });
  const list = (id: string, level: Record<string, string>, validFrom: string, prices: [string, number][]) => [
    {
      type: 'PriceListCreated',
      at: AT,
      data: {
        priceListId: id,
        name: id,
        currency: 'CNY',
        audience: level,
        validFrom,
        validTo: null,
        createdBy: 'an-1',
        createdAt: AT,
      },
    },
    {
      type: 'ListPricesSet',
      at: AT,
      data: {
        priceListId: id,
        prices: prices.map(([sku, unitPrice]) => ({ sku, unitPrice, breaks: [] })),
        setBy: 'an-1',
        setAt: AT,
      },
    },
  ];
  let db: Database.Database;
  beforeAll(() => {
    const kit = projectionKit([marketProjection, productsProjection, priceListsProjection]);
    kit.given('product-M-1', [product('M-1', 'motors')]);
    kit.given('product-M-2', [product('M-2', 'motors')]);
    kit.given('product-P-1', [product('P-1', 'pumps')]);
    // The default list from February; an east list is never "our list price" of the report.
    kit.given(
      'pricelist-d',
      list('d', { level: 'default' }, '2026-02-01', [
        ['M-1', 1_200],
        ['M-2', 900],
        ['P-1', 500],
      ]),
    );
    kit.given('pricelist-e', list('e', { level: 'region', region: 'east' }, '2026-01-01', [['M-1', 1_100]]));
    kit.given('competitor-1', [observed('1', 'Acme', { sku: 'M-1' }, 1_000, '2026-02-03')]);
    kit.given('competitor-2', [observed('2', 'Acme', { sku: 'M-1' }, 1_100, '2026-02-10')]);
    kit.given('competitor-3', [observed('3', 'Acme', { sku: 'M-1' }, 1_300, '2026-02-07')]);
    kit.given('competitor-4', [observed('4', 'Acme', { category: 'motors' }, 1_000, '2026-02-05')]);
    kit.given('competitor-5', [observed('5', 'Bolt', { sku: 'P-1' }, 400, '2026-01-20')]);
    kit.given('competitor-6', [observed('6', 'Bolt', { sku: 'P-1' }, 450, '2026-03-02')]);
    db = kit.readModels();
  });
  const report = (filter: { first: string; last: string; sku?: string; category?: string }) =>
    queryCompetitorPrices(db, () => 0, filter).rows.map((r) => [
      ...[r.competitor, r.sku, r.category, r.observations, r.latest, r.latest_on, r.min, r.max],
      ...[r.our_list_price, r.position],
    ]);

  it('gives each competitor and product the latest, lowest and highest price beside our default list price then', () => {
    expect(report({ first: '2026-01-01', last: '2026-02-28' })).toEqual([
      // latest by date is 10 Feb (1,100); ours 1,200 -> 1,200 / 1,100
      ['Acme', 'M-1', 'motors', 3, 1_100, '2026-02-10', 1_000, 1_300, 1_200, 1.0909],
      // a category: the mean of our motors on the default list, (1,200 + 900) / 2 = 1,050
      ['Acme', null, 'motors', 1, 1_000, '2026-02-05', 1_000, 1_000, 1_050, 1.05],
      // 20 January: no default list yet
      ['Bolt', 'P-1', 'pumps', 1, 400, '2026-01-20', 400, 400, null, null],
    ]);
  });
  it('filters by sku, or by category (its skus included), and by date', () => {
    expect(report({ first: '2026-01-01', last: '2026-03-31', sku: 'P-1' })).toEqual([
      ['Bolt', 'P-1', 'pumps', 2, 450, '2026-03-02', 400, 450, 500, 1.1111],
    ]);
    expect(report({ first: '2026-02-04', last: '2026-02-08', category: 'motors' }).map((r) => [r[1], r[3]])).toEqual([
      ['M-1', 1],
      [null, 1],
    ]);
  });
  it('averages the positions of a category', () => {
    const rows = queryCompetitorPrices(db, () => 0, { first: '2026-01-01', last: '2026-02-28' }).rows;
    expect(categoryPositions(rows)).toEqual([
      // (1.0909 + 1.05) / 2
      { category: 'motors', currency: 'CNY', rows: 2, position: 1.0705 },
      { category: 'pumps', currency: 'CNY', rows: 0, position: null },
    ]);
  });
});
