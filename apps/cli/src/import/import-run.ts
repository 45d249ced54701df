import {
  accessFacts,
  customerDecider,
  customerEventRegistry,
  customerSnapshot,
  customerStream,
  orderDecider,
  orderEventRegistry,
  orderStream,
  orderToReceivable,
  receivableDecider,
  receivableEventRegistry,
  receivableIdForOrder,
  receivableStream,
  teamDecider,
  teamEventRegistry,
  TEAM_STREAM,
  type Command,
  type CustomerCommand,
  type CustomerEvent,
  type CustomerSnapshot,
  type CustomerState,
  type OrderCommand,
  type OrderEvent,
  type OrderState,
  type PaymentTerms,
  type ReceivableCommand,
  type ReceivableEvent,
  type ReceivableState,
  type TeamState,
} from '@salesbook/domain';
import type { EventCodec, EventStore, StreamAppend } from '@salesbook/eventstore';
import { businessDate } from '@salesbook/projections';
import { say } from '../i18n/messages.js';
import { refusalText } from '../i18n/refusals.js';
import { readClosedMonths } from './closed-months.js';
import { orderCommands, recordPayment, registerCustomer } from './commands.js';
import type { CustomerDraft, OrderDraft } from './order-drafts.js';
import type { PaymentRow } from './payment-rows.js';
import { StreamPlan, type CommandFacts } from './stream-plan.js';

type CustomerPlan = StreamPlan<CustomerCommand, CustomerEvent, CustomerState>;
type ReceivablePlan = StreamPlan<ReceivableCommand, ReceivableEvent, ReceivableState>;

/** A plan whose queued events can be taken as a bulk part. */
type Drainable = Pick<StreamPlan<never, never, unknown>, 'streamName' | 'drain'>;

/** What an import wrote (or, in a dry run, would write) and what it found already there. */
export interface ImportCounts {
  customersRegistered: number;
  customersKnown: number;
  ordersWritten: number;
  ordersAlready: number;
  receivablesOpened: number;
  receivablesAlready: number;
  paymentsRecorded: number;
  paymentsAlready: number;
  events: number;
}

/** What one run needs: where to read, how to encode, the business zone and the terms of imported orders. */
export interface ImportSettings {
  /** Undefined when the store was empty at the start: nothing to read back. */
  readonly existing: EventStore | undefined;
  readonly codec: EventCodec;
  readonly zone: string;
  readonly terms: PaymentTerms;
  readonly customers: ReadonlyMap<string, CustomerDraft>;
}

/**
 * Decides an import, order by order, through the real deciders and the order -> receivable policy, and hands
 * the events over in bulk parts. Customers are registered once, from their first row; receivables stay
 * known for the payments that follow.
 */
export class ImportRun {
  readonly counts: ImportCounts = {
    customersRegistered: 0,
    customersKnown: 0,
    ordersWritten: 0,
    ordersAlready: 0,
    receivablesOpened: 0,
    receivablesAlready: 0,
    paymentsRecorded: 0,
    paymentsAlready: 0,
    events: 0,
  };
  private readonly customers = new Map<string, CustomerPlan>();
  private registerRead: Promise<TeamState> | undefined;
  private closedRead: Promise<readonly string[]> | undefined;
  private readonly receivables = new Map<string, ReceivablePlan>();
  private dirty = new Set<Drainable>();

  constructor(private readonly settings: ImportSettings) {}

  /** Decides one order (and its receivable); the reason it was refused, or undefined. Nothing of a refused order is queued. */
  async order(draft: OrderDraft): Promise<string | undefined> {
    const customer = await this.customer(draft.head.customerId);
    if (typeof customer === 'string') return customer;
    const orderPlan = await this.load(
      { decider: orderDecider, registry: orderEventRegistry },
      orderStream(draft.orderId as never),
    );
    if (typeof orderPlan === 'string') return orderPlan;
    const commands = orderCommands(draft, customer, this.settings.terms, this.settings.zone);
    if (typeof commands === 'string') return commands;
    const decided = orderPlan.decideAll(commands);
    if (decided._tag === 'Left') return refusalText(decided.left);
    const receivable = await this.invoice(orderPlan);
    if (typeof receivable === 'string') return receivable;
    if (decided.right.added === 0) this.counts.ordersAlready += 1;
    else this.counts.ordersWritten += 1;
    this.queue(orderPlan);
    return undefined;
  }

  /** Decides one payment on its order's receivable; the reason it was refused, or undefined. */
  async payment(row: PaymentRow): Promise<string | undefined> {
    const plan = await this.receivable(row.orderId);
    if (typeof plan === 'string') return plan;
    if (plan.events.length === 0) return say('refusal.noReceivable', { id: row.orderId });
    const command = recordPayment(row, this.settings.zone);
    if (typeof command === 'string') return command;
    const decided = plan.decideAll([command]);
    if (decided._tag === 'Left') return refusalText(decided.left);
    // A payment id the receivable already holds is a no-op of the decider: no event, nothing changes.
    if (decided.right.events === 0) this.counts.paymentsAlready += 1;
    else this.counts.paymentsRecorded += 1;
    this.queue(plan);
    return undefined;
  }

  /** The bulk parts of everything decided since the last call: customers first, so registrations precede orders in the log. */
  async drain(): Promise<StreamAppend[]> {
    const parts: StreamAppend[] = [];
    const plans = [...this.dirty].sort((a, b) => rank(a.streamName) - rank(b.streamName));
    this.dirty.clear();
    for (const plan of plans) {
      const part = await plan.drain(this.settings.codec);
      if (part._tag === 'Left') throw new Error(`${plan.streamName}: ${part.left.code}: ${part.left.message}`);
      if (part.right !== undefined) {
        parts.push(part.right);
        this.counts.events += part.right.events.length;
      }
    }
    return parts;
  }

  /**
   * The sales team register as the store holds it when the import starts (read once): imported orders and
   * customers name reps it must know, as through the API.
   */
  private register(): Promise<TeamState> {
    this.registerRead ??= (async () => {
      const plan = await StreamPlan.load(
        this.settings.existing,
        this.settings.codec,
        { decider: teamDecider, registry: teamEventRegistry },
        TEAM_STREAM,
        () => ({ access: { actor: null } }),
      );
      if (plan._tag === 'Left') throw new Error(`${TEAM_STREAM}: ${plan.left.code}: ${plan.left.message}`);
      return plan.right.state;
    })();
    return this.registerRead;
  }

  /** The months closed when the import starts (read once): history dated in them is refused or posted late, as through the API. */
  private closedMonths(): Promise<readonly string[]> {
    this.closedRead ??= readClosedMonths(this.settings.existing, this.settings.codec);
    return this.closedRead;
  }

  /** Order plans are needed only while their order is decided; customers and receivables stay for later rows. */
  private queue(plan: Drainable): void {
    this.dirty.add(plan);
  }

  private async load<
    C extends OrderCommand | CustomerCommand | ReceivableCommand,
    E extends OrderEvent | CustomerEvent | ReceivableEvent,
    S,
  >(
    aggregate: Parameters<typeof StreamPlan.load<C, E, S>>[2],
    streamName: string,
  ): Promise<StreamPlan<C, E, S> | string> {
    const register = await this.register();
    const closed = await this.closedMonths();
    const facts = (command: Command): CommandFacts => {
      const on = businessDate(command.metadata.occurredAt, this.settings.zone);
      return { access: accessFacts(register, command, on), periods: { closed, recordedOn: on } };
    };
    const loaded = await StreamPlan.load(this.settings.existing, this.settings.codec, aggregate, streamName, facts);
    return loaded._tag === 'Left'
      ? `${streamName} cannot be read: ${loaded.left.code}: ${loaded.left.message}`
      : loaded.right;
  }

  /** The customer's snapshot for the order's checks, registering the customer first when the store does not know it. */
  private async customer(customerId: string): Promise<CustomerSnapshot | string> {
    let plan = this.customers.get(customerId);
    if (plan === undefined) {
      const loaded = await this.load(
        { decider: customerDecider, registry: customerEventRegistry },
        customerStream(customerId as never),
      );
      if (typeof loaded === 'string') return loaded;
      plan = loaded;
      const draft = this.settings.customers.get(customerId);
      if (plan.events.length > 0 || draft === undefined) this.counts.customersKnown += 1;
      else {
        const command = registerCustomer(draft, this.settings.zone);
        if (typeof command === 'string') return `customer ${customerId}: ${command}`;
        const decided = plan.decideAll([command]);
        if (decided._tag === 'Left')
          return say('refusal.customer', { id: customerId, reason: refusalText(decided.left) });
        this.counts.customersRegistered += 1;
        this.queue(plan);
      }
      this.customers.set(customerId, plan);
    }
    const view = customerSnapshot(plan.state);
    if (view === null) return say('refusal.customerUnknown', { id: customerId });
    // Open receivables are not counted (as in the API until the collections read model lands): imports set no credit limits.
    return {
      status: view.status,
      homeRegion: view.region,
      ownerRep: view.ownerRepId,
      segment: view.segment,
      openReceivables: 0,
      ...(view.creditLimit === null ? {} : { creditLimit: view.creditLimit }),
    };
  }

  private async receivable(orderId: string): Promise<ReceivablePlan | string> {
    const id = receivableIdForOrder(orderId as never);
    const known = this.receivables.get(id);
    if (known !== undefined) return known;
    const loaded = await this.load(
      { decider: receivableDecider, registry: receivableEventRegistry },
      receivableStream(id),
    );
    if (typeof loaded !== 'string') this.receivables.set(id, loaded);
    return loaded;
  }

  /** Runs the order -> receivable policy over the order's events, with the API policy's command id, so either opens it once. */
  private async invoice(orderPlan: StreamPlan<OrderCommand, OrderEvent, OrderState>): Promise<string | undefined> {
    for (const event of orderPlan.events) {
      const commands = orderToReceivable(event, {
        occurredAt: event.metadata.occurredAt,
        businessDateOf: (instant) => businessDate(instant, this.settings.zone),
      });
      for (const command of commands) {
        const plan = await this.receivable(command.data.orderId);
        if (typeof plan === 'string') return plan;
        const decided = plan.decideAll([
          {
            command,
            commandId: `order-to-receivable-${command.data.orderId}`,
            correlationId: event.metadata.correlationId,
            causationId: event.metadata.eventId,
          },
        ]);
        if (decided._tag === 'Left')
          return say('refusal.receivable', { id: command.data.receivableId, reason: refusalText(decided.left) });
        if (decided.right.added === 0) this.counts.receivablesAlready += 1;
        else this.counts.receivablesOpened += 1;
        this.queue(plan);
      }
    }
    return undefined;
  }
}

const rank = (streamName: string): number =>
  streamName.startsWith('customer-') ? 0 : streamName.startsWith('order-') ? 1 : 2;
