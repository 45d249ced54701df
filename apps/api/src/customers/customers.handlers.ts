import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { right } from 'fp-ts/lib/Either.js';
import {
  customerDecider,
  customerEventRegistry,
  customerStream,
  type CommandPayload,
  type CustomerCommand,
  type ForgetCustomerPersonalDataCommand,
  type WithAccess,
} from '@salesbook/domain';
import type { EventCodec, EventStore } from '@salesbook/eventstore';
import { forgetCustomer } from '@salesbook/personal-data';
import type { ManagedKeyStore } from '@salesbook/keystore';
import { AggregateCommand, toOutcome, type CommandReply } from '../commands/command-request.js';
import { runCommand } from '../commands/run-command.js';
import { EVENT_CODEC, EVENT_STORE, KEY_STORE } from '../infrastructure/tokens.js';

/** A Customer command on the CommandBus: one of the Customer payloads. */
export class CustomerCommandMessage extends AggregateCommand<CommandPayload<CustomerCommand>> {}

/** Decides Customer commands on the customer's stream; an erasure also destroys the customer's data key. */
@CommandHandler(CustomerCommandMessage)
export class CustomerCommandHandler implements ICommandHandler<CustomerCommandMessage> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_CODEC) private readonly codec: EventCodec,
    @Inject(KEY_STORE) private readonly keys: ManagedKeyStore,
  ) {}

  async execute({ request }: CustomerCommandMessage): Promise<CommandReply> {
    const { payload, metadata, access } = request;
    if (payload.type === 'ForgetCustomerPersonalData')
      return this.forget({ ...payload, metadata, access }, request.commandId);
    const target = {
      decider: customerDecider,
      registry: customerEventRegistry,
      streamName: customerStream(payload.data.customerId),
      expectNewStream: payload.type === 'RegisterCustomer',
    };
    return runCommand({ store: this.store, codec: this.codec }, target, request, {
      command: { ...payload, metadata, access },
    });
  }

  /** Records the erasure through the decider (who may), then destroys the data key: every personal field reads `[erased]`. */
  private async forget(
    command: WithAccess<ForgetCustomerPersonalDataCommand>,
    commandId: string,
  ): Promise<CommandReply> {
    const result = await forgetCustomer({ store: this.store, codec: this.codec, keys: this.keys, command, commandId });
    const outcome = toOutcome(customerStream(command.data.customerId), result);
    if (outcome._tag === 'Left' || result._tag === 'Left') return outcome;
    return right({ ...outcome.right, keyDestroyed: result.right.keyDestroyed });
  }
}
