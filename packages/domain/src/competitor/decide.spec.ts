import { deciderSpec } from '../testing/decider-spec.js';
import { RecordCompetitorPrice } from './commands.js';
import { competitorDecider } from './decide.js';
import { evolve } from './state.js';
import * as t from './testing.js';

const given = deciderSpec(t.registeredCompetitorDecider);

describe('RecordCompetitorPrice', () => {
  it("records a competitor's price for a sku, or for a category, with who recorded it", () => {
    given([]).when(t.record()).then([t.observed()]);
    given([])
      .when(t.record({ sku: undefined, category: '电机', source: 'tender', note: '招标公告' }, t.salesManager))
      .then([t.observed({ sku: null, category: '电机', source: 'tender', note: '招标公告' }, t.salesManager)]);
  });
  it('is a no-op when the same observation is sent again, later or by someone else', () => {
    given([t.observed()])
      .when(t.record({}, t.salesManager, 11))
      .then([]);
  });
  it('refuses other facts under an id already taken', () => {
    given([t.observed()])
      .when(t.record({ price: 139_000 }))
      .then('COMPETITOR_OBSERVATION_TAKEN');
  });
  it('refuses a price observed after the business date, beyond the time zone tolerance', () => {
    given([])
      .when(t.record({ observedOn: '2026-03-11' }))
      .then([t.observed({ observedOn: '2026-03-11' })]);
    given([])
      .when(t.record({ observedOn: '2026-03-12' }))
      .then('COMPETITOR_OBSERVED_IN_FUTURE');
  });
  it('is for analysts and the sales manager: reps, regional managers and auditors are refused', () => {
    for (const who of [t.rep, t.eastManager, t.auditor]) {
      given([]).when(t.record({}, who)).then('COMPETITOR_NOT_AUTHORIZED');
    }
  });
  it('needs the recorder on the sales team register', () => {
    given([])
      .when({ ...t.record(), access: { actor: { active: false, role: 'market_analyst' as const } } })
      .then('ACTOR_NOT_REGISTERED');
    expect(competitorDecider.initialState()).toEqual({ status: 'none' });
  });
  it('keeps the first observation of a stream whatever follows', () => {
    const first = evolve({ status: 'none' }, t.observed());
    expect(evolve(first, t.observed({ price: 1 }))).toEqual({ status: 'recorded', observation: t.observed().data });
  });
});

describe('RecordCompetitorPrice input', () => {
  const data = t.record().data;
  it('names exactly one of a sku and a category', () => {
    expect(RecordCompetitorPrice.safeParse(data).success).toBe(true);
    expect(RecordCompetitorPrice.safeParse({ ...data, category: '电机' }).success).toBe(false);
    expect(RecordCompetitorPrice.safeParse({ ...data, sku: undefined }).success).toBe(false);
  });
  it('refuses an unknown source, a zero price and an impossible date', () => {
    expect(RecordCompetitorPrice.safeParse({ ...data, source: 'rumour' }).success).toBe(false);
    expect(RecordCompetitorPrice.safeParse({ ...data, price: 0 }).success).toBe(false);
    expect(RecordCompetitorPrice.safeParse({ ...data, observedOn: '2026-02-30' }).success).toBe(false);
  });
});
