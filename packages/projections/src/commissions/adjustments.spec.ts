import type { CommissionLineRow } from './commissions.projection.js';
import { effectiveMonth, monthsInto, nextMonth, type StatementCuts } from './adjustments.js';

// Which statement a line belongs to, given the approved months' cuts (per stream, the last revision each counted).
const line = (stream_name: string, revision: number, month: string): CommissionLineRow => ({
  stream_name,
  revision,
  month,
  event_type: 'PaymentReceived',
  kind: 'payment',
  receivable_id: 'r',
  order_id: 'o',
  rep_id: 'rep-1',
  region: 'east',
  currency: 'CNY',
  amount: 100,
  dated_on: `${month}-10`,
  counted_on: `${month}-10`,
});
// January approved with receivable-a up to revision 1; February with receivable-a up to 3 (an adjustment from January
// among them); March open.
const cuts: StatementCuts = new Map([
  ['2026-01', new Map([['receivable-a', 1]])],
  ['2026-02', new Map([['receivable-a', 3]])],
]);

describe('the statement a line belongs to', () => {
  it('is its own month when that month is open or approved with it', () => {
    expect(effectiveMonth(line('receivable-a', 1, '2026-01'), cuts)).toBe('2026-01');
    expect(effectiveMonth(line('receivable-b', 0, '2026-03'), cuts)).toBe('2026-03');
  });
  it('is the first later month open or approved with it, never an approved month without it', () => {
    expect(effectiveMonth(line('receivable-a', 2, '2026-01'), cuts)).toBe('2026-02');
    expect(effectiveMonth(line('receivable-a', 4, '2026-01'), cuts)).toBe('2026-03');
    expect(effectiveMonth(line('receivable-b', 0, '2026-02'), cuts)).toBe('2026-03');
  });
  it('looks back over the approved months running up to a month, across a year end', () => {
    expect(monthsInto('2026-03', cuts)).toEqual({ from: '2026-01', to: '2026-03' });
    expect(monthsInto('2026-01', cuts)).toEqual({ from: '2026-01', to: '2026-01' });
    expect(monthsInto('2026-01', new Map([['2025-12', new Map()]]))).toEqual({ from: '2025-12', to: '2026-01' });
    expect([nextMonth('2025-12'), nextMonth('2026-09')]).toEqual(['2026-01', '2026-10']);
  });
});
