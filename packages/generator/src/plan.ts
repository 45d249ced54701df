import { businessDaysOf, dayMs, officeInstant, plusDays, plusMonths, quarterOf } from './calendar.js';
import { fileComplaint } from './scenario/complaints.js';
import { planCustomerCare, registerCustomer } from './scenario/customers.js';
import { placeOrder } from './scenario/orders.js';
import { runQuarterlySurvey } from './scenario/surveys.js';
import { reviewQuarter, type QuarterAnswer } from './scenario/actions.js';
import { setMonthlyTargets } from './scenario/targets.js';
import { setPlanTargets } from './scenario/plan-targets.js';
import { submitForecasts } from './scenario/forecasts.js';
import { planOpportunities } from './scenario/opportunities.js';
import type { Sim } from './sim.js';

const GENERAL_COMPLAINTS = ['service', 'billing', 'other'] as const;

/** The business days of `month` inside the simulated period, from `fromMs` on. */
export function daysOf(sim: Sim, month: string, fromMs: number): string[] {
  return businessDaysOf(month).filter((day) => dayMs(day) + 86_400_000 > fromMs && dayMs(day) < sim.endMs);
}

/**
 * Plans a month at its start: targets, new customers, each active customer's orders and account care, the
 * odd complaint not about an order, and the quarterly survey in a quarter's last month (and the managers' review of
 * its answers, which may open improvement actions). Then schedules the
 * next month's planning.
 */
export function planMonth(sim: Sim, month: string, load: Map<string, number>): void {
  const days = daysOf(sim, month, sim.engine.now);
  const first = days[0];
  if (first === undefined) return;
  const { random, engine } = sim;
  setMonthlyTargets(sim, month, days[Math.min(9, days.length - 1)] ?? first);
  setPlanTargets(sim, month);
  submitForecasts(sim, month, days[Math.min(2, days.length - 1)] ?? first);
  planOpportunities(sim, days);
  const instant = (): number => officeInstant(random, random.pick(days));
  for (const region of sim.world.regions) {
    const size = sim.customers.filter((customer) => customer.region === region && customer.active).length;
    for (let n = random.poisson(size * 0.015); n > 0; n -= 1) registerCustomer(sim, region, instant(), load);
  }
  for (const customer of sim.customers) {
    if (!customer.active) continue;
    for (let n = random.poisson(customer.ordersPerMonth); n > 0; n -= 1) placeOrder(sim, customer, instant());
    planCustomerCare(sim, customer, days);
    if (random.chance(0.008)) {
      const category = random.pick(GENERAL_COMPLAINTS);
      engine.at(instant(), () => fileComplaint(sim, customer, category));
    }
  }
  if (Number(month.slice(5, 7)) % 3 === 0) {
    const sendOn = days[Math.min(4, days.length - 1)] ?? first;
    const responseDays = [...days.filter((day) => day >= sendOn), ...daysOf(sim, plusMonths(month, 1), 0)].slice(0, 15);
    const answers: QuarterAnswer[] = [];
    engine.at(officeInstant(random, sendOn), () =>
      runQuarterlySurvey(sim, month, quarterOf(month), responseDays, answers),
    );
    // Managers review the answers a few days after the last ones come in (from the voice source: see Sim.voice).
    const reviewAt = officeInstant(sim.voice, plusDays(responseDays[responseDays.length - 1] ?? sendOn, 4));
    if (reviewAt < sim.endMs) engine.at(reviewAt, () => reviewQuarter(sim, month, quarterOf(month), answers));
  }
  const next = plusMonths(month, 1);
  const nextStart = dayMs(`${next}-01`);
  if (nextStart < sim.endMs) engine.at(nextStart, () => planMonth(sim, next, load));
}
