import { marketDecider } from './decide.js';
import { deciderSpec } from '../testing/decider-spec.js';
import { MarketPeriod, RecordMarketEstimate } from './commands.js';
import * as t from './testing.js';

const given = deciderSpec(t.registeredMarketDecider);

describe('RecordMarketEstimate', () => {
  it('records the first estimate of a cell and period, with its range', () => {
    given([]).when(t.estimate()).then([t.estimated()]);
    given([])
      .when(t.estimate({ range: undefined }))
      .then([t.estimated({ low: null, high: null })]);
  });
  it('lets a later estimate supersede the one in force, which stays in the stream', () => {
    given([t.estimated()])
      .when(t.estimate({ amount: 55_000_000 }, t.analyst, 20))
      .then([t.estimated({ amount: 55_000_000, previousAmount: 50_000_000 }, t.analyst, 20)]);
    given([t.estimated()])
      .when(t.estimate({ source: '客户走访' }))
      .then([t.estimated({ source: '客户走访', previousAmount: 50_000_000 })]);
  });
  it('is a no-op when the estimate in force is recorded again', () => {
    given([t.estimated()]).when(t.estimate()).then([]);
  });
  it('keeps periods and currencies apart', () => {
    given([t.estimated()])
      .when(t.estimate({ period: '2026-01' }))
      .then([t.estimated({ period: '2026-01' })]);
    given([t.estimated()])
      .when(t.estimate({ currency: t.USD }))
      .then([t.estimated({ currency: t.USD })]);
  });
  it('refuses a range that does not hold the estimate', () => {
    given([])
      .when(t.estimate({ range: { low: 51_000_000, high: 60_000_000 } }))
      .then('MARKET_RANGE_EXCLUDES_ESTIMATE');
    given([])
      .when(t.estimate({ range: { low: 0, high: 49_999_999 } }))
      .then('MARKET_RANGE_EXCLUDES_ESTIMATE');
  });
  it('is for analysts, the sales manager and imports; other roles are refused before the state is read', () => {
    given([])
      .when(t.estimate({}, t.salesManager))
      .then([t.estimated({}, t.salesManager)]);
    given([])
      .when(t.estimate({}, t.system))
      .then([t.estimated({}, t.system)]);
    for (const who of [t.eastManager, t.rep, t.finance]) {
      given([t.estimated()]).when(t.estimate({}, who)).then('MARKET_NOT_AUTHORIZED');
    }
  });
  it('needs the analyst on the sales team register', () => {
    const command = { ...t.estimate(), access: { actor: null } };
    given([]).when(command).then('ACTOR_NOT_REGISTERED');
    expect(marketDecider.initialState()).toEqual({ estimates: {} });
  });
});

describe('market commands', () => {
  it('take a month, a quarter or a year as the period', () => {
    expect(['2026-03', '2026-Q4', '2026'].map((p) => MarketPeriod.safeParse(p).success)).toEqual([true, true, true]);
    expect(['2026-13', '2026-Q5', '26', '2026-03-01'].map((p) => MarketPeriod.safeParse(p).success)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
  it('refuse an unknown segment, a zero amount and an empty source at the boundary', () => {
    const data = t.estimate().data;
    expect(RecordMarketEstimate.safeParse(data).success).toBe(true);
    expect(RecordMarketEstimate.safeParse({ ...data, segment: 'galactic' }).success).toBe(false);
    expect(RecordMarketEstimate.safeParse({ ...data, amount: 0 }).success).toBe(false);
    expect(RecordMarketEstimate.safeParse({ ...data, source: ' ' }).success).toBe(false);
  });
});
