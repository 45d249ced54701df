import { afterEach, beforeEach, describe } from '@jest/globals';
import type { EventStore } from '../port.js';
import { describeAppendManyContract } from './contract/append-many.contract.js';
import { describeAppendContract } from './contract/append.contract.js';
import type { ContractContext, ContractOptions, ContractSubject } from './contract/context.js';
import { describeIdempotencyContract } from './contract/idempotency.contract.js';
import { describeInstancesContract } from './contract/instances.contract.js';
import { describeReadContract } from './contract/read.contract.js';
import { describeSubscriptionContract } from './contract/subscription.contract.js';

export type { ContractOptions, ContractSubject } from './contract/context.js';

/**
 * Registers the event store contract (jest `describe`/`it` blocks): every semantic of the port that
 * an adapter must honour. Each test gets a fresh subject from `open` and disposes of it afterwards.
 *
 * @example
 * // test/contract/memory.contract.spec.ts
 * describeEventStoreContract('memory', async () => {
 *   const store = createMemoryEventStore();
 *   return { store, dispose: () => store.close() };
 * });
 */
export function describeEventStoreContract(name: string, open: () => Promise<ContractSubject>, options: ContractOptions = {}): void {
  let current: ContractSubject | undefined;
  const subject = (): ContractSubject => {
    if (current === undefined) throw new Error('the contract subject is only available inside a test');
    return current;
  };
  const context: ContractContext = {
    options: {
      largeStreamSize: options.largeStreamSize ?? 10_000,
      transactionalAppendMany: options.transactionalAppendMany ?? true,
      emptyOnOpen: options.emptyOnOpen ?? true,
      timeoutMs: options.timeoutMs ?? 30_000,
    },
    subject,
    store: (): EventStore => subject().store,
  };

  describe(`${name} event store contract`, () => {
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
