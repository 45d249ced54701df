import type Database from 'better-sqlite3';
import { deactivated, profileReviewed, reassigned, registered, type TestCustomer } from '../testing/customer-events.js';
import { projectionKit, type ProjectionKit } from '../testing/projection-kit.js';
import type { TestEvent } from '../testing/stored-events.js';
import { customerDirectoryProjection, customerDirectoryTable } from './customer-directory.projection.js';
import { queryCustomerDirectory, queryNewCustomers } from './customer-directory.queries.js';
import { addMonths, queryStaleProfiles } from './stale-profiles.queries.js';

const customer = (customerId: string, region = 'east', ownerRepId = 'rep-1', segment = 'smb'): TestCustomer => ({
  customerId,
  region,
  ownerRepId,
  segment,
});

function given(kit: ProjectionKit, history: ReadonlyArray<[TestCustomer, TestEvent[]]>): void {
  for (const [c, events] of history) kit.given(`customer-${c.customerId}`, events);
}

/** Every text cell of every table in the read-model database. */
const allText = (db: Database.Database): string =>
  (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[])
    .map((table) => JSON.stringify(db.prepare(`SELECT * FROM "${table}"`).all()))
    .join('\n');

describe('customer directory', () => {
  it('keeps current owner, region, segment and status, the attribution at registration, and no contact details', () => {
    const kit = projectionKit([customerDirectoryProjection]);
    const c1 = customer('c-1');
    const c2 = customer('c-2', 'east', 'rep-1', 'retail');
    const c3 = customer('c-3', 'west', 'rep-3');
    given(kit, [
      // 16:30Z on 31 March is 00:30 on 1 April in Shanghai.
      [c1, [registered(c1, '2026-03-31T16:30:00Z'), reassigned(c1, 'rep-2', 'west', '2026-04-03T02:00:00Z')]],
      [
        c2,
        [
          registered(c2, '2026-04-01T02:00:00Z'),
          profileReviewed(c2, '2026-04-02T02:00:00Z', 'enterprise'),
          deactivated(c2, '2026-04-05T02:00:00Z'),
        ],
      ],
      [c3, [registered(c3, '2026-04-02T03:00:00Z')]],
    ]);
    const db = kit.readModels();
    const lag = () => 0;

    const directory = queryCustomerDirectory(db, lag);
    expect(directory.position).toBe('6');
    expect(
      directory.rows.map((r) => [
        r.customer_id,
        r.region,
        r.owner_rep_id,
        r.segment,
        r.status,
        r.registered_on,
        r.deactivated_on,
        r.last_reviewed_on,
      ]),
    ).toEqual([
      ['c-1', 'west', 'rep-2', 'smb', 'active', '2026-04-01', null, '2026-04-01'],
      ['c-2', 'east', 'rep-1', 'enterprise', 'deactivated', '2026-04-01', '2026-04-05', '2026-04-02'],
      ['c-3', 'west', 'rep-3', 'smb', 'active', '2026-04-02', null, '2026-04-02'],
    ]);
    expect(queryCustomerDirectory(db, lag, { scope: { repId: 'rep-2' } }).rows.map((r) => r.customer_id)).toEqual([
      'c-1',
    ]);
    expect(
      queryCustomerDirectory(db, lag, {
        scope: { region: 'west' },
        status: 'active',
        customerIds: ['c-3', 'c-9'],
      }).rows.map((r) => r.customer_id),
    ).toEqual(['c-3']);

    // New customers count where they were registered: c-1 for rep-1 in the east although it moved since.
    expect(queryNewCustomers(db, lag, { from: '2026-04-01', to: '2026-04-30' }).rows).toEqual([
      { business_date: '2026-04-01', region: 'east', rep_id: 'rep-1', new_customers: 2 },
      { business_date: '2026-04-02', region: 'west', rep_id: 'rep-3', new_customers: 1 },
    ]);
    expect(
      queryNewCustomers(db, lag, { from: '2026-04-02', to: '2026-04-02', scope: { repId: 'rep-1' } }).rows,
    ).toEqual([]);

    const text = allText(db);
    expect(text).toContain('Company c-1');
    expect(text).not.toMatch(/Wang Fang|example\.com|5555/);
  });

  it('parks a profile update of a customer never registered', () => {
    const kit = projectionKit([customerDirectoryProjection]);
    given(kit, [[customer('c-9'), [profileReviewed(customer('c-9'), '2026-04-02T02:00:00Z')]]]);
    expect(kit.parked).toMatchObject([
      { streamName: 'customer-c-9', type: 'CustomerProfileUpdated', error: expect.any(String) },
    ]);
    expect(kit.rows(customerDirectoryTable)).toEqual([]);
  });
});

describe('stale profiles', () => {
  it('adds calendar months, clamping to the end of a shorter month', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
    expect(addMonths('2025-03-10', 12)).toBe('2026-03-10');
  });

  it('lists active customers whose latest review on or before the date is at least N months old, in the business zone', () => {
    const kit = projectionKit([customerDirectoryProjection]);
    const a = customer('a');
    const b = customer('b');
    const c = customer('c');
    const d = customer('d', 'west', 'rep-2');
    const e = customer('e', 'west', 'rep-2');
    given(kit, [
      [a, [registered(a, '2025-03-10T01:00:00Z')]],
      // Reviewed at 17:00Z on 28 February: 1 March 01:00 in Shanghai.
      [b, [registered(b, '2024-05-01T01:00:00Z'), profileReviewed(b, '2025-02-28T17:00:00Z')]],
      [c, [registered(c, '2024-01-31T01:00:00Z'), profileReviewed(c, '2025-01-31T02:00:00Z')]],
      [d, [registered(d, '2024-01-10T01:00:00Z'), deactivated(d, '2025-06-01T01:00:00Z')]],
      [e, [registered(e, '2024-02-01T01:00:00Z'), profileReviewed(e, '2025-03-15T01:00:00Z')]],
    ]);
    const db = kit.readModels();
    const stale = (asOf: string, months?: number, scope?: { region: string }) =>
      queryStaleProfiles(db, () => 0, {
        asOf,
        ...(months === undefined ? {} : { months }),
        ...(scope === undefined ? {} : { scope }),
      }).rows.map((p) => [p.customerId, p.lastReviewedOn, p.reviewDueOn, p.daysSinceReview]);

    // 12 months (default) as of 2026-03-10: a due 2026-03-10 (365 days); b due 2026-03-01 (365 + 9 = 374);
    // c due 2026-01-31 (365 + 28 + 10 = 403); d deactivated; e due 2026-03-15, not yet.
    expect(stale('2026-03-10')).toEqual([
      ['c', '2025-01-31', '2026-01-31', 403],
      ['b', '2025-03-01', '2026-03-01', 374],
      ['a', '2025-03-10', '2026-03-10', 365],
    ]);
    expect(stale('2026-03-09').map(([id]) => id)).toEqual(['c', 'b']);
    // b was reviewed on 1 March in Shanghai, so it is not yet stale on 28 February 2026.
    expect(stale('2026-02-28').map(([id]) => id)).toEqual(['c']);
    // As of a past date: later reviews are ignored, a is not registered yet, d not deactivated yet.
    // 1 month: c 2025-01-31 + 1 month = 2025-02-28 (clamped); b's and e's reviews come later.
    expect(stale('2025-02-28', 1)).toEqual([
      ['d', '2024-01-10', '2024-02-10', 415],
      ['e', '2024-02-01', '2024-03-01', 393],
      ['b', '2024-05-01', '2024-06-01', 303],
      ['c', '2025-01-31', '2025-02-28', 28],
    ]);
    expect(stale('2025-02-27', 1).map(([id]) => id)).toEqual(['d', 'e', 'b']);
    expect(stale('2025-02-28', 1, { region: 'west' }).map(([id]) => id)).toEqual(['d', 'e']);
    expect(() => queryStaleProfiles(db, () => 0, { asOf: '2026-03-10', months: 0 })).toThrow(RangeError);

    // In UTC b's review falls on 28 February 2025, so it is stale on 28 February 2026.
    const utc = projectionKit([customerDirectoryProjection], 'UTC').givenRecorded(kit.events()).readModels();
    expect(queryStaleProfiles(utc, () => 0, { asOf: '2026-02-28' }).rows.map((p) => p.customerId)).toEqual(['c', 'b']);
  });
});
