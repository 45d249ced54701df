import { registered, reassigned, surveyed, type TestCustomer } from '../testing/customer-events.js';
import { readModels } from '../worklists/worklists.testing.js';
import { queryInvitedCustomers } from './campaign-answers.queries.js';

const customer = (customerId: string, region = 'east'): TestCustomer => ({
  customerId,
  region,
  segment: 'smb',
  ownerRepId: `rep-${region}`,
});
const [a, b, c] = [customer('c-a'), customer('c-b', 'west'), customer('c-c')];
const answer = { nps: 9, csat: 5, items: [5, 5, 4, 4] as const };

describe('the invited customers of a campaign', () => {
  it('say who answered this campaign (not another survey), with the current owner, in the order given', async () => {
    const { db } = await readModels([
      [
        `customer-${a.customerId}`,
        [registered(a, '2026-01-02T02:00:00Z'), surveyed(a, 'q1', answer, '2026-03-02T02:00:00Z')],
      ],
      // b answered another survey only, then moved to rep-east.
      [
        `customer-${b.customerId}`,
        [
          registered(b, '2026-01-02T02:00:00Z'),
          surveyed(b, 'q0', answer, '2026-02-02T02:00:00Z'),
          reassigned(b, 'rep-east', 'east', '2026-02-10T02:00:00Z'),
        ],
      ],
      [`customer-${c.customerId}`, [registered(c, '2026-01-02T02:00:00Z')]],
    ]);
    expect(queryInvitedCustomers(db, 'q1', ['c-c', 'c-a', 'c-b', 'c-unknown'])).toEqual([
      { customer_id: 'c-c', owner_rep_id: 'rep-east', region: 'east', answered: 0 },
      { customer_id: 'c-a', owner_rep_id: 'rep-east', region: 'east', answered: 1 },
      { customer_id: 'c-b', owner_rep_id: 'rep-east', region: 'east', answered: 0 },
      { customer_id: 'c-unknown', owner_rep_id: null, region: null, answered: 0 },
    ]);
    expect(queryInvitedCustomers(db, 'q1', [])).toEqual([]);
  });
});
