import { locale } from './i18n/i18n.js';

const DASH = '—';
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `${locale()}|${JSON.stringify(options)}`;
  let format = cache.get(id);
  if (format === undefined) cache.set(id, (format = new Intl.NumberFormat(locale(), options)));
  return format as Intl.NumberFormat;
}

function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${locale()}|date|${JSON.stringify(options)}`;
  let format = cache.get(id);
  // Business dates and months are calendar values: formatted in UTC so no time zone moves them a day.
  if (format === undefined)
    cache.set(id, (format = new Intl.DateTimeFormat(locale(), { ...options, timeZone: 'UTC' })));
  return format as Intl.DateTimeFormat;
}

/** Amounts in minor units as money of `currency` in the page's language (¥1,234.50; CNY and USD have two decimals). */
export const money = (minor: number | null, currency: string): string =>
  minor === null ? DASH : numberFormat({ style: 'currency', currency, currencyDisplay: 'symbol' }).format(minor / 100);

/** Major units (a chart's axis) as money of `currency`, compact (¥1.2万, ¥12K). */
export const compactMoney = (major: number, currency: string): string =>
  numberFormat({ style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(major);

/** A ratio 0..1 as a percentage with one decimal; `null` (no denominator) as a dash. */
export const percent = (value: number | null): string =>
  value === null
    ? DASH
    : numberFormat({ style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);

/** A plain number with `digits` decimals; `null` as a dash. */
export const plain = (value: number | null, digits = 0): string =>
  value === null ? DASH : numberFormat({ minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);

/** A month `YYYY-MM` as the language writes it (2026年11月, Nov 2026). */
export function monthLabel(month: string): string {
  const [year = 0, m = 1] = month.split('-').map(Number);
  return Number.isInteger(year) && year > 0
    ? dateFormat({ year: 'numeric', month: 'short' }).format(new Date(Date.UTC(year, m - 1, 1)))
    : month;
}

/** A date `YYYY-MM-DD` as the language writes it (2026年11月30日, Nov 30, 2026). */
export function dateLabel(date: string): string {
  const [year = 0, m = 1, d = 1] = date.split('-').map(Number);
  return Number.isInteger(year) && year > 0
    ? dateFormat({ year: 'numeric', month: 'short', day: 'numeric' }).format(new Date(Date.UTC(year, m - 1, d)))
    : date;
}

/** The month `YYYY-MM` shifted by `delta` months. */
export function shiftMonth(month: string, delta: number): string {
  const [year = 0, m = 1] = month.split('-').map(Number);
  const date = new Date(Date.UTC(year, m - 1 + delta, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The last day `YYYY-MM-DD` of a month. */
export function lastDayOf(month: string): string {
  const [year = 0, m = 1] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(year, m, 0)).getUTCDate()).padStart(2, '0')}`;
}
