import {
  businessDate,
  businessInstantOf,
  businessMonth,
  endOfBusinessDate,
  isValidTimeZone,
  startOfBusinessDate,
} from './business-time.js';

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
});
