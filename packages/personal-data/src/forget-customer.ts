import { right, type Either } from 'fp-ts/lib/Either.js';
import {
  customerDecider,
  customerEventRegistry,
  customerStream,
  type CustomerEvent,
  type DomainError,
  type ForgetCustomerPersonalDataCommand,
  type WithAccess,
} from '@salesbook/domain';
import { handleCommand, type CommandResult, type EventCodec, type EventStore } from '@salesbook/eventstore';
import type { DataKeyStore } from './data-keys.js';

/** What {@link forgetCustomer} needs. */
export interface ForgetCustomerInput {
  readonly store: EventStore;
  /** The personal data codec (its keys are `keys`). */
  readonly codec: EventCodec;
  readonly keys: DataKeyStore;
  /** With the access facts of the actor (the register's view of them at the business date). */
  readonly command: WithAccess<ForgetCustomerPersonalDataCommand>;
  readonly commandId: string;
}

/** The recorded erasure, and whether a data key was destroyed by this call. */
export type ForgetCustomerResult = CommandResult<CustomerEvent> & { readonly keyDestroyed: boolean };

/**
 * Erases a customer's personal data: records CustomerPersonalDataForgotten through the customer decider
 * (which checks who may), then destroys the customer's data key. In that order, so a refused request
 * destroys nothing; a retry with the same command id after a crash between the two still destroys the key.
 *
 * @example
 * const erased = await forgetCustomer({ store, codec, keys, command: { type: 'ForgetCustomerPersonalData', data, metadata }, commandId });
 */
export async function forgetCustomer(input: ForgetCustomerInput): Promise<Either<DomainError, ForgetCustomerResult>> {
  const { customerId } = input.command.data;
  const recorded = await handleCommand({
    store: input.store,
    codec: input.codec,
    decider: customerDecider,
    registry: customerEventRegistry,
    streamName: customerStream(customerId),
    command: input.command,
    commandId: input.commandId,
  });
  if (recorded._tag === 'Left') return recorded;
  const forgotten = await input.keys.forget(customerId);
  return right({ ...recorded.right, keyDestroyed: forgotten.destroyed });
}
