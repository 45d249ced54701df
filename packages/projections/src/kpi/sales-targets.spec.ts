import { projectionKit } from '../testing/projection-kit.js';
import { salesTargetsProjection } from './sales-targets.projection.js';

const AT = '2026-01-05T02:00:00Z';
const facts = { scope: 'rep', scopeId: 'rep-1', region: 'east', currency: 'CNY' };

describe('sales_targets and plan_targets', () => {
  it('keeps every target by period and measure, a month target of release 1 as a booked target of that month', () => {
    const db = projectionKit([salesTargetsProjection])
      // Written by release 1: a month and booked sales, read as a booked target of 2026-01.
      .given(
        'target-2026-01-rep-rep-1',
        [
          {
            type: 'SalesTargetSet',
            at: AT,
            data: { month: '2026-01', ...facts, amount: 5_000, setBy: 'sm-1', setAt: AT },
          },
        ],
        { schemaVersion: 1 },
      )
      .given('target-2026-Q1-rep-rep-1', [
        {
          type: 'SalesTargetSet',
          at: AT,
          data: { period: '2026-Q1', measure: 'booked', ...facts, amount: 15_000, setBy: 'sm-1', setAt: AT },
        },
        {
          type: 'SalesTargetRevised',
          at: AT,
          data: {
            period: '2026-Q1',
            measure: 'booked',
            ...facts,
            previousAmount: 15_000,
            amount: 18_000,
            reason: 'a new key account',
            revisedBy: 'sm-1',
            revisedAt: AT,
          },
        },
      ])
      .given('target-2026-newCustomers-rep-rep-1', [
        {
          type: 'SalesTargetSet',
          at: AT,
          data: { period: '2026', measure: 'newCustomers', ...facts, amount: 12, setBy: 'sm-1', setAt: AT },
        },
      ])
      .readModels();
    expect(
      db.prepare('SELECT period, measure, scope_id, amount FROM plan_targets ORDER BY period, measure').all(),
    ).toEqual([
      { period: '2026', measure: 'newCustomers', scope_id: 'rep-1', amount: 12 },
      { period: '2026-01', measure: 'booked', scope_id: 'rep-1', amount: 5_000 },
      { period: '2026-Q1', measure: 'booked', scope_id: 'rep-1', amount: 18_000 },
    ]);
  });
});
