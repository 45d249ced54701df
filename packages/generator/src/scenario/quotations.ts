import { OrderId, QuotationId, orderDecider, orderStream, quotedOrder, type IsoDate } from '@salesbook/domain';
import { plusBusinessDays, plusDays } from '../calendar.js';
import { openStream } from '../engine.js';
import { today, type Sim } from '../sim.js';
import { snapshotOf } from './customers.js';
import { paymentTerms } from './order-lines.js';
import { planOrderLife, pricingOf, runOrder, type OrderEntity } from './orders.js';
import type { Deal } from './opportunities.js';
import { fromTheLists } from './pricing.js';

/** A quotation holds two weeks past the day the deal should close. */
const VALID_PAST_CLOSE_DAYS = 14;
/** The share of quotations after which the rep revises the opportunity's amount to the quoted total. */
const REVISED_TO_QUOTE = 0.4;

/**
 * Sends a quotation for the deal's lines, priced from the lists of today as an order's would be (a line no list prices
 * keeps its typed price), valid until two weeks after the close day; now and then the amount is revised to its total.
 */
export function sendQuotation(sim: Sim, deal: Deal): boolean {
  const random = sim.pipeline;
  const { customer } = deal;
  const quotationId = QuotationId.parse(sim.ids.next('Q', 7));
  const pricing = pricingOf(sim, customer, deal.lines);
  const data = {
    opportunityId: deal.id,
    quotationId,
    lines: fromTheLists(deal.lines, pricing, customer),
    validUntil: plusDays(deal.closeDay, VALID_PAST_CLOSE_DAYS),
    promisedDeliveryDate: plusBusinessDays(deal.closeDay, random.int(8, 20)),
    paymentTerms: paymentTerms(random, customer.segment),
  };
  const metadata = sim.engine.metadata(deal.rep.actor);
  const inputs = { on: today(sim), pricing };
  if (!sim.engine.run(deal.stream, { type: 'SendQuotation', data, metadata, inputs }, options(deal)).ok) return false;
  deal.quotation = quotationId;
  const state = deal.stream.state;
  const total = state.status === 'none' ? undefined : state.quotations[quotationId]?.total;
  if (total === undefined || state.status === 'none' || total === state.amount || !random.chance(REVISED_TO_QUOTE))
    return true;
  const revision = { opportunityId: deal.id, amount: total };
  return sim.engine.run(deal.stream, { type: 'ReviseOpportunity', data: revision, metadata }, options(deal)).ok;
}

/** A deal whose close slipped past its quotation's validity gets a new quotation. */
export function quoteAgainIfLapsed(sim: Sim, deal: Deal): boolean {
  const validUntil: IsoDate | undefined = validityOf(deal);
  return validUntil !== undefined && validUntil >= deal.closeDay ? true : sendQuotation(sim, deal);
}

/**
 * The customer accepts the last quotation: as behind the API, its order (`quotedOrder`) is placed first through the
 * order's decider, the quotation accepted with it and the deal won; then the order lives as any other (approval,
 * confirmation, fulfilment, invoices), its draws from the pipeline's source. A customer now owned by another rep has
 * the acceptance recorded by the regional manager (the placement is the customer's owner's or their manager's act).
 */
export function winByQuotation(sim: Sim, deal: Deal): void {
  const state = deal.stream.state;
  if (state.status !== 'open' || deal.quotation === undefined) return;
  const quotationId = QuotationId.parse(deal.quotation);
  const orderId = OrderId.parse(quotationId);
  const data = quotedOrder(state, quotationId, orderId);
  if (data === null) return;
  const { customer } = deal;
  const actor = customer.rep === deal.rep ? deal.rep.actor : customer.region.manager;
  const life: Sim = { ...sim, random: sim.pipeline };
  const order: OrderEntity = {
    id: orderId,
    stream: openStream('order', orderStream(orderId), orderDecider),
    customer,
    rep: deal.rep,
    correlationId: deal.correlationId,
  };
  const pricing = pricingOf(sim, customer, data.lines);
  const metadata = sim.engine.metadata(actor);
  const placed = runOrder(life, order, {
    type: 'PlaceOrder',
    data,
    metadata,
    inputs: { customer: snapshotOf(customer), pricing },
  });
  if (!placed.ok) return;
  const inputs = { on: today(sim), orderId };
  const acceptance = { opportunityId: deal.id, quotationId };
  if (!sim.engine.run(deal.stream, { type: 'AcceptQuotation', data: acceptance, metadata, inputs }, options(deal)).ok)
    return;
  planOrderLife(life, order, placed.events);
}

const options = (deal: Deal) => ({ correlationId: deal.correlationId });

const validityOf = (deal: Deal): IsoDate | undefined => {
  const state = deal.stream.state;
  return state.status === 'none' || deal.quotation === undefined
    ? undefined
    : state.quotations[deal.quotation]?.validUntil;
};
