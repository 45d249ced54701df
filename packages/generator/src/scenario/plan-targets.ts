import {
  periodMonths,
  targetDecider,
  targetStream,
  type ActorId,
  type TargetCommand,
  type TargetMeasure,
  type TargetPart,
} from '@salesbook/domain';
import { quarterOf } from '../calendar.js';
import { openStream } from '../engine.js';
import type { Random } from '../random.js';
import type { CustomerEntity, Sim } from '../sim.js';
import type { Region, Rep } from '../world.js';
import { meanOrderValue } from './order-lines.js';

/** Money targets in round amounts of 10,000 (minor units); customer counts in ones. */
const MONEY_UNIT = 1_000_000;
/** New customers registered per active customer and month (planMonth draws Poisson(0.015 x size)). */
const NEW_CUSTOMER_RATE = 0.015;

const expectedSales = (customers: readonly CustomerEntity[]): number =>
  customers.reduce((sum, c) => sum + c.ordersPerMonth * meanOrderValue(c.segment, c.region), 0);

const ownCustomers = (sim: Sim, rep: Rep): CustomerEntity[] =>
  sim.customers.filter((customer) => customer.rep === rep && customer.active);

/** A rep's weight in a split: their customers' expected sales, or 1 each. */
type Weight = { readonly repId: ActorId; readonly weight: number };

/**
 * `total` units split by `weights` with the largest remainders, so the parts sum to it exactly; reps whose share is
 * no whole unit get no part.
 */
export function splitByWeight(total: number, weights: readonly Weight[]): TargetPart[] {
  const sum = weights.reduce((s, w) => s + w.weight, 0);
  if (sum <= 0 || total <= 0) return [];
  const exact = weights.map((w) => ({ ...w, exact: (total * w.weight) / sum }));
  const parts = exact.map((w) => ({ repId: w.repId, units: Math.floor(w.exact), rest: w.exact - Math.floor(w.exact) }));
  let left = total - parts.reduce((s, p) => s + p.units, 0);
  for (const part of [...parts].sort((a, b) => b.rest - a.rest || a.repId.localeCompare(b.repId))) {
    if (left <= 0) break;
    part.units += 1;
    left -= 1;
  }
  return parts.filter((p) => p.units > 0).map((p) => ({ repId: p.repId, amount: p.units }));
}

const openedTargets = new WeakMap<Sim, Map<string, ReturnType<typeof openTarget>>>();
const openTarget = (name: string) => openStream('target', name, targetDecider);

/** The plan's target stream `name` of this run, opened once. */
function targetStreamOf(sim: Sim, name: string): ReturnType<typeof openTarget> {
  const opened = openedTargets.get(sim) ?? new Map<string, ReturnType<typeof openTarget>>();
  openedTargets.set(sim, opened);
  const stream = opened.get(name) ?? openTarget(name);
  opened.set(name, stream);
  return stream;
}

/** Sets a region's target (the sales manager) and splits it across its reps by `weights` (the regional manager). */
function planRegionTarget(
  sim: Sim,
  region: Region,
  target: { period: string; measure: TargetMeasure; units: number; unit: number },
  weights: readonly Weight[],
): void {
  const { period, measure, units, unit } = target;
  const parts = splitByWeight(units, weights).map((p) => ({ ...p, amount: p.amount * unit }));
  if (parts.length === 0) return;
  const stream = targetStreamOf(sim, targetStream(period, 'region', region.id, measure));
  // A target is planned once: a region whose history began late is not planned over again.
  if (stream.state.status !== 'none') return;
  const run = (command: TargetCommand): boolean =>
    sim.engine.run(stream, command, { correlationId: `plan-${period}` }).ok;
  const { salesManager } = sim.world.staff;
  const amount = units * unit;
  const data = { period, measure, scope: 'region' as const, scopeId: region.id, amount, currency: region.currency };
  if (!run({ type: 'SetSalesTarget', data, metadata: sim.engine.metadata(salesManager) })) return;
  run({
    type: 'SplitSalesTarget',
    data: { period, measure, region: region.id, parts },
    metadata: sim.engine.metadata(region.manager),
  });
}

/** Whether most of the region's active customers were registered before `month`: a plan needs a history to stand on. */
function hasHistory(sim: Sim, region: Region, month: string): boolean {
  const active = sim.customers.filter((c) => c.region === region && c.active);
  const before = active.filter((c) => c.stream.state.status !== 'none' && c.stream.state.registeredAt < `${month}-01`);
  return active.length > 0 && before.length * 2 >= active.length;
}

/** The months of `period` from `month` on: what is left to plan when the history starts inside it. */
const monthsLeft = (period: string, month: string): number => periodMonths(period).filter((m) => m >= month).length;

/**
 * The region plan of `month`, each target set by the sales manager and split across the region's reps by their
 * regional manager: at a quarter's start (or the history's first month) the quarter's booked target, in January (or
 * the first month) the year's, from the second month on the month's collected target, and at a quarter's start with
 * a history the quarter's new customers. Amounts follow the reps' customers' expected sales; the draws come from the
 * planning source's own fork per month, so the rest of the history is unchanged.
 */
export function setPlanTargets(sim: Sim, month: string): void {
  const random: Random = sim.planning.fork(`targets-${month}`);
  const quarter = quarterOf(month);
  const quarterStart = periodMonths(quarter)[0] === month;
  for (const region of sim.world.regions) {
    const history = hasHistory(sim, region, month);
    const sales = region.reps.map((rep) => ({ repId: rep.actor.id, weight: expectedSales(ownCustomers(sim, rep)) }));
    const monthly = sales.reduce((sum, rep) => sum + rep.weight, 0);
    const money = (months: number, low: number, spread: number): number =>
      Math.round((monthly * months * (low + random.next() * spread)) / MONEY_UNIT);
    const plan = (period: string, measure: TargetMeasure, units: number, weights = sales) =>
      planRegionTarget(
        sim,
        region,
        { period, measure, units, unit: measure === 'newCustomers' ? 1 : MONEY_UNIT },
        weights,
      );
    if (quarterStart || !history) plan(quarter, 'booked', money(monthsLeft(quarter, month), 0.8, 0.2));
    if (month.endsWith('-01') || !history)
      plan(month.slice(0, 4), 'booked', money(monthsLeft(month.slice(0, 4), month), 0.8, 0.2));
    if (!history) continue;
    plan(month, 'collected', money(1, 0.65, 0.2));
    if (!quarterStart) continue;
    const size = sim.customers.filter((c) => c.region === region && c.active).length;
    const newCustomers = Math.max(1, Math.round(size * NEW_CUSTOMER_RATE * 3 * (0.8 + random.next() * 0.4)));
    plan(
      quarter,
      'newCustomers',
      newCustomers,
      region.reps.map((rep) => ({ repId: rep.actor.id, weight: 1 })),
    );
  }
}
