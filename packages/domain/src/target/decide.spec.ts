import { deciderSpec } from '../testing/decider-spec.js';
import { registeredTargetDecider as targetDecider } from './testing.js';
import * as t from './testing.js';

const given = deciderSpec(targetDecider);

describe('SetSalesTarget', () => {
  it('sets a rep target in the rep region', () => {
    given([]).when(t.setTarget()).then([t.targetSet()]);
  });
  it('sets a region target, whose region is its scope id', () => {
    const regionTarget = { scope: 'region' as const, scopeId: 'west' };
    given([])
      .when(t.setTarget({ ...regionTarget, region: undefined }, t.westManager))
      .then([t.targetSet({ ...regionTarget, region: t.WEST, setBy: t.westManager.id })]);
  });
  it('is for managers only: regional managers in their region, sales managers and the system anywhere', () => {
    given([]).when(t.setTarget({}, t.rep)).then('TARGET_NOT_AUTHORIZED');
    given([]).when(t.setTarget({}, t.finance)).then('TARGET_NOT_AUTHORIZED');
    given([]).when(t.setTarget({}, t.analyst)).then('TARGET_NOT_AUTHORIZED');
    given([]).when(t.setTarget({}, t.westManager)).then('FORBIDDEN_SCOPE');
    given([])
      .when(t.setTarget({ scope: 'region', scopeId: 'east', region: undefined }, t.westManager))
      .then('FORBIDDEN_SCOPE');
    given([])
      .when(t.setTarget({}, t.salesManager))
      .then([t.targetSet({ setBy: t.salesManager.id })]);
    given([])
      .when(t.setTarget({}, t.system))
      .then([t.targetSet({ setBy: t.system.id })]);
  });
  it('is set once: the same values again are a no-op, other values are refused (revise instead)', () => {
    given([t.targetSet()]).when(t.setTarget()).then([]);
    given([t.targetSet()])
      .when(t.setTarget({ amount: 1 }))
      .then('TARGET_ALREADY_SET');
    given([t.targetSet()])
      .when(t.setTarget({ currency: t.USD }))
      .then('TARGET_ALREADY_SET');
    given([t.targetSet()]).when(t.setTarget({}, t.salesManager)).then([]);
  });
  it('recognises a retried set after a revision as the same set', () => {
    given([t.targetSet(), t.targetRevised()]).when(t.setTarget()).then([]);
    given([t.targetSet(), t.targetRevised()])
      .when(t.setTarget({ amount: 60_000_000 }))
      .then('TARGET_ALREADY_SET');
  });
  it('refuses a set with another rep region than the target has', () => {
    given([t.targetSet()])
      .when(t.setTarget({ region: t.WEST }, t.salesManager))
      .then('TARGET_ALREADY_SET');
  });
});

describe('targets of quarters, years and other measures', () => {
  it('sets a quarter or a year target of any measure; `month` is the period of a month target', () => {
    given([])
      .when(t.setTarget({ month: undefined, period: '2026-Q2', measure: 'collected' }))
      .then([t.targetSet({ period: '2026-Q2', measure: 'collected' })]);
    given([])
      .when(t.setTarget({ month: undefined, period: '2026', measure: 'newCustomers', amount: 12 }))
      .then([t.targetSet({ period: '2026', measure: 'newCustomers', amount: 12 })]);
    given([])
      .when(t.setTarget({ month: undefined, period: '2026-04' }))
      .then([t.targetSet()]);
  });
  it('revises keeping the period and the measure', () => {
    given([t.targetSet({ period: '2026-Q2', measure: 'collected' })])
      .when(t.reviseTarget(60_000_000, t.eastManager, { month: undefined, period: '2026-Q2', measure: 'collected' }))
      .then([{ ...t.targetRevised(), data: { ...t.targetRevised().data, period: '2026-Q2', measure: 'collected' } }]);
  });
  it("refuses a change once the period's last month is closed, not before", () => {
    const closed = (months: string[]) => ({ periods: { closed: months, recordedOn: '2026-07-02' } });
    given([])
      .when({ ...t.setTarget({ month: undefined, period: '2026-Q2' }), ...closed(['2026-06']) })
      .then('PERIOD_CLOSED');
    given([])
      .when({ ...t.setTarget({ month: undefined, period: '2026-Q2' }), ...closed(['2026-04', '2026-05']) })
      .then([t.targetSet({ period: '2026-Q2' })]);
    given([])
      .when({ ...t.setTarget({ month: undefined, period: '2026' }), ...closed(['2026-12']) })
      .then('PERIOD_CLOSED');
  });
});

describe('ReviseSalesTarget', () => {
  it('revises a target that was set, recording before, after and reason', () => {
    given([t.targetSet()]).when(t.reviseTarget()).then([t.targetRevised()]);
    given([t.targetSet(), t.targetRevised()])
      .when(t.reviseTarget(55_000_000))
      .then([t.targetRevised(60_000_000, 55_000_000)]);
  });
  it('only after the target was set', () => {
    given([]).when(t.reviseTarget()).then('FORBIDDEN_SCOPE');
  });
  it('is a no-op for the amount already in force', () => {
    given([t.targetSet()]).when(t.reviseTarget(50_000_000)).then([]);
  });
  it('is for managers of the target region only', () => {
    given([t.targetSet()]).when(t.reviseTarget(60_000_000, t.rep)).then('TARGET_NOT_AUTHORIZED');
    given([t.targetSet()]).when(t.reviseTarget(60_000_000, t.westManager)).then('FORBIDDEN_SCOPE');
    given([t.targetSet()])
      .when(t.reviseTarget(60_000_000, t.salesManager))
      .then([t.targetRevised(50_000_000, 60_000_000, t.salesManager)]);
  });
});

describe('targetDecider', () => {
  it('fails loudly on a command type it does not know (a programming error, not a business rule)', () => {
    expect(() =>
      targetDecider.decide(
        { type: 'Nope', metadata: { actor: t.salesManager, occurredAt: '2026-03-01T09:00:00Z' } } as never,
        targetDecider.initialState(),
      ),
    ).toThrow('Unhandled case');
  });
});
