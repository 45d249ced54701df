import { targetDecider, targetStream, type Actor, type TargetCommand } from '@salesbook/domain';
import { openStream } from '../engine.js';
import { onDate, type CustomerEntity, type Sim } from '../sim.js';
import type { Region } from '../world.js';
import { meanOrderValue } from './order-lines.js';

const ROUND = 1_000_000;

/** Expected monthly sales of some customers, in their region's minor units. */
const expectedSales = (customers: readonly CustomerEntity[]): number =>
  customers.reduce(
    (sum, customer) => sum + customer.ordersPerMonth * meanOrderValue(customer.segment, customer.region),
    0,
  );

/** Sets one target (and, now and then, revises it mid-month with a reason). */
function setTarget(
  sim: Sim,
  month: string,
  scope: 'rep' | 'region',
  scopeId: string,
  region: Region,
  amount: number,
  by: Actor,
  reviseOn: string,
): void {
  const stream = openStream('target', targetStream(month, scope, scopeId), targetDecider);
  const key = { month, scope, scopeId };
  const data = { ...key, ...(scope === 'rep' ? { region: region.id } : {}), amount, currency: region.currency };
  const run = (command: TargetCommand): boolean =>
    sim.engine.run(stream, command, { correlationId: `targets-${month}` }).ok;
  if (!run({ type: 'SetSalesTarget', data, metadata: sim.engine.metadata(by) }) || !sim.random.chance(0.08)) return;
  const revised = Math.max(ROUND, Math.round((amount * (0.85 + sim.random.next() * 0.25)) / ROUND) * ROUND);
  sim.engine.at(onDate(sim, reviseOn), () =>
    run({
      type: 'ReviseSalesTarget',
      data: { ...key, amount: revised, reason: 'Market conditions changed' },
      metadata: sim.engine.metadata(by),
    }),
  );
}

/**
 * The month's targets, set now: each rep's by the regional manager (the rep's customers' expected sales,
 * give or take) and each region's by the sales manager (a little above the sum of its reps').
 */
export function setMonthlyTargets(sim: Sim, month: string, reviseOn: string): void {
  for (const region of sim.world.regions) {
    let regionTotal = 0;
    for (const rep of region.reps) {
      const own = sim.customers.filter((customer) => customer.rep === rep && customer.active);
      const amount = Math.max(
        ROUND,
        Math.round((expectedSales(own) * (0.9 + sim.random.next() * 0.3)) / ROUND) * ROUND,
      );
      regionTotal += amount;
      setTarget(sim, month, 'rep', rep.actor.id, region, amount, region.manager, reviseOn);
    }
    const regional = Math.round((regionTotal * (1 + sim.random.next() * 0.1)) / ROUND) * ROUND;
    setTarget(
      sim,
      month,
      'region',
      region.id,
      region,
      Math.max(ROUND, regional),
      sim.world.staff.salesManager,
      reviseOn,
    );
  }
}
