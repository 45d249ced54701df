import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { right } from 'fp-ts/lib/Either.js';
import { customerDecider, customerStream, type CustomerId, type ForgetCustomerPersonalDataCommand, type WithAccess } from '@salesbook/domain';
import { forgetCustomer, type EventCodec, type EventStore } from '@salesbook/eventstore';
import type { SqliteKeyStore } from '@salesbook/keystore';
import { AggregateCommand, toOutcome, type CommandReply, type CommandRequest } from '../commands/command-request.js';
import { runCommand } from '../commands/run-command.js';
import { EVENT_CODEC, EVENT_STORE, KEY_STORE } from '../infrastructure/tokens.js';

/** A Customer command on the CommandBus. */
export class CustomerCommand extends AggregateCommand {}

/** Decides Customer commands on the customer's stream; an erasure also destroys the customer's data key. */
@CommandHandler(CustomerCommand)
export class CustomerCommandHandler implements ICommandHandler<CustomerCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_CODEC) private readonly codec: EventCodec,
    @Inject(KEY_STORE) private readonly keys: SqliteKeyStore,
  ) {}

  async execute({ request }: CustomerCommand): Promise<CommandReply> {
    const { customerId } = request.data as { customerId: CustomerId };
    if (request.type === 'ForgetCustomerPersonalData') return this.forget(customerId, request);
    return runCommand({ store: this.store, codec: this.codec }, customerDecider, customerStream(customerId), request);
  }

  /** Records the erasure through the decider (who may), then destroys the data key: every personal field reads `[erased]`. */
  private async forget(customerId: CustomerId, request: CommandRequest): Promise<CommandReply> {
    // The route's schema validated `data` for ForgetCustomerPersonalData: the cast records that trust.
    const command = { type: request.type, data: request.data, metadata: request.metadata, access: request.access } as WithAccess<ForgetCustomerPersonalDataCommand>;
    const streamName = customerStream(customerId);
    const result = await forgetCustomer({ store: this.store, codec: this.codec, keys: this.keys, command, commandId: request.commandId });
    const outcome = toOutcome(streamName, result);
    if (outcome._tag === 'Left' || result._tag === 'Left') return outcome;
    return right({ ...outcome.right, keyDestroyed: result.right.keyDestroyed });
  }
}
