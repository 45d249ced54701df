import type { ActivityBatch } from './activity.js';
import { dateOfMs, dayMs, HOUR_MS, monthOf, plusDays, plusMonths } from './calendar.js';
import { Engine } from './engine.js';
import { resolveOptions, type GeneratorOptions } from './options.js';
import { daysOf, planMonth } from './plan.js';
import { createRandom } from './random.js';
import { registerCustomer } from './scenario/customers.js';
import { planCatalogueChanges, registerCatalogue } from './scenario/catalogue.js';
import { enterPriceLists, planClearance } from './scenario/price-lists.js';
import { planPromotions } from './scenario/promotions.js';
import { planMarketResearch } from './scenario/market.js';
import { PricingBook } from './scenario/pricing.js';
import { planTraineeCareer, registerTeam } from './scenario/team.js';
import { Ids, type Sim } from './sim.js';
import { createWorld } from './world.js';

/** The end of the period: `start` plus `months` calendar months (same day of month, clamped), epoch ms. */
function endOf(start: string, months: number): number {
  const month = plusMonths(monthOf(start), months);
  const lastDay = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  return dayMs(`${month}-${String(Math.min(Number(start.slice(8, 10)), lastDay)).padStart(2, '0')}`);
}

/**
 * Generates a history of sales activity, lazily, one simulated day per batch, every event decided by the
 * domain's deciders (and the order -> receivable policy) from commands a sales department would issue:
 * customers registered, served and surveyed; orders placed, approved, amended, cancelled, shipped and
 * delivered; invoices paid on time, late, partly or never, chased, disputed, credited and written off;
 * complaints through their life cycle; monthly targets. Pure: no clock, no I/O; the seed fixes every choice.
 *
 * @example
 * for (const batch of generateActivity({ seed: 7, months: 3, events: 10_000 })) {
 *   for (const { streamName, events } of batch.commands) console.log(batch.date, streamName, events.length);
 * }
 */
export function* generateActivity(options: GeneratorOptions): Generator<ActivityBatch, void, undefined> {
  const settings = resolveOptions(options);
  const random = createRandom(settings.seed);
  const tag = `${settings.idPrefix}g${(settings.seed >>> 0).toString(36)}`;
  const engine = new Engine(random, tag, settings.events, settings.validateCommands);
  const world = createWorld(settings.repsPerRegion, settings.idPrefix);
  const endMs = endOf(settings.start, settings.months);
  const sim: Sim = {
    engine,
    random,
    voice: createRandom((settings.seed ^ 0x766f6963) >>> 0),
    world,
    ids: new Ids(settings.idPrefix),
    customers: [],
    products: new Map(),
    pricing: new PricingBook(),
    forecasts: new Map(),
    planning: random.fork('planning'),
    pipeline: random.fork('pipeline'),
    prefix: settings.idPrefix,
    endMs,
  };
  const startMs = dayMs(settings.start);
  const firstDay = daysOf(sim, monthOf(settings.start), startMs)[0] ?? settings.start;
  const load = new Map<string, number>();
  // The team is on the register from the first business day, before anyone acts; the starting roster of
  // customers is registered that morning, the month planned right after.
  engine.at(dayMs(firstDay) + HOUR_MS / 2, () => {
    registerTeam(sim, firstDay);
    registerCatalogue(sim, firstDay);
    enterPriceLists(sim, firstDay);
  });
  planTraineeCareer(sim, plusDays(firstDay, 7));
  planCatalogueChanges(sim, firstDay);
  planClearance(sim, firstDay);
  planPromotions(sim, firstDay);
  planMarketResearch(sim, firstDay, settings.months);
  const morning = dayMs(firstDay) + HOUR_MS;
  for (let n = 0; n < settings.customers; n += 1) {
    const region = world.regions[n % world.regions.length];
    if (region !== undefined)
      registerCustomer(sim, region, morning + Math.floor((n * 90 * 60_000) / settings.customers), load);
  }
  engine.at(morning + 91 * 60_000, () => planMonth(sim, monthOf(settings.start), load));
  let day: string | undefined;
  for (
    let next = engine.agenda.pop();
    next !== undefined && next.at < endMs && !engine.full;
    next = engine.agenda.pop()
  ) {
    const date = dateOfMs(next.at);
    if (day !== undefined && date !== day) {
      const commands = engine.takeRecorded();
      if (commands.length > 0) yield { date: day, commands };
    }
    day = date;
    engine.now = next.at;
    next.run();
  }
  const rest = engine.takeRecorded();
  if (day !== undefined && rest.length > 0) yield { date: day, commands: rest };
}
