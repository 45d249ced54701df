import { commissionOn } from './calculate.js';
import { terms } from './testing.js';

// Hand-computed: tiers 2% from 0, 3% from 100%; accelerator 5% on the part above 120% of the target.
const plan = terms();

describe('commissionOn', () => {
  it('pays the first tier below target: 80,000.00 of 100,000.00 is 80%, 2% of it is 1,600.00', () => {
    expect(commissionOn(plan, 8_000_000, 10_000_000)).toEqual({
      attainmentBps: 8_000,
      tier: 0,
      rateBps: 200,
      commission: 160_000,
    });
  });
  it('pays the second tier on the whole base from 100%: 110,000.00 at 3% is 3,300.00', () => {
    expect(commissionOn(plan, 11_000_000, 10_000_000)).toEqual({
      attainmentBps: 11_000,
      tier: 1,
      rateBps: 300,
      commission: 330_000,
    });
  });
  it('pays the accelerator on the part above 120%: 120,000.00 at 3% + 30,000.00 at 5% = 3,600.00 + 1,500.00', () => {
    expect(commissionOn(plan, 15_000_000, 10_000_000)).toEqual({
      attainmentBps: 15_000,
      tier: 1,
      rateBps: 300,
      commission: 510_000,
    });
  });
  it('rounds attainment toward zero: 99.99% stays in the first tier', () => {
    expect(commissionOn(plan, 9_999_999, 10_000_000)).toMatchObject({ attainmentBps: 9_999, tier: 0 });
  });
  it('uses the first tier and no accelerator without a target', () => {
    expect(commissionOn(plan, 50_000_000, null)).toEqual({
      attainmentBps: null,
      tier: 0,
      rateBps: 200,
      commission: 1_000_000,
    });
    expect(commissionOn(plan, 50_000_000, 0)).toMatchObject({ attainmentBps: null, commission: 1_000_000 });
  });
  it('takes commission back on a negative base at the first tier, rounding half to even', () => {
    expect(commissionOn(plan, -12_345, 10_000_000)).toEqual({
      attainmentBps: -12,
      tier: 0,
      rateBps: 200,
      commission: -247,
    });
    expect(commissionOn({ tiers: [{ fromBps: 0, rateBps: 50 }], accelerators: [] }, 100, 1_000)).toMatchObject({
      commission: 0,
    });
  });
  it('stacks several accelerators, each on its own part', () => {
    const steep = {
      tiers: [{ fromBps: 0, rateBps: 100 }],
      accelerators: [
        { aboveBps: 10_000, rateBps: 200 },
        { aboveBps: 15_000, rateBps: 400 },
      ],
    };
    // 1,000 at 1% + 500 at 2% + 500 at 4% = 10 + 10 + 20
    expect(commissionOn(steep, 2_000, 1_000)).toMatchObject({ attainmentBps: 20_000, commission: 40 });
  });
});
