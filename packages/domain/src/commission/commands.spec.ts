import { EndCommissionPlan, SetCommissionPlan } from './commands.js';
import { terms } from './testing.js';

const messages = (result: { error?: { issues: readonly { message: string }[] } }) =>
  result.error?.issues.map((issue) => issue.message) ?? [];
const plan = (overrides: Record<string, unknown> = {}) => ({
  planId: 'east-2026',
  effectiveFrom: '2026-04',
  ...terms(),
  ...overrides,
});

describe('commission plan commands', () => {
  it('take a plan with accelerators defaulting to none', () => {
    const { accelerators: _none, ...withoutAccelerators } = plan();
    expect(SetCommissionPlan.parse(withoutAccelerators).accelerators).toEqual([]);
  });
  it('need tiers starting at 0 and rising, with rates in basis points', () => {
    expect(messages(SetCommissionPlan.safeParse(plan({ tiers: [] })))).toEqual([
      'a plan needs at least one tier',
      'the first tier starts at 0',
    ]);
    expect(messages(SetCommissionPlan.safeParse(plan({ tiers: [{ fromBps: 500, rateBps: 100 }] })))).toEqual([
      'the first tier starts at 0',
    ]);
    expect(
      messages(
        SetCommissionPlan.safeParse(
          plan({
            tiers: [
              { fromBps: 0, rateBps: 100 },
              { fromBps: 0, rateBps: 200 },
            ],
          }),
        ),
      ),
    ).toEqual(['tiers must start at rising attainments']);
    expect(SetCommissionPlan.safeParse(plan({ tiers: [{ fromBps: 0, rateBps: 10_001 }] })).success).toBe(false);
    expect(SetCommissionPlan.safeParse(plan({ tiers: [{ fromBps: 0, rateBps: 1.5 }] })).success).toBe(false);
  });
  it('need accelerators from 100% on, rising', () => {
    expect(messages(SetCommissionPlan.safeParse(plan({ accelerators: [{ aboveBps: 9_000, rateBps: 500 }] })))).toEqual([
      'an accelerator starts at 10000 (100%) or above',
    ]);
    expect(
      messages(
        SetCommissionPlan.safeParse(
          plan({
            accelerators: [
              { aboveBps: 12_000, rateBps: 500 },
              { aboveBps: 11_000, rateBps: 600 },
            ],
          }),
        ),
      ),
    ).toEqual(['accelerators must start at rising attainments']);
  });
  it('need someone covered, once each, a month, a known currency and no unknown field', () => {
    expect(messages(SetCommissionPlan.safeParse(plan({ covers: { kind: 'reps', ids: [] } })))).toEqual([
      'name at least one rep',
    ]);
    expect(messages(SetCommissionPlan.safeParse(plan({ covers: { kind: 'regions', ids: ['east', 'east'] } })))).toEqual(
      ['regions must not repeat'],
    );
    expect(SetCommissionPlan.safeParse(plan({ covers: { kind: 'teams', ids: ['a'] } })).success).toBe(false);
    expect(SetCommissionPlan.safeParse(plan({ effectiveFrom: '2026-13' })).success).toBe(false);
    expect(SetCommissionPlan.safeParse(plan({ currency: 'XXX1' })).success).toBe(false);
    expect(SetCommissionPlan.safeParse(plan({ bonus: 1 })).success).toBe(false);
    expect(messages(SetCommissionPlan.safeParse(plan({ name: '  ' })))).toEqual(['name must not be empty']);
  });
  it('end a plan from a month', () => {
    expect(EndCommissionPlan.safeParse({ planId: 'east-2026', from: '2026-05' }).success).toBe(true);
    expect(EndCommissionPlan.safeParse({ planId: 'east-2026', from: '2026-5' }).success).toBe(false);
  });
});
