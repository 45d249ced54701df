import { afterEach, beforeEach, describe } from '@jest/globals';
import type { EventStore } from '../port.js';
import { describeAppendManyContract } from './contract/append-many.contract.js';
import { describeAppendContract } from './contract/append.contract.js';
import type { ContractContext, ContractOptions, ContractSubject } from './contract/context.js';
import { describeIdempotencyContract } from './contract/idempotency.contract.js';
import { describeInstancesContract } from './contract/instances.contract.js';
import { describeReadContract } from './contract/read.contract.js';
import { describeSubscriptionContract } from './contract/subscription.contract.js';

export type { ContractHooks, ContractOptions, ContractSubject } from './contract/context.js';

/**
 * Registers the event store contract (jest `describe`/`it` blocks): every semantic of the port that
 * an adapter must honour. Each test gets a fresh subject from `open` and disposes of it afterwards.
 * Tests that need a hook (`options.hooks`) are registered only when the adapter gives that hook.
 *
 * @example
 * // test/contract/memory.contract.spec.ts
 * describeEventStoreContract('memory', async () => {
 *   const log = createMemoryEventLog();
 *   const store = createMemoryEventStore({ log });
 *   return { store, log, dispose: () => store.close() };
 * }, { hooks: { openAnother: async ({ log }) => createMemoryEventStore({ log }) } });
 */
export function describeEventStoreContract<S extends ContractSubject>(
  name: string,
  open: () => Promise<S>,
  options: ContractOptions<S> = {},
): void {
  let current: S | undefined;
  const subject = (): S => {
    if (current === undefined) throw new Error('the contract subject is only available inside a test');
    return current;
  };
  const context: ContractContext<S> = {
    hooks: options.hooks ?? {},
    options: {
      largeStreamSize: options.largeStreamSize ?? 10_000,
      transactionalAppendMany: options.transactionalAppendMany ?? true,
      emptyOnOpen: options.emptyOnOpen ?? true,
      timeoutMs: options.timeoutMs ?? 30_000,
    },
    subject,
    store: (): EventStore => subject().store,
  };

  const skip = options.skip;
  const register = skip === undefined ? describe : describe.skip;
  register(`${name} event store contract${skip === undefined ? '' : ` (skipped: ${skip})`}`, () => {
    beforeEach(async () => {
      current = await open();
    }, context.options.timeoutMs);

    afterEach(async () => {
      const disposing = current;
      current = undefined;
      await disposing?.dispose();
    }, context.options.timeoutMs);

    describeAppendContract(context);
    describeReadContract(context);
    describeAppendManyContract(context);
    describeSubscriptionContract(context);
    describeInstancesContract(context);
    describeIdempotencyContract(context);
  });
}
