import { isLeft } from 'fp-ts/lib/Either.js';
import { Actor, DISCOUNT_LIMIT_BP, isManager, managesRegion, type Role } from './actors.js';
import { assertNever } from './assert-never.js';
import { domainError, reject } from './domain-error.js';
import { CustomerId, ID_PATTERN, OrderId, type RegionId, unsafeId } from './ids.js';
import { CommandMetadata, EventMetadata } from './message.js';
import {
  customerStream,
  orderStream,
  receivableStream,
  complaintStream,
  streamCategory,
  streamId,
  targetStream,
} from './streams.js';
import { addDays, addHours, daysBetween, IsoDate, IsoDateTime, millisBetween, YearMonth } from './time.js';

const actor = (role: Role, region?: string): Actor =>
  ({ id: 'u1', role, ...(region === undefined ? {} : { region }) }) as Actor;

describe('ids', () => {
  it.each(['a', 'A-1', '550e8400-e29b-41d4-a716-446655440000', 'x'.repeat(64), 'c.o_m-p'])('accepts %j', (id) => {
    expect(CustomerId.safeParse(id).success).toBe(true);
  });
  it.each(['', '-a', '.a', 'a b', 'x'.repeat(65), 'a/b', "a'; DROP TABLE", 'ä'])('refuses %j', (id) => {
    const result = OrderId.safeParse(id);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/1-64 characters/);
  });
  it('exposes the pattern and brands known-good strings', () => {
    expect(ID_PATTERN.test('ok')).toBe(true);
    const id: CustomerId = unsafeId<CustomerId>('c-1');
    expect(customerStream(id)).toBe('customer-c-1');
  });
});

describe('streams', () => {
  it('names streams by category and reads them back', () => {
    expect(orderStream(unsafeId<OrderId>('o-7'))).toBe('order-o-7');
    expect(receivableStream(unsafeId('r1'))).toBe('receivable-r1');
    expect(complaintStream(unsafeId('k1'))).toBe('complaint-k1');
    expect(targetStream('2026-03', 'rep', 'rep-1')).toBe('target-2026-03-rep-rep-1');
    expect(streamCategory('order-o-7')).toBe('order');
    expect(streamCategory('target-2026-03-rep-rep-1')).toBe('target');
    expect(streamCategory('$stats-1')).toBeUndefined();
    expect(streamCategory('noprefix')).toBeUndefined();
    expect(streamId('order-o-7')).toBe('o-7');
  });
});

describe('time', () => {
  it('does calendar arithmetic without a clock', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
    expect(daysBetween('2026-03-31', '2026-03-01')).toBe(-30);
    expect(millisBetween('2026-01-01T00:00:00Z', '2026-01-01T01:00:00Z')).toBe(3_600_000);
    expect(addHours('2026-01-01T23:00:00Z', 2)).toBe('2026-01-02T01:00:00.000Z');
  });
  it('validates instants in UTC, dates and months', () => {
    expect(IsoDateTime.safeParse('2026-01-01T00:00:00Z').success).toBe(true);
    expect(IsoDateTime.safeParse('2026-01-01T00:00:00.123Z').success).toBe(true);
    expect(IsoDateTime.safeParse('2026-01-01T00:00:00+08:00').success).toBe(false);
    expect(IsoDateTime.safeParse('2026-13-01T00:00:00Z').success).toBe(false);
    expect(IsoDate.safeParse('2026-02-30').success).toBe(false);
    expect(IsoDate.safeParse('2026-02-28').success).toBe(true);
    expect(YearMonth.safeParse('2026-12').success).toBe(true);
    expect(YearMonth.safeParse('2026-13').success).toBe(false);
    expect(YearMonth.safeParse('2026-1').success).toBe(false);
  });
});

describe('actors', () => {
  it('knows managers and their regions', () => {
    expect(isManager(actor('sales_manager'))).toBe(true);
    expect(isManager(actor('regional_manager'))).toBe(true);
    expect(isManager(actor('sales_rep'))).toBe(false);
    expect(isManager(actor('finance'))).toBe(false);
    const east = 'east' as RegionId;
    expect(managesRegion(actor('sales_manager'), east)).toBe(true);
    expect(managesRegion(actor('system'), east)).toBe(true);
    expect(managesRegion(actor('regional_manager', 'east'), east)).toBe(true);
    expect(managesRegion(actor('regional_manager', 'west'), east)).toBe(false);
    expect(managesRegion(actor('sales_rep', 'east'), east)).toBe(false);
  });
  it('limits discounts by role as docs/domain-rules.md says', () => {
    expect(DISCOUNT_LIMIT_BP.sales_rep).toBe(1_000);
    expect(DISCOUNT_LIMIT_BP.regional_manager).toBe(2_500);
    expect(DISCOUNT_LIMIT_BP.sales_manager).toBe(10_000);
  });
  it('validates actors and metadata', () => {
    expect(Actor.safeParse({ id: 'rep-1', role: 'sales_rep', region: 'east' }).success).toBe(true);
    expect(Actor.safeParse({ id: 'rep-1', role: 'king' }).success).toBe(false);
    expect(
      CommandMetadata.safeParse({ actor: { id: 'a', role: 'system' }, occurredAt: '2026-01-01T00:00:00Z' }).success,
    ).toBe(true);
    const metadata = {
      eventId: 'e',
      occurredAt: '2026-01-01T00:00:00Z',
      actor: { id: 'a', role: 'system' },
      correlationId: 'c',
      causationId: 'c',
      commandId: 'c',
      schemaVersion: 1,
      hash: 'a'.repeat(64),
    };
    expect(EventMetadata.safeParse(metadata).success).toBe(true);
    expect(EventMetadata.safeParse({ ...metadata, hash: 'xyz' }).success).toBe(false);
  });
});

describe('errors', () => {
  it('builds domain errors with and without details', () => {
    expect(domainError('X', 'm')).toEqual({ code: 'X', message: 'm' });
    expect(domainError('X', 'm', { a: 1 })).toEqual({ code: 'X', message: 'm', details: { a: 1 } });
    const refused = reject('ORDER_ALREADY_SHIPPED', 'already shipped', { orderId: 'o1' });
    expect(isLeft(refused) && refused.left).toEqual({
      code: 'ORDER_ALREADY_SHIPPED',
      message: 'already shipped',
      details: { orderId: 'o1' },
    });
  });
  it('assertNever fails loudly at run time for a value the types said could not exist', () => {
    expect(() => assertNever('rogue' as never)).toThrow('Unhandled case: "rogue"');
  });
});
