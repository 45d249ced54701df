import { receivableEvents, type KpiReceivable } from '../kpi/kpi-events.testing.js';
import type { TestEvent } from '../testing/stored-events.js';

/** Receivable events of the KPI factory plus collection follow-ups; `outstanding` after each event is given by the test. */
export const collectionEvents = (r: KpiReceivable) => ({
  ...receivableEvents(r),
  followedUp: (
    loggedOn: string,
    channel: string,
    outstanding: number,
    promise: { date: string; amount: number } | null = null,
  ): TestEvent => ({
    type: 'CollectionFollowUpLogged',
    at: `${loggedOn}T03:00:00Z`,
    data: {
      ...r,
      outstanding,
      channel,
      note: 'called Mr Wang at home',
      promiseToPay: promise,
      loggedOn,
      loggedBy: r.repId,
      loggedAt: `${loggedOn}T03:00:00Z`,
    },
  }),
});

/** A test receivable of a customer, rep, region and currency. */
export const receivable = (
  receivableId: string,
  customerId: string,
  repId: string,
  region: string,
  currency = 'CNY',
): KpiReceivable => ({ receivableId, orderId: `o-${receivableId}`, customerId, repId, region, currency });
