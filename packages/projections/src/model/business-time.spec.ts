import {
  businessDate,
  businessInstantOf,
  businessMonth,
  endOfBusinessDate,
  isValidTimeZone,
  startOfBusinessDate,
} from './business-time.js';
import fc from 'fast-check';

/** The date as the time-zone database formats it: what `businessDate` must equal. */
const formatters = new Map<string, Intl.DateTimeFormat>();
const formatted = (instant: string, zone: string): string => {
  const formatter =
    formatters.get(zone) ??
    new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
  formatters.set(zone, formatter);
  const parts = formatter.formatToParts(new Date(instant)).map((part) => [part.type, part.value]);
  const of = Object.fromEntries(parts) as Record<string, string>;
  return `${of['year']?.padStart(4, '0')}-${of['month']}-${of['day']}`;
};

describe('business time', () => {
  it.each([
    ['2026-03-31T16:30:00Z', 'Asia/Shanghai', '2026-04-01'],
    ['2026-03-31T15:59:59.999Z', 'Asia/Shanghai', '2026-03-31'],
    ['2026-03-31T16:00:00Z', 'Asia/Shanghai', '2026-04-01'],
    ['2026-12-31T16:00:00Z', 'Asia/Shanghai', '2027-01-01'],
    ['2026-03-01T02:00:00Z', 'America/New_York', '2026-02-28'],
    ['2024-02-29T23:59:59Z', 'UTC', '2024-02-29'],
    // New York switches to daylight time on 2026-03-08: 04:30Z is 23:30 the day before either way.
    ['2026-03-09T03:30:00Z', 'America/New_York', '2026-03-08'],
    ['2026-03-09T04:30:00Z', 'America/New_York', '2026-03-09'],
  ])('%s in %s is %s', (instant, zone, date) => {
    expect(businessDate(instant, zone)).toBe(date);
  });

  it('defaults to Asia/Shanghai', () => {
    expect(businessDate('2026-03-31T16:30:00Z')).toBe('2026-04-01');
  });

  it('crosses month and year boundaries by the zone, not by UTC', () => {
    expect(businessMonth('2026-03-31T16:30:00Z', 'Asia/Shanghai')).toBe('2026-04');
    expect(businessMonth('2026-03-31T16:30:00Z', 'UTC')).toBe('2026-03');
    expect(businessMonth('2026-12-31T17:00:00Z', 'Asia/Shanghai')).toBe('2027-01');
  });

  it('refuses what is not an instant and knows which zones exist', () => {
    expect(() => businessDate('yesterday', 'UTC')).toThrow(RangeError);
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });

  it.each([
    ['2026-04-01', 'Asia/Shanghai', 12, '2026-04-01T04:00:00.000Z'],
    ['2026-04-01', 'Asia/Shanghai', 0, '2026-03-31T16:00:00.000Z'],
    // The day New York moves its clocks forward: noon is already daylight time (UTC-4).
    ['2026-03-08', 'America/New_York', 12, '2026-03-08T16:00:00.000Z'],
    ['2026-03-07', 'America/New_York', 12, '2026-03-07T17:00:00.000Z'],
  ])('%s in %s at %i:00 is %s', (date, zone, hour, instant) => {
    expect(new Date(businessInstantOf(date, zone, hour)).toISOString()).toBe(instant);
  });

  it('starts a business date at its midnight and ends it a millisecond before the next', () => {
    expect(startOfBusinessDate('2026-04-01', 'Asia/Shanghai')).toBe(Date.parse('2026-03-31T16:00:00Z'));
    expect(endOfBusinessDate('2026-03-31', 'Asia/Shanghai')).toBe('2026-03-31T15:59:59.999Z');
    expect(endOfBusinessDate('2026-12-31', 'UTC')).toBe('2026-12-31T23:59:59.999Z');
  });

  // Zones with daylight time, half- and quarter-hour offsets, a 30-minute daylight shift, and seconds of local mean time.
  const zones = [
    'Asia/Shanghai',
    'America/New_York',
    'Europe/London',
    'Asia/Kathmandu',
    'Australia/Lord_Howe',
    'Pacific/Chatham',
    'America/Sao_Paulo',
  ];

  it('gives the time-zone database’s date for any instant, around offset changes too (hours cached by offset)', () => {
    const instants = fc
      .integer({ min: Date.UTC(1890, 0, 1), max: Date.UTC(2100, 0, 1) })
      .map((ms) => new Date(ms).toISOString());
    fc.assert(
      fc.property(instants, fc.constantFrom(...zones), (instant, zone) => {
        expect(businessDate(instant, zone)).toBe(formatted(instant, zone));
      }),
      { numRuns: 2_000 },
    );
    // Every minute across New York's and Lord Howe's changes of 2026, and Shanghai's from local mean time (+08:05:43)
    // to +08:00 at its midnight of 1901, inside a UTC hour: that hour's date must not follow the offset of its start.
    for (const [zone, from] of [
      ['America/New_York', '2026-03-08T05:00:00Z'],
      ['America/New_York', '2026-11-01T04:00:00Z'],
      ['Australia/Lord_Howe', '2026-04-04T14:00:00Z'],
      ['Australia/Lord_Howe', '2026-10-03T15:00:00Z'],
      ['Asia/Shanghai', '1900-12-31T14:00:00Z'],
    ] as const) {
      for (let minute = 0; minute < 240; minute += 1) {
        const instant = new Date(Date.parse(from) + minute * 60_000).toISOString();
        expect(businessDate(instant, zone)).toBe(formatted(instant, zone));
      }
    }
  });
});
