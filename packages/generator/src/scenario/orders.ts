import {
  addDays,
  DISCOUNT_LIMIT_BP,
  orderDecider,
  orderStream,
  orderToReceivable,
  type Actor,
  type OrderCommand,
  type OrderEvent,
  type OrderId,
  type OrderState,
  type PricingFacts,
} from '@salesbook/domain';
import { businessDateOf, isoOf, plusBusinessDays } from '../calendar.js';
import { openStream, type Outcome, type StreamHandle } from '../engine.js';
import { TEXTS } from '../names.js';
import { businessDaysLater, officeHoursLater, today, type CustomerEntity, type Sim } from '../sim.js';
import type { Rep } from '../world.js';
import { snapshotOf } from './customers.js';
import { planFulfilment } from './fulfilment.js';
import { amendedLines, orderLines, paymentTerms } from './order-lines.js';
import { fromTheLists } from './pricing.js';
import { openReceivable } from './receivables.js';

/** An order of the simulation: its stream, customer and the rep who placed it. */
export interface OrderEntity {
  readonly id: OrderId;
  readonly stream: StreamHandle<OrderCommand, OrderEvent, OrderState>;
  readonly customer: CustomerEntity;
  readonly rep: Rep;
  readonly correlationId: string;
}

const REFUSED_AT_CONFIRMATION = ['ORDER_CREDIT_LIMIT_EXCEEDED', 'ORDER_CUSTOMER_INACTIVE'];

/** Runs an order command; every OrderConfirmed/OrderDelivered goes through the order -> receivable policy. */
export function runOrder(
  sim: Sim,
  order: OrderEntity,
  command: OrderCommand,
  allow: readonly string[] = [],
): Outcome<OrderEvent> {
  const outcome = sim.engine.run(order.stream, command, { correlationId: order.correlationId, allow });
  if (!outcome.ok) return outcome;
  outcome.events.forEach((event, index) => {
    sim.pricing.record(event);
    const context = { occurredAt: isoOf(sim.engine.now), businessDateOf };
    for (const open of orderToReceivable(event, context))
      openReceivable(sim, order, open, outcome.eventIds[index] ?? order.correlationId);
  });
  return outcome;
}

/** Places an order for `customer` at `at` and plans its life: approval, confirmation, changes, fulfilment. */
export function placeOrder(sim: Sim, customer: CustomerEntity, at: number): void {
  sim.engine.at(at, () => {
    if (customer.stream.state.status !== 'active') return;
    const { random, engine } = sim;
    const id = sim.ids.next('O', 7) as OrderId;
    const rep = customer.rep;
    const order: OrderEntity = {
      id,
      stream: openStream('order', orderStream(id), orderDecider),
      customer,
      rep,
      correlationId: `order-${id}`,
    };
    const typed = orderLines(random, sim.world.catalogue, customer.segment, customer.region);
    const pricing = pricingOf(sim, customer, typed);
    const data = {
      orderId: id,
      customerId: customer.id,
      repId: rep.actor.id,
      region: customer.region.id,
      currency: customer.region.currency,
      lines: fromTheLists(typed, pricing, customer),
      promisedDeliveryDate: plusBusinessDays(today(sim), random.int(8, 20)),
      paymentTerms: paymentTerms(random, customer.segment),
    };
    const placed = runOrder(sim, order, {
      type: 'PlaceOrder',
      data,
      metadata: engine.metadata(rep.actor),
      inputs: { customer: snapshotOf(customer), pricing },
    });
    if (placed.ok) planOrderLife(sim, order, placed.events);
  });
}

/** After a placement: the discount approval if it needs one, else confirmation (and now and then an amendment). */
export function planOrderLife(sim: Sim, order: OrderEntity, placed: readonly OrderEvent[]): void {
  const { random, engine } = sim;
  order.customer.lastOrderOn = today(sim);
  const event = placed[0];
  if (event?.type === 'OrderPlaced' && event.data.approvalRequired) {
    planApproval(sim, order, event.data.maxDiscountBp);
    return;
  }
  if (random.chance(0.04)) engine.at(officeHoursLater(sim, 1, 6), () => amend(sim, order));
  engine.at(businessDaysLater(sim, random.int(0, 1)), () => confirm(sim, order));
}

function planApproval(sim: Sim, order: OrderEntity, maxDiscountBp: number): void {
  const { random, engine } = sim;
  if (random.chance(0.03)) {
    engine.at(businessDaysLater(sim, random.int(3, 5)), () => cancel(sim, order, 'Discount not approved'));
    return;
  }
  const regional = order.customer.region.manager;
  const approver: Actor = maxDiscountBp <= DISCOUNT_LIMIT_BP.regional_manager ? regional : sim.world.staff.salesManager;
  engine.at(businessDaysLater(sim, random.int(0, 2)), () => {
    const approved = runOrder(sim, order, {
      type: 'ApproveDiscount',
      data: { orderId: order.id },
      metadata: engine.metadata(approver),
    });
    if (approved.ok) engine.at(officeHoursLater(sim, 0.5, 5), () => confirm(sim, order));
  });
}

function confirm(sim: Sim, order: OrderEntity): void {
  const { engine, random } = sim;
  const command = {
    type: 'ConfirmOrder',
    data: { orderId: order.id },
    metadata: engine.metadata(order.rep.actor),
    inputs: { customer: snapshotOf(order.customer) },
  } as const;
  const confirmed = runOrder(sim, order, command, REFUSED_AT_CONFIRMATION);
  if (!confirmed.ok) {
    const reason =
      confirmed.code === 'ORDER_CREDIT_LIMIT_EXCEEDED' ? 'Credit limit exceeded' : 'Customer is no longer active';
    if (REFUSED_AT_CONFIRMATION.includes(confirmed.code))
      engine.at(businessDaysLater(sim, 1), () => cancel(sim, order, reason));
    return;
  }
  const advance = order.stream.state.status !== 'none' && order.stream.state.paymentTerms.kind === 'advance';
  // Invoiced at confirmation, advance orders are neither cancelled nor amended afterwards (that takes a credit note).
  if (!advance && random.chance(0.03)) {
    engine.at(businessDaysLater(sim, random.int(1, 3)), () => cancel(sim, order, random.pick(TEXTS.cancelReasons)));
    return;
  }
  if (!advance && random.chance(0.07)) engine.at(businessDaysLater(sim, random.int(1, 3)), () => amend(sim, order));
  planFulfilment(sim, order);
}

function amend(sim: Sim, order: OrderEntity): void {
  const state = order.stream.state;
  if (state.status !== 'placed' && state.status !== 'confirmed' && state.status !== 'partially_shipped') return;
  const { random, engine } = sim;
  const later = random.chance(0.35);
  const lines = later ? [] : amendedLines(random, state.lines, sim.world.catalogue, order.customer.region);
  const inputs = { pricing: pricingOf(sim, order.customer, lines) };
  const data = later
    ? { orderId: order.id, promisedDeliveryDate: addDays(state.promisedDeliveryDate, random.int(3, 10)) }
    : { orderId: order.id, lines: fromTheLists(lines, inputs.pricing, order.customer) };
  const reason = later ? TEXTS.amendReasons[1] : random.pick([TEXTS.amendReasons[0], TEXTS.amendReasons[2]]);
  const customerConfirmationRef = `${order.id}-CC${state.revision + 1}`;
  // A promoted line raised beyond what is left of its budget is refused; the customer keeps the order as it was.
  runOrder(
    sim,
    order,
    {
      type: 'AmendOrder',
      data: { ...data, reason, customerConfirmationRef },
      metadata: engine.metadata(order.rep.actor),
      inputs,
    },
    ['ORDER_PROMOTION_BUDGET_EXCEEDED'],
  );
}

/** The pricing facts of today for `lines` of an order of `customer`, as the API's lookup loads them. */
export const pricingOf = (sim: Sim, customer: CustomerEntity, lines: readonly { sku: string }[]): PricingFacts =>
  sim.pricing.factsFor(
    customer,
    today(sim),
    sim.world.categories,
    lines.map((line) => line.sku),
  );

/** Cancels the order if nothing has shipped yet. */
export function cancel(sim: Sim, order: OrderEntity, reason: string): void {
  const status = order.stream.state.status;
  if (status !== 'placed' && status !== 'awaiting_approval' && status !== 'confirmed') return;
  runOrder(sim, order, {
    type: 'CancelOrder',
    data: { orderId: order.id, reason },
    metadata: sim.engine.metadata(order.rep.actor),
  });
}
