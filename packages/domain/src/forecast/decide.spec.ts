import { deciderSpec } from '../testing/decider-spec.js';
import { AdjustForecast, SubmitForecast } from './commands.js';
import { evolve, initialState } from './state.js';
import * as t from './testing.js';

const given = deciderSpec(t.registeredForecastDecider);

describe('SubmitForecast', () => {
  it("records the rep's own forecast of the current month or a later one; the same numbers again are a no-op, new ones a new submission", () => {
    given([]).when(t.submit()).then([t.submitted()]);
    given([])
      .when(t.submit({ month: '2026-03' }))
      .then([t.submitted({ month: '2026-03' })]);
    given([t.submitted()]).when(t.submit()).then([]);
    given([t.submitted()])
      .when(t.submit({ commit: 120_000 }, t.rep, 20))
      .then([t.submitted({ commit: 120_000 }, t.rep, 20)]);
  });
  it('refuses a month that is over', () => {
    given([])
      .when(t.submit({ month: '2026-02' }))
      .then('FORECAST_MONTH_PAST');
  });
  it("is the rep's own: another rep is out of scope, a manager may not submit for a rep", () => {
    given([]).when(t.submit({}, t.otherRep)).then('FORBIDDEN_SCOPE');
    given([])
      .when(t.submit({ region: t.EAST }, t.salesManager))
      .then('FORECAST_NOT_AUTHORIZED');
    given([]).when(t.submit({}, t.eastManager)).then('FORECAST_NOT_AUTHORIZED');
  });
  it('lets imports submit for a named region, and asks for one when none is named', () => {
    given([])
      .when(t.submit({ region: t.EAST }, t.system))
      .then([t.submitted({ submittedBy: t.system.id })]);
    given([]).when(t.submit({}, t.system)).then('FORECAST_REGION_REQUIRED');
  });
  it('needs the rep on the register in the region', () => {
    const command = {
      ...t.submit(),
      access: { actor: { active: true, role: 'sales_rep' as const, region: t.EAST }, rep: null },
    };
    given([]).when(command).then('REP_NOT_REGISTERED');
  });
});

describe('AdjustForecast', () => {
  it("keeps a manager's numbers beside the rep's, which stay as they were", () => {
    given([t.submitted()]).when(t.adjust()).then([t.adjusted()]);
    given([t.submitted()])
      .when(t.adjust({}, t.salesManager))
      .then([t.adjusted({}, t.salesManager)]);
    given([t.submitted(), t.adjusted()]).when(t.adjust()).then([]);
    given([t.submitted(), t.adjusted(), t.submitted({ commit: 90_000 }, t.rep, 14)])
      .when(t.adjust({ commit: 70_000 }, t.eastManager, 15))
      .then([t.adjusted({ commit: 70_000, repCommit: 90_000 }, t.eastManager, 15)]);
  });
  it('needs a submission of the month in the currency, and a month not yet over', () => {
    given([]).when(t.adjust({}, t.salesManager)).then('FORECAST_NOT_SUBMITTED');
    given([t.submitted({ month: '2026-02' })])
      .when(t.adjust({ month: '2026-02' }, t.salesManager))
      .then('FORECAST_MONTH_PAST');
  });
  it("is a manager's of the rep's region: another region's manager, the rep and analysts are refused", () => {
    given([t.submitted()]).when(t.adjust({}, t.westManager)).then('FORBIDDEN_SCOPE');
    given([]).when(t.adjust({}, t.eastManager)).then('FORBIDDEN_SCOPE');
    given([t.submitted()]).when(t.adjust({}, t.rep)).then('FORECAST_NOT_AUTHORIZED');
    given([t.submitted()]).when(t.adjust({}, t.analyst)).then('FORECAST_NOT_AUTHORIZED');
  });
});

describe('forecast commands and state', () => {
  it('refuse a commit above the best case', () => {
    expect(
      SubmitForecast.safeParse({ repId: 'rep-1', month: '2026-04', currency: 'CNY', commit: 2, bestCase: 1 }).success,
    ).toBe(false);
    expect(
      AdjustForecast.safeParse({
        repId: 'rep-1',
        month: '2026-04',
        currency: 'CNY',
        commit: 1,
        bestCase: 1,
        reason: 'r',
      }).success,
    ).toBe(true);
  });
  it("folds an adjustment read before any submission with the rep's numbers it repeats", () => {
    expect(evolve(initialState(), t.adjusted()).entries['2026-04|CNY']).toEqual({
      region: t.EAST,
      rep: { commit: 100_000, bestCase: 150_000 },
      adjusted: { commit: 80_000, bestCase: 120_000 },
    });
  });
});
