import { forecastDecider, forecastStream, type ForecastCommand } from '@salesbook/domain';
import { officeInstantAfter, plusMonths } from '../calendar.js';
import { openStream } from '../engine.js';
import type { ForecastStream, Sim } from '../sim.js';
import type { Rep } from '../world.js';
import { meanOrderValue } from './order-lines.js';

/** Months ahead each rep forecasts every month: enough for the accuracy report's lag of 1 and of 3 months. */
const AHEAD = 4;
const ROUND = 100_000;
const round = (amount: number): number => Math.max(ROUND, Math.round(amount / ROUND) * ROUND);

/** The rep's forecast stream, opened on their first submission. */
function streamOf(sim: Sim, rep: Rep): ForecastStream {
  const stream =
    sim.forecasts.get(rep.actor.id) ?? openStream('forecast', forecastStream(rep.actor.id), forecastDecider);
  sim.forecasts.set(rep.actor.id, stream);
  return stream;
}

/**
 * Each rep's forecast of the next four months, submitted on `day` (their own customers' expected sales: commit 70-90%
 * of it, best case 15-35% above commit), and now and then the regional manager's adjustment of next month's right
 * after. Drawn from `sim.planning`, so the rest of the history stays what it was without forecasts.
 */
export function submitForecasts(sim: Sim, month: string, day: string): void {
  const random = sim.planning;
  for (const region of sim.world.regions) {
    for (const rep of region.reps) {
      const expected = sim.customers
        .filter((customer) => customer.rep === rep && customer.active)
        .reduce((sum, customer) => sum + customer.ordersPerMonth * meanOrderValue(customer.segment, region), 0);
      const figures = Array.from({ length: AHEAD }, (_, i) => {
        const commit = round(expected * (0.7 + random.next() * 0.2));
        return { month: plusMonths(month, i + 1), commit, bestCase: round(commit * (1.15 + random.next() * 0.2)) };
      });
      const adjust = random.chance(0.1) ? 0.85 + random.next() * 0.1 : null;
      // The instant from `planning` too: `onDate` would draw from the main source.
      sim.engine.at(officeInstantAfter(random, day, 0), () => {
        const stream = streamOf(sim, rep);
        const run = (command: ForecastCommand): boolean =>
          sim.engine.run(stream, command, { correlationId: `forecasts-${month}-${rep.actor.id}` }).ok;
        const base = { repId: rep.actor.id, currency: region.currency };
        for (const { month: ahead, commit, bestCase } of figures)
          run({
            type: 'SubmitForecast',
            data: { ...base, month: ahead, commit, bestCase },
            metadata: sim.engine.metadata(rep.actor),
          });
        const next = figures[0];
        if (adjust === null || next === undefined) return;
        const commit = round(next.commit * adjust);
        const data = {
          ...base,
          month: next.month,
          commit,
          bestCase: Math.max(commit, round(next.bestCase * adjust)),
          reason: 'Two deals slipped to the month after',
        };
        run({ type: 'AdjustForecast', data, metadata: sim.engine.metadata(region.manager) });
      });
    }
  }
}
