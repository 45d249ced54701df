import type { IsoDate, ShipmentId, ShipmentLine, LineId } from '@salesbook/domain';
import { plusBusinessDays } from '../calendar.js';
import { TEXTS } from '../names.js';
import { businessDaysLater, onDate, today, type Sim } from '../sim.js';
import { fileOrderComplaint } from './complaints.js';
import { runOrder, type OrderEntity } from './orders.js';

/** Share of deliveries that arrive after the promised date, by region (export shipments run late more often). */
const lateRate = (region: string): number => (region === 'overseas' ? 0.18 : 0.08);

/** Plans the first shipment a few business days after confirmation; the rest follows from it. */
export function planFulfilment(sim: Sim, order: OrderEntity): void {
  const shipOn = plusBusinessDays(today(sim), sim.random.int(2, 6));
  sim.engine.at(onDate(sim, shipOn), () => ship(sim, order, 1));
}

/** What a shipment takes: everything left, or (a first partial shipment) 40-80% of each line. */
function shipmentLines(sim: Sim, order: OrderEntity, partial: boolean): ShipmentLine[] {
  const state = order.stream.state;
  if (state.status === 'none') return [];
  const lines: ShipmentLine[] = [];
  for (const line of state.lines) {
    const left = line.quantity - line.shipped;
    const quantity = partial
      ? left >= 2
        ? Math.ceil(left * (0.4 + sim.random.next() * 0.4))
        : sim.random.chance(0.5)
          ? left
          : 0
      : left;
    if (quantity > 0) lines.push({ lineId: line.lineId as LineId, quantity: Math.min(quantity, left) });
  }
  return lines;
}

function ship(sim: Sim, order: OrderEntity, number: number): void {
  const status = order.stream.state.status;
  if (status !== 'confirmed' && status !== 'partially_shipped') return;
  const { random, engine } = sim;
  const partial = number === 1 && random.chance(0.15);
  const lines = shipmentLines(sim, order, partial);
  if (lines.length === 0) return;
  const data = { orderId: order.id, shipmentId: `S${number}` as ShipmentId, shippedOn: today(sim), lines };
  const shipped = runOrder(sim, order, {
    type: 'RecordShipment',
    data,
    metadata: engine.metadata(sim.world.staff.logistics),
  });
  if (!shipped.ok) return;
  if (order.stream.state.status === 'shipped') {
    planDelivery(sim, order, today(sim));
  } else if (random.chance(0.25)) {
    engine.at(businessDaysLater(sim, random.int(5, 10)), () => closeShort(sim, order));
  } else {
    engine.at(businessDaysLater(sim, random.int(3, 8)), () => ship(sim, order, number + 1));
  }
}

function closeShort(sim: Sim, order: OrderEntity): void {
  if (order.stream.state.status !== 'partially_shipped') return;
  const closed = runOrder(sim, order, {
    type: 'CloseOrder',
    data: { orderId: order.id, reason: sim.random.pick(TEXTS.closeReasons) },
    metadata: sim.engine.metadata(order.rep.actor),
  });
  if (closed.ok) planDelivery(sim, order, today(sim));
}

/** Delivery one or two business days after the last shipment, or (late) some days after the promised date. */
function planDelivery(sim: Sim, order: OrderEntity, lastShippedOn: IsoDate): void {
  const state = order.stream.state;
  if (state.status === 'none') return;
  const { random } = sim;
  const late = random.chance(lateRate(order.customer.region.id));
  const base = late && state.promisedDeliveryDate > lastShippedOn ? state.promisedDeliveryDate : lastShippedOn;
  const deliveredOn = plusBusinessDays(base, late ? random.int(1, 8) : random.int(1, 2));
  sim.engine.at(onDate(sim, deliveredOn), () => deliver(sim, order));
}

function deliver(sim: Sim, order: OrderEntity): void {
  const delivered = runOrder(sim, order, {
    type: 'ConfirmDelivery',
    data: { orderId: order.id, deliveredOn: today(sim) },
    metadata: sim.engine.metadata(sim.world.staff.logistics),
  });
  const event = delivered.ok ? delivered.events[0] : undefined;
  if (event?.type !== 'OrderDelivered') return;
  const customer = order.customer;
  customer.mood = Math.max(-1, Math.min(1, customer.mood + (event.data.onTime ? 0.02 : -0.12)));
  const complaintChance = event.data.onTime ? 0.015 : 0.12;
  if (sim.random.chance(complaintChance)) {
    const category = event.data.onTime ? 'product_quality' : 'delivery';
    sim.engine.at(businessDaysLater(sim, sim.random.int(0, 4)), () =>
      fileOrderComplaint(sim, customer, order.id, category),
    );
  }
}
