import { fold } from '../shared/decider.js';
import { deciderSpec } from '../testing/decider-spec.js';
import { commissionPlanDecider } from './decide.js';
import { versionInForce } from './state.js';
import * as t from './testing.js';

const given = deciderSpec(t.registeredCommissionPlanDecider);

describe('SetCommissionPlan', () => {
  it('sets the first version from the current or a later month', () => {
    given([]).when(t.setPlan()).then([t.versionSet()]);
    given([])
      .when(t.setPlan({ effectiveFrom: '2026-03' }))
      .then([t.versionSet({ effectiveFrom: '2026-03' })]);
  });
  it('never rewrites the past: a month before the current one is refused', () => {
    given([])
      .when(t.setPlan({ effectiveFrom: '2026-02' }))
      .then('COMMISSION_PLAN_MONTH_PAST');
  });
  it('adds a version from a later month, numbered on; earlier months keep theirs', () => {
    const next = { tiers: [{ fromBps: 0, rateBps: 250 }] };
    given([t.versionSet()])
      .when(t.setPlan({ effectiveFrom: '2026-06', ...next }))
      .then([t.versionSet({ version: 2, effectiveFrom: '2026-06', ...next })]);
  });
  it('replaces a version of the same month (not yet past); the same terms again are a no-op', () => {
    given([t.versionSet()]).when(t.setPlan()).then([]);
    given([t.versionSet()])
      .when(t.setPlan({ name: '华东 2026' }))
      .then([t.versionSet({ version: 2, name: '华东 2026', replaces: 1 })]);
  });
  it('refuses a month before the latest version: a plan changes forward only', () => {
    given([t.versionSet({ effectiveFrom: '2026-06' })])
      .when(t.setPlan({ effectiveFrom: '2026-05' }))
      .then('COMMISSION_PLAN_VERSION_LATER');
  });
  it('refuses a version of an ended plan', () => {
    given([t.versionSet(), t.planEnded('2026-07')])
      .when(t.setPlan({ effectiveFrom: '2026-08' }))
      .then('COMMISSION_PLAN_ENDED');
  });
  it('refuses a second plan over the same reps or regions while the first is in force, and allows it once the first ends', () => {
    const other = { planId: t.PLAN, version: 1 };
    const eastPlan = t.versionSet({ ...other, planId: 'east-old' as typeof t.PLAN });
    given([eastPlan]).when(t.setPlan()).then('COMMISSION_PLAN_OVERLAP');
    given([eastPlan])
      .when(t.setPlan({ covers: t.regions('west') }))
      .then([t.versionSet({ covers: t.regions('west') })]);
    given([
      eastPlan,
      {
        type: 'CommissionPlanEnded',
        data: { planId: eastPlan.data.planId, from: '2026-04', endedBy: t.salesManager.id, endedAt: t.at(1) },
      },
    ])
      .when(t.setPlan())
      .then([t.versionSet()]);
  });
  it('sees a later version of another plan that covers the same rep', () => {
    const later = t.versionSet({
      planId: 'vip' as typeof t.PLAN,
      effectiveFrom: '2026-09',
      covers: t.reps('rep-1', 'rep-2'),
    });
    given([later])
      .when(t.setPlan({ covers: t.reps('rep-2') }))
      .then('COMMISSION_PLAN_OVERLAP');
    // A plan naming a rep and a plan naming the rep's region may both be in force: the rep's own plan applies.
    given([later]).when(t.setPlan()).then([t.versionSet()]);
  });
  it('is for the sales manager and imports only: every other role gets the same refusal', () => {
    given([])
      .when(t.setPlan({}, t.system))
      .then([t.versionSet({ setBy: t.system.id })]);
    for (const who of [t.eastManager, t.rep, t.finance])
      given([t.versionSet()]).when(t.setPlan({}, who)).then('COMMISSION_PLAN_NOT_AUTHORIZED');
  });
  it('checks the register before anything else: a manager who left may not act', () => {
    const command = { ...t.setPlan(), access: { actor: { active: false, role: 'sales_manager' as const } } };
    given([]).when(command).then('ACTOR_NOT_REGISTERED');
  });
});

describe('EndCommissionPlan', () => {
  it('ends a plan from a month after its latest version; the same end again is a no-op', () => {
    given([t.versionSet()])
      .when(t.endPlan('2026-05'))
      .then([t.planEnded('2026-05')]);
    given([t.versionSet(), t.planEnded('2026-05')])
      .when(t.endPlan('2026-05'))
      .then([]);
  });
  it('refuses another end of an ended plan, an unknown plan, a past month and a month not after the latest version', () => {
    given([t.versionSet(), t.planEnded('2026-05')])
      .when(t.endPlan('2026-06'))
      .then('COMMISSION_PLAN_ENDED');
    given([]).when(t.endPlan('2026-05')).then('COMMISSION_PLAN_NOT_FOUND');
    given([t.versionSet({ effectiveFrom: '2026-03' })])
      .when(t.endPlan('2026-02'))
      .then('COMMISSION_PLAN_MONTH_PAST');
    given([t.versionSet()]).when(t.endPlan('2026-04')).then('COMMISSION_PLAN_VERSION_LATER');
  });
  it('is refused to a regional manager', () => {
    given([t.versionSet()]).when(t.endPlan('2026-05', t.eastManager)).then('COMMISSION_PLAN_NOT_AUTHORIZED');
  });
});

describe('the version in force', () => {
  it('is the latest version from on or before the month, none before the first or from the end on', () => {
    const state = fold(commissionPlanDecider, [
      t.versionSet(),
      t.versionSet({ version: 2, effectiveFrom: '2026-06', name: 'June' }),
      t.versionSet({ version: 3, effectiveFrom: '2026-06', name: 'June, corrected', replaces: 2 }),
      t.planEnded('2026-09'),
    ]);
    const plan = state.plans[t.PLAN];
    if (plan === undefined) throw new Error('the plan was set');
    expect(plan.lastVersion).toBe(3);
    expect(versionInForce(plan, '2026-03')).toBeNull();
    expect(versionInForce(plan, '2026-05')?.version).toBe(1);
    expect(versionInForce(plan, '2026-06')?.terms.name).toBe('June, corrected');
    expect(versionInForce(plan, '2026-08')?.version).toBe(3);
    expect(versionInForce(plan, '2026-09')).toBeNull();
  });
});
