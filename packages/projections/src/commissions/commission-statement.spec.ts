import { clawbacksOf, planFor, shareOf, type MonthFigures } from './commission-statement.js';
import type { CommissionLineRow, CommissionPlanRow } from './commissions.projection.js';

const terms = (covers: object, rateBps: number, clawback = { writeOffs: true, creditNotes: true }) =>
  JSON.stringify({ name: 'p', covers, currency: 'CNY', tiers: [{ fromBps: 0, rateBps }], accelerators: [], clawback });
const row = (
  plan_id: string,
  effective_from: string,
  terms: string | null,
  version: number | null = 1,
): CommissionPlanRow => ({ plan_id, effective_from, version, terms });

describe('the plan in force', () => {
  const plans = [
    row('east', '2026-01', terms({ kind: 'regions', ids: ['east'] }, 200)),
    row('east', '2026-03', terms({ kind: 'regions', ids: ['east'] }, 250), 2),
    row('vip', '2026-02', terms({ kind: 'reps', ids: ['rep-1'] }, 1_000)),
    row('vip', '2026-04', null, null),
  ];
  it("is a plan naming the rep before one naming the rep's region, each at its version of the month, none once ended", () => {
    expect(planFor(plans, 'rep-1', 'east', '2026-01')).toMatchObject({ planId: 'east', version: 1 });
    expect(planFor(plans, 'rep-1', 'east', '2026-02')).toMatchObject({ planId: 'vip', version: 1 });
    expect(planFor(plans, 'rep-2', 'east', '2026-03')).toMatchObject({
      planId: 'east',
      version: 2,
      terms: { tiers: [{ fromBps: 0, rateBps: 250 }] },
    });
    expect(planFor(plans, 'rep-1', 'east', '2026-04')).toMatchObject({ planId: 'east', version: 2 });
    expect(planFor(plans, 'rep-3', 'west', '2026-03')).toBeNull();
    expect(planFor(plans, 'rep-1', 'east', '2025-12')).toBeNull();
  });
});

describe('clawbacks on one receivable', () => {
  let revision = 0;
  const line = (kind: string, amount: number, month: string): CommissionLineRow => ({
    stream_name: 'receivable-r1',
    revision: (revision += 1),
    event_type: kind,
    kind,
    receivable_id: 'r1',
    order_id: 'o1',
    rep_id: 'rep-1',
    region: 'east',
    currency: 'CNY',
    amount,
    dated_on: `${month}-10`,
    counted_on: `${month}-10`,
    month,
  });
  // January: base 10,000, commission 300 (3%); February: base 4,000, commission 80 (2%); March: credit notes clawed back.
  const figures = (month: string, creditNotes = true): MonthFigures | null => {
    const plan = {
      planId: 'east',
      version: 1,
      terms: JSON.parse(terms({ kind: 'regions', ids: ['east'] }, 200, { writeOffs: false, creditNotes })),
    };
    if (month === '2026-01')
      return {
        repId: 'rep-1',
        region: 'east',
        plan,
        base: 10_000,
        target: null,
        figures: { attainmentBps: null, tier: 0, rateBps: 300, commission: 300 },
      };
    if (month === '2026-02')
      return {
        repId: 'rep-1',
        region: 'east',
        plan,
        base: 4_000,
        target: null,
        figures: { attainmentBps: null, tier: 0, rateBps: 200, commission: 80 },
      };
    return {
      repId: 'rep-1',
      region: 'east',
      plan,
      base: 0,
      target: null,
      figures: { attainmentBps: null, tier: 0, rateBps: 200, commission: 0 },
    };
  };

  it('takes back the share of what was paid that each reduction removes, never more than was paid', () => {
    const paidJan = line('payment', 5_000, '2026-01'); // share 5,000 x 300 / 10,000 = 150
    const paidFeb = line('payment', 1_000, '2026-02'); // share 1,000 x 80 / 4,000 = 20
    const credit = line('credit_note', 1_200, '2026-03'); // 1,200 of 6,000 paid: 170 x 1,200 / 6,000 = 34
    const writeOff = line('write_off', 9_000, '2026-03'); // this plan does not claw back write-offs
    const credit2 = line('credit_note', 9_000, '2026-03'); // the 4,800 left: 136, all of it
    const credit3 = line('credit_note', 500, '2026-03'); // nothing left to take back
    const result = clawbacksOf([paidJan, paidFeb, credit, writeOff, credit2, credit3], (_rep, month) => figures(month));
    expect([...result.entries()]).toEqual([
      [credit.revision, { clawedBase: 1_200, clawback: 34 }],
      [credit2.revision, { clawedBase: 4_800, clawback: 136 }],
    ]);
    expect(shareOf(paidJan, figures('2026-01'))).toBe(150);
    expect(shareOf(credit, figures('2026-03'))).toBeNull();
    expect(shareOf(line('payment', 100, '2026-03'), figures('2026-03'))).toBe(0);
  });

  it('takes nothing back where the plan of the month does not claw credit notes back', () => {
    const lines = [line('payment', 5_000, '2026-01'), line('credit_note', 1_000, '2026-03')];
    expect(clawbacksOf(lines, (_rep, month) => figures(month, false)).size).toBe(0);
  });
});
