import { orderEvents } from '../kpi/kpi-events.testing.js';
import { deactivated, registered, reassigned, type TestCustomer } from '../testing/customer-events.js';
import { placedOrder, readModels } from '../worklists/worklists.testing.js';
import { queryCampaignPopulation } from './campaign-population.queries.js';

const customer = (customerId: string, region = 'east', segment = 'smb'): TestCustomer => ({
  customerId,
  region,
  segment,
  ownerRepId: `rep-${region}`,
});
const order = (orderId: string, c: TestCustomer) => ({
  orderId,
  customerId: c.customerId,
  repId: c.ownerRepId,
  region: c.region,
  currency: 'CNY',
  segment: c.segment,
});
const [a, b, c, d, e] = [
  customer('c-a'),
  customer('c-b', 'west'),
  customer('c-c', 'east', 'retail'),
  customer('c-d'),
  customer('c-e'),
];

describe('the population of a survey campaign', () => {
  it('is the active customers of the segments and regions with an order not cancelled in the window, with their latest order date', async () => {
    const { db } = await readModels([
      ...[a, b, c, d, e].map((x): [string, ReturnType<typeof registered>[]] => [
        `customer-${x.customerId}`,
        [registered(x, '2025-01-02T02:00:00Z')],
      ]),
      ['order-1', [placedOrder(order('1', a), '2025-12-01T02:00:00Z', '2026-01-01')]],
      ['order-2', [placedOrder(order('2', a), '2026-02-10T02:00:00Z', '2026-03-01')]],
      ['order-3', [placedOrder(order('3', b), '2026-01-05T02:00:00Z', '2026-02-01')]],
      ['order-4', [placedOrder(order('4', c), '2026-01-05T02:00:00Z', '2026-02-01')]],
      // c-d's only order in the window was cancelled; c-e ordered before it.
      [
        'order-5',
        [
          placedOrder(order('5', d), '2026-01-05T02:00:00Z', '2026-02-01'),
          orderEvents(order('5', d)).cancelled(false, 0, '2026-01-06T02:00:00Z'),
        ],
      ],
      ['order-6', [placedOrder(order('6', e), '2025-09-30T02:00:00Z', '2025-10-30')]],
      // b moves to the east after ordering: the current region counts.
      [`customer-${b.customerId}`, [reassigned(b, 'rep-east', 'east', '2026-02-01T02:00:00Z')]],
    ]);
    const window = { orderedSince: '2025-10-01', on: '2026-03-31' };
    expect(queryCampaignPopulation(db, { segments: [], regions: [], ...window })).toEqual([
      { customer_id: 'c-a', region: 'east', segment: 'smb', owner_rep_id: 'rep-east', last_order_on: '2026-02-10' },
      { customer_id: 'c-b', region: 'east', segment: 'smb', owner_rep_id: 'rep-east', last_order_on: '2026-01-05' },
      { customer_id: 'c-c', region: 'east', segment: 'retail', owner_rep_id: 'rep-east', last_order_on: '2026-01-05' },
    ]);
    expect(
      queryCampaignPopulation(db, { segments: ['retail'], regions: [], ...window }).map((row) => row.customer_id),
    ).toEqual(['c-c']);
    expect(queryCampaignPopulation(db, { segments: [], regions: ['west'], ...window })).toEqual([]);
    expect(
      queryCampaignPopulation(db, { segments: [], regions: [], orderedSince: '2025-09-30', on: '2026-01-31' }).map(
        (row) => [row.customer_id, row.last_order_on],
      ),
    ).toEqual([
      ['c-a', '2025-12-01'],
      ['c-b', '2026-01-05'],
      ['c-c', '2026-01-05'],
      ['c-e', '2025-09-30'],
    ]);
    db.close();
  });

  it('leaves out a deactivated customer', async () => {
    const { db } = await readModels([
      [`customer-${a.customerId}`, [registered(a, '2025-01-02T02:00:00Z'), deactivated(a, '2026-03-01T02:00:00Z')]],
      ['order-1', [placedOrder(order('1', a), '2026-02-01T02:00:00Z', '2026-03-01')]],
    ]);
    expect(
      queryCampaignPopulation(db, { segments: [], regions: [], orderedSince: '2025-10-01', on: '2026-03-31' }),
    ).toEqual([]);
    db.close();
  });
});
