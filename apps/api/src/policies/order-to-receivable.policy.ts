import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { orderToReceivable, type OrderEvent } from '@salesbook/domain';
import type { EventCodec, EventStore, RecordedEvent, Subscription } from '@salesbook/eventstore';
import { businessDate } from '@salesbook/projections';
import type { ApiConfig } from '../config/config.js';
import { API_CONFIG, EVENT_CODEC, EVENT_STORE, READ_MODELS } from '../infrastructure/tokens.js';
import { ReceivableCommand } from '../receivables/receivables.handlers.js';
import { PolicyCheckpoints } from './policy-checkpoints.js';

/** The policy's name: its checkpoint's key in `policy_checkpoints` and the prefix of its command ids. */
export const ORDER_TO_RECEIVABLE_POLICY = 'order-to-receivable';
const POLICY = ORDER_TO_RECEIVABLE_POLICY;
const TRIGGERS = new Set(['OrderConfirmed', 'OrderDelivered']);

/**
 * Opens the receivable of an order when it is invoiced (DESIGN.md section 3), fed from the store's
 * subscription (not Nest's EventBus) from its checkpoint. Idempotent: the command id is derived from the
 * order id, so a redelivered event, a restart or a second API instance appends the receivable once.
 */
@Injectable()
export class OrderToReceivablePolicy implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('OrderToReceivablePolicy');
  private readonly checkpoints: PolicyCheckpoints;
  private subscription: Subscription | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly bus: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_CODEC) private readonly codec: EventCodec,
    @Inject(READ_MODELS) db: Database.Database,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {
    this.checkpoints = new PolicyCheckpoints(db);
  }

  onApplicationBootstrap(): void {
    const after = this.checkpoints.read(POLICY);
    const subscription = this.store.subscribeToAll(after === undefined ? {} : { after });
    this.subscription = subscription;
    this.running = this.follow(subscription).catch((error: unknown) => this.logger.error(`stopped: ${error instanceof Error ? error.message : String(error)}`));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.subscription?.unsubscribe();
    await this.running;
    this.checkpoints.flush();
  }

  private async follow(subscription: Subscription): Promise<void> {
    for await (const message of subscription) {
      if (message.kind !== 'event') continue;
      if (TRIGGERS.has(message.event.type)) await this.apply(message.event);
      this.checkpoints.advance(POLICY, message.event.position);
    }
  }

  private async apply(recorded: RecordedEvent): Promise<void> {
    const decoded = await this.codec.decode([recorded]);
    const envelope = decoded._tag === 'Right' ? decoded.right[0] : undefined;
    if (envelope === undefined) return this.logger.warn(`cannot decode ${recorded.streamName}/${recorded.revision}; skipped`);
    const commands = orderToReceivable(envelope as unknown as OrderEvent, {
      occurredAt: envelope.metadata.occurredAt,
      businessDateOf: (instant) => businessDate(instant, this.config.timeZone),
    });
    for (const command of commands) {
      const reply = await this.bus.execute(
        new ReceivableCommand({
          ...command,
          commandId: `${POLICY}-${command.data.orderId}`,
          causationId: envelope.metadata.eventId,
          correlationId: envelope.metadata.correlationId,
        }),
      );
      if (reply._tag === 'Left') this.logger.warn(`${recorded.streamName}: no receivable opened: ${reply.left.code}`);
    }
  }
}
