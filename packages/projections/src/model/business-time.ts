import { addDays } from '@salesbook/domain';

/**
 * Business time: reports bucket events by `occurredAt` in a configured zone (docs/reports.md),
 * so an order confirmed at 2026-03-31T16:30:00Z counts on 2026-04-01 in Shanghai.
 */

/** The default business time zone (`SALESBOOK_TIMEZONE`). */
export const DEFAULT_BUSINESS_ZONE = 'Asia/Shanghai';

const formatters = new Map<string, Intl.DateTimeFormat>();

const formatterFor = (zone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    // Throws a RangeError for an unknown zone: configuration errors surface at start-up.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
};

/** Whether `zone` is an IANA time zone this runtime knows. */
export function isValidTimeZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

const parseInstant = (instant: string): Date => {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) throw new RangeError(`"${instant}" is not an ISO 8601 instant`);
  return date;
};

/** The calendar date of `date` in `zone` from the time-zone database (the slow path of {@link businessDate}). */
function formattedDate(date: Date, zone: string): string {
  const parts = formatterFor(zone).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  const year = part('year').padStart(4, '0');
  return `${year}-${part('month')}-${part('day')}`;
}

const HOUR = 3_600_000;
/** Hours kept per zone; past it the cache starts again (a replay walks forward through time). */
const HOURS_KEPT = 20_000;
const FIRST_FAST = Date.UTC(1000, 0, 1);
const LAST_FAST = Date.UTC(9999, 11, 31);
/** Per zone, per UTC hour: the zone's offset through that whole hour, or null when it changes inside the hour. */
const hourOffsets = new Map<string, Map<number, number | null>>();

// A replay asks the date of every event for several projections, and formatting is most of that cost; an offset
// changes a few times a year, so one that is the same at both ends of an hour holds for the whole hour.
function offsetThroughHour(ms: number, zone: string): number | null {
  let hours = hourOffsets.get(zone);
  if (hours === undefined) {
    hours = new Map();
    hourOffsets.set(zone, hours);
  }
  const hour = Math.floor(ms / HOUR);
  let offset = hours.get(hour);
  if (offset === undefined) {
    const start = offsetAt(hour * HOUR, zone);
    offset = start === offsetAt(hour * HOUR + HOUR - 1, zone) ? start : null;
    if (hours.size >= HOURS_KEPT) hours.clear();
    hours.set(hour, offset);
  }
  return offset;
}

/**
 * The calendar date (`YYYY-MM-DD`) of `instant` in `zone`.
 * @example businessDate('2026-03-31T16:30:00Z', 'Asia/Shanghai') // '2026-04-01'
 */
export function businessDate(instant: string, zone: string = DEFAULT_BUSINESS_ZONE): string {
  const date = parseInstant(instant);
  const ms = date.getTime();
  const offset = ms >= FIRST_FAST && ms <= LAST_FAST ? offsetThroughHour(ms, zone) : null;
  if (offset === null) return formattedDate(date, zone);
  // The wall clock's date there is the UTC date of the instant moved by the offset.
  return new Date(ms + offset).toISOString().slice(0, 10);
}

/**
 * The calendar month (`YYYY-MM`) of `instant` in `zone`.
 * @example businessMonth('2026-03-31T16:30:00Z', 'Asia/Shanghai') // '2026-04'
 */
export const businessMonth = (instant: string, zone: string = DEFAULT_BUSINESS_ZONE): string =>
  businessDate(instant, zone).slice(0, 7);

const clockFormatters = new Map<string, Intl.DateTimeFormat>();

// Making a formatter costs far more than using one: alert queries ask for many day starts.
const clockFormatterFor = (zone: string): Intl.DateTimeFormat => {
  let formatter = clockFormatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    clockFormatters.set(zone, formatter);
  }
  return formatter;
};

/** The offset (ms) of `zone` from UTC at `instant`: wall clock there minus UTC. */
function offsetAt(instant: number, zone: string): number {
  const parts = clockFormatterFor(zone).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return (
    Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')) -
    Math.floor(instant / 1000) * 1000
  );
}

/**
 * The instant (epoch ms) of `hour`:00 on business date `date` in `zone`.
 * @example businessInstantOf('2026-04-01', 'Asia/Shanghai', 12) // Date.parse('2026-04-01T04:00:00Z')
 */
export function businessInstantOf(date: string, zone: string = DEFAULT_BUSINESS_ZONE, hour = 0): number {
  const wall = Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);
  const guess = wall - offsetAt(wall, zone);
  // A second pass corrects a guess that crossed an offset change.
  return wall - offsetAt(guess, zone);
}

/**
 * The first instant (epoch ms) of business date `date` in `zone`.
 * @example startOfBusinessDate('2026-04-01', 'Asia/Shanghai') // Date.parse('2026-03-31T16:00:00Z')
 */
export const startOfBusinessDate = (date: string, zone: string = DEFAULT_BUSINESS_ZONE): number =>
  businessInstantOf(date, zone, 0);

/**
 * The last millisecond of business date `date` in `zone`, ISO 8601 UTC: "as of 31 March" is everything up to its end.
 * @example endOfBusinessDate('2026-03-31', 'Asia/Shanghai') // '2026-03-31T15:59:59.999Z'
 */
export const endOfBusinessDate = (date: string, zone: string = DEFAULT_BUSINESS_ZONE): string =>
  new Date(startOfBusinessDate(addDays(date, 1), zone) - 1).toISOString();
