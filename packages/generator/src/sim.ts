import type {
  CustomerCommand,
  CustomerEvent,
  CustomerId,
  CustomerState,
  ForecastCommand,
  ForecastEvent,
  ForecastState,
  IsoDate,
  OpportunityCommand,
  OpportunityEvent,
  OpportunityState,
  ProductCommand,
  ProductEvent,
  ProductState,
  Segment,
} from '@salesbook/domain';
import { dateOfMs, DAY_MS, HOUR_MS, officeInstantAfter } from './calendar.js';

const OFFICE_END_MS = 10 * HOUR_MS;
import type { Engine, StreamHandle } from './engine.js';
import type { PricingBook } from './scenario/pricing.js';
import type { Random } from './random.js';
import type { Region, Rep, World } from './world.js';

/** How a customer pays its invoices; drawn once at registration so each customer behaves consistently. */
export type PayerProfile = 'punctual' | 'late' | 'partial' | 'defaulter';

/** A customer as the simulation knows it, beside its stream. */
export interface CustomerEntity {
  readonly id: CustomerId;
  readonly stream: StreamHandle<CustomerCommand, CustomerEvent, CustomerState>;
  readonly region: Region;
  /** The owner rep now (reassignment changes it). */
  rep: Rep;
  readonly segment: Segment;
  readonly payer: PayerProfile;
  /** Mean orders per month. */
  readonly ordersPerMonth: number;
  /** Latent satisfaction in [-1, 1]: late deliveries and complaints lower it; surveys read it. */
  mood: number;
  /** Open receivables in the region's currency, what the credit check adds the order to. */
  outstanding: number;
  /** False once deactivation was decided (or is scheduled: no new orders are planned then). */
  active: boolean;
  /** The business date of the customer's last order placed, which a survey campaign's population reads. */
  lastOrderOn?: IsoDate;
}

/** Sequential ids per kind, with the run's prefix: `C000001`, `O0000001`, ... */
export class Ids {
  private readonly counters = new Map<string, number>();
  constructor(private readonly prefix: string) {}

  /** The next id of `kind`, zero-padded to `width` digits. */
  next(kind: string, width: number): string {
    const n = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, n);
    return `${this.prefix}${kind}${String(n).padStart(width, '0')}`;
  }
}

/** Everything a scenario needs: the engine (clock, agenda, deciding), randomness, the world and the customers. */
export interface Sim {
  readonly engine: Engine;
  readonly random: Random;
  /**
   * A second seeded source for customer-voice choices (detractors recovered, improvement actions): drawing from it
   * leaves the main stream, and so every other choice of a run, as it was.
   */
  readonly voice: Random;
  readonly world: World;
  readonly ids: Ids;
  readonly customers: CustomerEntity[];
  /** The product streams of the catalogue, by sku (scenario/catalogue.ts). */
  readonly products: Map<string, StreamHandle<ProductCommand, ProductEvent, ProductState>>;
  /** The price lists, promotions and budgets spent that orders are priced with (scenario/pricing.ts). */
  readonly pricing: PricingBook;
  /** The reps' forecast streams, by rep id (scenario/forecasts.ts). */
  readonly forecasts: Map<string, ForecastStream>;
  /**
   * A second seeded source for what was added to the history later (forecasts): drawing from it leaves every draw
   * of `random`, and so the rest of the history, as it was.
   */
  readonly planning: Random;
  /**
   * The seeded source of the sales pipeline (opportunities, quotations and the orders won from them), forked from the
   * main one so that adding the pipeline left every draw of `random` as it was.
   */
  readonly pipeline: Random;
  /** Prefix of every id the run makes (customers, orders, actors, surveys). */
  readonly prefix: string;
  /** The end of the simulated period (exclusive), epoch ms. */
  readonly endMs: number;
}

/** A rep's forecast stream. */
export type ForecastStream = StreamHandle<ForecastCommand, ForecastEvent, ForecastState>;

/** An opportunity's stream (scenario/opportunities.ts). */
export type OpportunityStream = StreamHandle<OpportunityCommand, OpportunityEvent, OpportunityState>;

/** The business date of the running action. */
export const today = (sim: Sim): IsoDate => dateOfMs(sim.engine.now);

/** An instant `min` to `max` hours after now (whole minutes). */
export const hoursLater = (sim: Sim, min: number, max: number): number =>
  sim.engine.now + Math.round((min + sim.random.next() * (max - min)) * 60) * 60_000 + 60_000;

/**
 * `min` to `max` hours after now while today's office hours last, else an office instant of the next
 * business day: acts that carry a business date (shipments, payments) keep to office hours.
 */
export function officeHoursLater(sim: Sim, min: number, max: number): number {
  const at = hoursLater(sim, min, max);
  return dateOfMs(at) === today(sim) && at % DAY_MS < OFFICE_END_MS
    ? at
    : officeInstantAfter(sim.random, today(sim), 1);
}

/** An office-hours instant `count` business days after today; the same day is pushed past now. */
export function businessDaysLater(sim: Sim, count: number): number {
  const at = officeInstantAfter(sim.random, today(sim), count);
  return at > sim.engine.now ? at : sim.engine.now + sim.random.int(5, 90) * 60_000;
}

/** An office-hours instant on `date` (or the next business day), never before now. */
export function onDate(sim: Sim, date: IsoDate): number {
  const at = officeInstantAfter(sim.random, date, 0);
  return at > sim.engine.now ? at : sim.engine.now + sim.random.int(5, 90) * 60_000;
}

/** The hour in milliseconds, re-exported for scenarios. */
export const HOUR = HOUR_MS;
