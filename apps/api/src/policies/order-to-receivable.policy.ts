import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { orderEventRegistry, orderToReceivable } from '@salesbook/domain';
import {
  countEventsAfter,
  type EventCodec,
  type EventStore,
  type RecordedEvent,
  type Subscription,
} from '@salesbook/eventstore';
import { businessDate, nextOutage, type Outage } from '@salesbook/projections';
import type { ApiConfig } from '../config/config.js';
import { API_CONFIG, CLOCK, EVENT_CODEC, EVENT_STORE, READ_MODELS, type Clock } from '../infrastructure/tokens.js';
import { ReceivableCommandMessage } from '../receivables/receivables.handlers.js';
import { PolicyCheckpoints } from './policy-checkpoints.js';
import { PolicyParking, type ParkedPolicyEvent } from './policy-parking.js';

/** The policy's name: its checkpoint's key in `policy_checkpoints` and the prefix of its command ids. */
export const ORDER_TO_RECEIVABLE_POLICY = 'order-to-receivable';
const POLICY = ORDER_TO_RECEIVABLE_POLICY;
const TRIGGERS = new Set(['OrderConfirmed', 'OrderDelivered']);
/** The lag is counted up to this many events (a status, not a report). */
const LAG_COUNT_LIMIT = 1_000;

/** What `/projections/status` shows of a policy. */
export interface PolicyStatus {
  readonly name: string;
  readonly position: string | null;
  readonly head: string | null;
  /** Events after the checkpoint, counted up to 1,000. */
  readonly lag: number;
  readonly parked: readonly ParkedPolicyEvent[];
  /** While its subscription is down and being restarted: since when, restarts tried, why it failed. */
  readonly retrying: { readonly since: string; readonly attempts: number; readonly lastError: string } | null;
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Opens the receivable of an order when it is invoiced (docs/domain-rules.md, Receivable), fed from the store's
 * subscription (not Nest's EventBus) from its checkpoint. Idempotent: the command id is derived from the
 * order id, so a redelivered event, a restart or a second API instance appends the receivable once.
 * An event the policy cannot act on (a refusal, a store failure, an event it cannot decode) is parked in
 * the read-model file, shown by `/projections/status`, and retried every SALESBOOK_POLICY_RETRY_MS; the
 * policy goes on with the next events meanwhile.
 */
@Injectable()
export class OrderToReceivablePolicy implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('OrderToReceivablePolicy');
  private readonly checkpoints: PolicyCheckpoints;
  private readonly parking: PolicyParking;
  private subscription: Subscription | undefined;
  private running: Promise<void> | undefined;
  private retrier: NodeJS.Timeout | undefined;
  private retrying: Promise<void> | undefined;
  private stopping = false;
  private restart: NodeJS.Timeout | undefined;
  /** Set while the subscription is down; cleared by the first message after a restart. */
  private outage: Outage | undefined;

  constructor(
    private readonly bus: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_CODEC) private readonly codec: EventCodec,
    @Inject(READ_MODELS) db: Database.Database,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.checkpoints = new PolicyCheckpoints(db);
    this.parking = new PolicyParking(db);
  }

  onApplicationBootstrap(): void {
    this.subscribe();
    this.retrier = setInterval(() => {
      this.retrying ??= this.retryParked().finally(() => (this.retrying = undefined));
    }, this.config.policyRetryMs);
    this.retrier.unref();
  }

  /** Since when the subscription has been down (ms since the epoch), if it is. */
  downSince(): number | undefined {
    return this.outage?.since;
  }

  /** Subscribes from the checkpoint; a failure subscribes again after a capped, jittered backoff. */
  private subscribe(): void {
    const after = this.checkpoints.read(POLICY);
    const subscription = this.store.subscribeToAll(after === undefined ? {} : { after });
    this.subscription = subscription;
    this.running = this.follow(subscription).then(
      () => this.down(subscription, 'the store ended the subscription'),
      (error: unknown) => this.down(subscription, describe(error)),
    );
  }

  private down(subscription: Subscription, failure: string): void {
    if (this.stopping || this.subscription !== subscription) return;
    this.outage = nextOutage(this.outage, failure, Date.now(), {});
    const wait = Math.max(0, this.outage.retryAt - Date.now());
    this.logger.warn(`subscription down (${failure}); subscribing again from the checkpoint in ${wait} ms`);
    this.restart = setTimeout(() => {
      if (!this.stopping) this.subscribe();
    }, wait);
    this.restart.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restart);
    clearInterval(this.retrier);
    await this.subscription?.unsubscribe();
    await this.running;
    await this.retrying;
    this.checkpoints.flush();
  }

  /** Checkpoint, head, lag and parked events, for `/projections/status`. */
  async status(): Promise<PolicyStatus> {
    const position = this.checkpoints.read(POLICY);
    const { outage } = this;
    const retrying =
      outage === undefined
        ? null
        : { since: new Date(outage.since).toISOString(), attempts: outage.attempts + 1, lastError: outage.lastError };
    const known = { name: POLICY, position: position?.toString() ?? null, parked: this.parking.list(POLICY), retrying };
    try {
      const head = await this.store.headPosition();
      const lag = await countEventsAfter(this.store, position, LAG_COUNT_LIMIT);
      return { ...known, head: head?.toString() ?? null, lag };
    } catch {
      // The store is away: head and lag are unknown, shown as none and the counting bound.
      return { ...known, head: null, lag: LAG_COUNT_LIMIT };
    }
  }

  private async follow(subscription: Subscription): Promise<void> {
    for await (const message of subscription) {
      this.outage = undefined;
      if (message.kind !== 'event') continue;
      if (TRIGGERS.has(message.event.type)) {
        const failure = await this.attempt(message.event);
        if (failure !== undefined) this.park(message.event, failure);
      }
      this.checkpoints.advance(POLICY, message.event.position);
    }
  }

  /** Tries each parked event again; releases those the policy could act on this time. */
  async retryParked(): Promise<void> {
    for (const parked of this.parking.list(POLICY)) {
      const position = BigInt(parked.position);
      const [event] = await this.store.readAll({ after: position - 1n, maxCount: 1 });
      if (event === undefined || event.position !== position) continue;
      const failure = await this.attempt(event);
      if (failure === undefined) this.parking.release(POLICY, parked.position);
      else this.park(event, failure);
    }
  }

  private park(event: RecordedEvent, reason: string): void {
    this.logger.warn(`${event.streamName}/${event.revision}: no receivable opened (${reason}); parked for retry`);
    this.parking.park(POLICY, event, reason, this.clock().toISOString());
  }

  /** Acts on one trigger event: `undefined` when done, else why not. */
  private async attempt(recorded: RecordedEvent): Promise<string | undefined> {
    try {
      const decoded = await this.codec.decode([recorded], orderEventRegistry);
      const envelope = decoded._tag === 'Right' ? decoded.right[0] : undefined;
      if (envelope === undefined) return 'EVENT_NOT_DECODABLE';
      const commands = orderToReceivable(envelope, {
        occurredAt: envelope.metadata.occurredAt,
        businessDateOf: (instant) => businessDate(instant, this.config.timeZone),
      });
      for (const command of commands) {
        const reply = await this.bus.execute(
          new ReceivableCommandMessage({
            payload: { type: command.type, data: command.data },
            metadata: command.metadata,
            // The system acts for the policy: it is not on the sales team register.
            access: { actor: null },
            commandId: `${POLICY}-${command.data.orderId}`,
            causationId: envelope.metadata.eventId,
            correlationId: envelope.metadata.correlationId,
          }),
        );
        if (reply._tag === 'Left') return reply.left.code;
      }
      return undefined;
    } catch (error) {
      return describe(error);
    }
  }
}
