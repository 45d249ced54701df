import type { IsoDate } from '@salesbook/domain';

/**
 * Settings of a generated history. Only `seed` is required; the same options always give the same
 * events, byte for byte.
 */
export interface GeneratorOptions {
  /** Seeds every choice (32-bit integer). */
  readonly seed: number;
  /** First day of the history, `YYYY-MM-DD` (default `2025-01-01`). */
  readonly start?: IsoDate;
  /** Length of the history in calendar months from `start` (default 12). */
  readonly months?: number;
  /**
   * Stop after exactly this many events (unless the period ends first). Without `customers`, the number of
   * customers is sized so that the period holds about this many events.
   */
  readonly events?: number;
  /** Customers registered on the first business day (default: sized from `events`, else 120). */
  readonly customers?: number;
  /** Prefix of every id the run makes, so several runs can share one store (default none). */
  readonly idPrefix?: string;
  /** Check every command's data against the domain's command schemas, as the API would (default true). */
  readonly validateCommands?: boolean;
}

/** The options with defaults applied and the derived sizes. */
export interface ResolvedOptions {
  readonly seed: number;
  readonly start: IsoDate;
  readonly months: number;
  readonly events: number;
  readonly customers: number;
  readonly repsPerRegion: number;
  readonly idPrefix: string;
  readonly validateCommands: boolean;
}

/** Events a customer brings per month on average (orders, invoices, payments, care, complaints, surveys, targets). */
export const EVENTS_PER_CUSTOMER_MONTH = 16;
const REGIONS = 6;
const RAMP_UP_MONTHS = 0.8;
const CUSTOMERS_PER_REP = 30;

/** Applies defaults and checks the options; throws a RangeError naming a bad option. */
export function resolveOptions(options: GeneratorOptions): ResolvedOptions {
  const { seed, start = '2025-01-01', months = 12, events, idPrefix = '', validateCommands = true } = options;
  if (!Number.isInteger(seed)) throw new RangeError('seed must be an integer');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start) || Number.isNaN(Date.parse(`${start}T00:00:00Z`)))
    throw new RangeError('start must be a date YYYY-MM-DD');
  if (!Number.isInteger(months) || months < 1 || months > 240)
    throw new RangeError('months must be a whole number from 1 to 240');
  if (events !== undefined && (!Number.isInteger(events) || events < 1))
    throw new RangeError('events must be a positive whole number');
  if (!/^[A-Za-z0-9._-]{0,16}$/.test(idPrefix))
    throw new RangeError('idPrefix must be at most 16 letters, digits, ".", "_" or "-"');
  // A little more activity than needed, so the budget (not the calendar) ends the history. The first month is
  // quieter (no invoices falling due yet), hence the ramp-up.
  const sized =
    events === undefined
      ? 120
      : Math.ceil((events * 1.3) / (Math.max(0.6, months - RAMP_UP_MONTHS) * EVENTS_PER_CUSTOMER_MONTH));
  const customers = Math.max(REGIONS * 4, options.customers ?? sized);
  if (!Number.isInteger(customers) || customers > 1_000_000)
    throw new RangeError('customers must be a whole number up to 1000000');
  const repsPerRegion = Math.max(2, Math.round(customers / REGIONS / CUSTOMERS_PER_REP));
  return {
    seed,
    start,
    months,
    events: events ?? Number.POSITIVE_INFINITY,
    customers,
    repsPerRegion,
    idPrefix,
    validateCommands,
  };
}
