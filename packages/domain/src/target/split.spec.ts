import { deciderSpec } from '../testing/decider-spec.js';
import { SplitSalesTarget } from './commands.js';
import { registeredTargetDecider as targetDecider } from './testing.js';
import * as t from './testing.js';

const given = deciderSpec(targetDecider);
const region = t.regionTargetSet();

describe('SplitSalesTarget', () => {
  it("splits a region target into its reps' targets, the parts summing to it", () => {
    given([region]).when(t.splitTarget()).then([t.targetSplit()]);
    given([region])
      .when(t.splitTarget(t.PARTS, t.salesManager, { currency: t.CNY }))
      .then([t.targetSplit(t.PARTS, t.salesManager)]);
  });
  it('splits a quarter, a year or another measure the same way', () => {
    const quarter = t.targetSet({
      scope: 'region',
      scopeId: 'east',
      period: '2026-Q2',
      measure: 'newCustomers',
      amount: 9,
    });
    const parts = [t.part(1, 4), t.part(2, 5)];
    const split = t.targetSplit(parts);
    given([quarter])
      .when(t.splitTarget(parts, t.eastManager, { month: undefined, period: '2026-Q2', measure: 'newCustomers' }))
      .then([{ ...split, data: { ...split.data, period: '2026-Q2', measure: 'newCustomers' } }]);
  });
  it('refuses parts that do not sum to the region target, saying by how much', () => {
    const over = [...t.PARTS.slice(0, 2), t.part(3, 80_000_001)];
    given([region]).when(t.splitTarget(over)).then('TARGET_SPLIT_SUM_MISMATCH');
    expect(
      targetDecider.decide(t.splitTarget(over), targetDecider.evolve(targetDecider.initialState(), region)),
    ).toEqual(
      expect.objectContaining({
        left: expect.objectContaining({ details: { sum: 300_000_001, target: 300_000_000, difference: 1 } }),
      }),
    );
    given([region])
      .when(t.splitTarget(t.PARTS.slice(0, 2)))
      .then('TARGET_SPLIT_SUM_MISMATCH');
  });
  it('checks the sum against the target in force after a revision', () => {
    const revised = {
      ...t.targetRevised(300_000_000, 320_000_000),
      data: {
        ...t.targetRevised().data,
        scope: 'region' as const,
        scopeId: 'east',
        previousAmount: 300_000_000,
        amount: 320_000_000,
      },
    };
    given([region, revised]).when(t.splitTarget()).then('TARGET_SPLIT_SUM_MISMATCH');
    const parts = [t.part(1, 120_000_000), t.part(2, 120_000_000), t.part(3, 80_000_000)];
    given([region, revised])
      .when(t.splitTarget(parts))
      .then([{ ...t.targetSplit(parts) }]);
  });
  it('refuses a rep named twice', () => {
    const twice = [t.part(1, 100_000_000), t.part(2, 100_000_000), t.part(1, 100_000_000)];
    given([region]).when(t.splitTarget(twice)).then('TARGET_SPLIT_REP_REPEATED');
  });
  it("refuses another currency than the region target's", () => {
    given([region])
      .when(t.splitTarget(t.PARTS, t.eastManager, { currency: t.USD }))
      .then('TARGET_SPLIT_CURRENCY_MISMATCH');
  });
  it('needs the region target set first', () => {
    given([]).when(t.splitTarget()).then('TARGET_NOT_SET');
  });
  it('names only active reps of the region on the register', () => {
    const command = t.splitTarget();
    given([region])
      .when({ ...command, access: t.splitAccess(t.eastManager, t.PARTS, { 'rep-2': t.WEST }) })
      .then('REP_NOT_REGISTERED');
    given([region])
      .when({ ...command, access: t.splitAccess(t.eastManager, t.PARTS, { 'rep-3': null }) })
      .then('REP_NOT_REGISTERED');
    given([region])
      .when({ ...command, access: { actor: command.access.actor } })
      .then('REP_NOT_REGISTERED');
  });
  it("is for the region's managers: a rep, finance, an analyst or another region's manager is refused", () => {
    given([region]).when(t.splitTarget(t.PARTS, t.westManager)).then('FORBIDDEN_SCOPE');
    given([]).when(t.splitTarget(t.PARTS, t.westManager)).then('FORBIDDEN_SCOPE');
    given([region]).when(t.splitTarget(t.PARTS, t.rep)).then('FORBIDDEN_SCOPE');
    given([region]).when(t.splitTarget(t.PARTS, t.finance)).then('TARGET_NOT_AUTHORIZED');
    given([region]).when(t.splitTarget(t.PARTS, t.analyst)).then('TARGET_NOT_AUTHORIZED');
    given([region])
      .when(t.splitTarget(t.PARTS, t.system))
      .then([t.targetSplit(t.PARTS, t.system)]);
  });
  it('is a no-op for the parts in force; other parts replace the split whole', () => {
    given([region, t.targetSplit()]).when(t.splitTarget()).then([]);
    const moved = [t.part(1, 90_000_000), t.part(2, 130_000_000), t.part(3, 80_000_000)];
    given([region, t.targetSplit()])
      .when(t.splitTarget(moved))
      .then([t.targetSplit(moved)]);
    const fewer = [t.part(1, 150_000_000), t.part(2, 150_000_000)];
    given([region, t.targetSplit()])
      .when(t.splitTarget(fewer))
      .then([t.targetSplit(fewer)]);
    const reordered = [t.PARTS[1], t.PARTS[0], t.PARTS[2]].flatMap((p) => (p === undefined ? [] : [p]));
    given([region, t.targetSplit()])
      .when(t.splitTarget(reordered))
      .then([t.targetSplit(reordered)]);
  });
  it("refuses a later change of one rep's part that breaks the sum: a part is changed by splitting again", () => {
    const raised = [t.part(1, 110_000_000), ...t.PARTS.slice(1)];
    given([region, t.targetSplit()]).when(t.splitTarget(raised)).then('TARGET_SPLIT_SUM_MISMATCH');
  });
  it("refuses once the period's last month is closed", () => {
    given([region])
      .when({ ...t.splitTarget(), periods: { closed: ['2026-04'], recordedOn: '2026-05-02' } })
      .then('PERIOD_CLOSED');
  });
});

describe('SplitSalesTarget schema', () => {
  const data = { month: '2026-04', region: 'east', parts: [{ repId: 'rep-1', amount: 1 }] };
  it('takes a period or a month, a region and at least one part of a positive amount', () => {
    expect(SplitSalesTarget.safeParse(data).success).toBe(true);
    expect(SplitSalesTarget.safeParse({ ...data, parts: [] }).success).toBe(false);
    expect(SplitSalesTarget.safeParse({ ...data, parts: [{ repId: 'rep-1', amount: 0 }] }).success).toBe(false);
    expect(SplitSalesTarget.safeParse({ ...data, period: '2026-Q2' }).success).toBe(false);
    expect(
      SplitSalesTarget.safeParse({ ...data, parts: [{ repId: 'rep-1', amount: 1, currency: 'CNY' }] }).success,
    ).toBe(false);
  });
});
