import {
  customerDecider,
  customerStream,
  SEGMENTS,
  type CustomerCommand,
  type CustomerId,
  type CustomerSnapshot,
  type Segment,
} from '@salesbook/domain';
import { openStream } from '../engine.js';
import { companyName, contactFor, TEXTS } from '../names.js';
import { businessDaysLater, type CustomerEntity, type PayerProfile, type Sim } from '../sim.js';
import type { Region } from '../world.js';
import { meanOrderValue } from './order-lines.js';

const SEGMENT_WEIGHTS = [10, 25, 40, 25];
const ORDERS_PER_MONTH: Readonly<Record<Segment, number>> = { key_account: 3.5, enterprise: 2.5, smb: 1.5, retail: 1 };
const PAYERS: readonly PayerProfile[] = ['punctual', 'late', 'partial', 'defaulter'];
const PAYER_WEIGHTS = [64, 22, 9, 5];
const SIZES = ['micro', 'small', 'medium', 'large'] as const;

/** Runs a customer command as `customer`'s stream, traced by the customer's correlation id. */
export function runCustomer(sim: Sim, customer: CustomerEntity, command: CustomerCommand): boolean {
  return sim.engine.run(customer.stream, command, { correlationId: `customer-${customer.id}` }).ok;
}

/** What the order handler would load for `customer`: status, home region, owner, segment, credit limit, open receivables. */
export function snapshotOf(customer: CustomerEntity): CustomerSnapshot | null {
  const state = customer.stream.state;
  if (state.status === 'none') return null;
  return {
    status: state.status,
    homeRegion: state.region,
    ownerRep: state.ownerRepId,
    segment: state.segment,
    ...(state.creditLimit === null ? {} : { creditLimit: state.creditLimit }),
    openReceivables: customer.outstanding,
  };
}

/** A credit limit of a few months of the customer's expected purchases, in round amounts of 10,000. */
function creditLimitFor(sim: Sim, customer: CustomerEntity): number {
  const expected = customer.ordersPerMonth * meanOrderValue(customer.segment, customer.region);
  return Math.max(1, Math.round((expected * (2.5 + sim.random.next() * 3.5)) / 1_000_000)) * 1_000_000;
}

/** Registers a new customer of `region` at `at` (its owner is the rep with the fewest customers), then maybe sets a credit limit. */
export function registerCustomer(sim: Sim, region: Region, at: number, load: Map<string, number>): void {
  sim.engine.at(at, () => {
    const rep = region.reps.reduce((best, rep) =>
      (load.get(rep.actor.id) ?? 0) < (load.get(best.actor.id) ?? 0) ? rep : best,
    );
    const id = sim.ids.next('C', 6) as CustomerId;
    const segment = sim.random.weighted(SEGMENTS, SEGMENT_WEIGHTS);
    const customer: CustomerEntity = {
      id,
      stream: openStream('customer', customerStream(id), customerDecider),
      region,
      rep,
      segment,
      payer: sim.random.weighted(PAYERS, PAYER_WEIGHTS),
      ordersPerMonth: ORDERS_PER_MONTH[segment] * (0.6 + sim.random.next() * 0.8),
      mood: sim.random.next() * 1.2 - 0.4,
      outstanding: 0,
      active: true,
    };
    const data = {
      customerId: id,
      companyName: companyName(sim.random),
      contact: contactFor(sim.random, id),
      region: region.id,
      segment,
      ownerRepId: rep.actor.id,
      ...(sim.random.chance(0.7)
        ? { size: sim.random.pick(SIZES), businessScope: sim.random.pick(TEXTS.businessScope) }
        : {}),
      ...(sim.random.chance(0.4) ? { purchasingHabits: sim.random.pick(TEXTS.purchasingHabits) } : {}),
    };
    if (!runCustomer(sim, customer, { type: 'RegisterCustomer', data, metadata: sim.engine.metadata(rep.actor) }))
      return;
    load.set(rep.actor.id, (load.get(rep.actor.id) ?? 0) + 1);
    sim.customers.push(customer);
    if (sim.random.chance(0.65)) {
      sim.engine.at(businessDaysLater(sim, sim.random.int(0, 2)), () => setCreditLimit(sim, customer));
    }
  });
}

function setCreditLimit(sim: Sim, customer: CustomerEntity): void {
  if (!customer.active) return;
  const creditLimit = { amount: creditLimitFor(sim, customer), currency: customer.region.currency };
  runCustomer(sim, customer, {
    type: 'SetCreditLimit',
    data: { customerId: customer.id, creditLimit },
    metadata: sim.engine.metadata(customer.region.manager),
  });
}

/**
 * A month of account care for one customer, at random office instants: profile reviews, contact changes,
 * reassignment to another rep, credit limit changes, and rarely deactivation (then, sometimes, erasure).
 */
export function planCustomerCare(sim: Sim, customer: CustomerEntity, days: readonly string[]): void {
  const { random } = sim;
  const on = (run: () => void): void => sim.engine.at(businessDayInstant(sim, days), () => customer.active && run());
  if (random.chance(0.07)) on(() => reviewProfile(sim, customer));
  if (random.chance(0.012)) {
    on(() =>
      runCustomer(sim, customer, {
        type: 'ChangeCustomerContact',
        data: { customerId: customer.id, contact: contactFor(random, customer.id) },
        metadata: sim.engine.metadata(customer.rep.actor),
      }),
    );
  }
  if (random.chance(0.005) && customer.region.reps.length > 1) on(() => reassign(sim, customer));
  if (random.chance(0.02)) on(() => setCreditLimit(sim, customer));
  if (random.chance(0.004)) {
    customer.active = false;
    sim.engine.at(businessDayInstant(sim, days), () => deactivate(sim, customer));
  }
}

function businessDayInstant(sim: Sim, days: readonly string[]): number {
  return businessDaysLaterOn(sim, sim.random.pick(days));
}

const businessDaysLaterOn = (sim: Sim, day: string): number =>
  Date.parse(`${day}T01:00:00.000Z`) + sim.random.int(0, 9 * 3600 - 1) * 1000;

function reviewProfile(sim: Sim, customer: CustomerEntity): void {
  const { random } = sim;
  const data = {
    customerId: customer.id,
    ...(random.chance(0.4) ? { size: random.pick(SIZES) } : {}),
    ...(random.chance(0.3) ? { purchasingHabits: random.pick(TEXTS.purchasingHabits) } : {}),
  };
  runCustomer(sim, customer, {
    type: 'UpdateCustomerProfile',
    data,
    metadata: sim.engine.metadata(customer.rep.actor),
  });
}

function reassign(sim: Sim, customer: CustomerEntity): void {
  const others = customer.region.reps.filter((rep) => rep !== customer.rep);
  const to = sim.random.pick(others);
  const done = runCustomer(sim, customer, {
    type: 'ReassignCustomer',
    data: { customerId: customer.id, ownerRepId: to.actor.id },
    metadata: sim.engine.metadata(customer.region.manager),
  });
  if (done) customer.rep = to;
}

function deactivate(sim: Sim, customer: CustomerEntity): void {
  const manager = customer.region.manager;
  const done = runCustomer(sim, customer, {
    type: 'DeactivateCustomer',
    data: { customerId: customer.id, reason: 'Customer closed its account' },
    metadata: sim.engine.metadata(manager),
  });
  if (done && sim.random.chance(0.5)) {
    sim.engine.at(businessDaysLater(sim, sim.random.int(3, 15)), () =>
      runCustomer(sim, customer, {
        type: 'ForgetCustomerPersonalData',
        data: { customerId: customer.id, reason: 'Data subject request' },
        metadata: sim.engine.metadata(manager),
      }),
    );
  }
}
