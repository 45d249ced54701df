import { randomUUID } from 'node:crypto';
import type { EventStore } from '@salesbook/eventstore';
import { describeEventStoreContract, type ContractSubject } from '@salesbook/eventstore/testing';
import { createEsdbEventStore } from '@salesbook/eventstore-esdb';
import { startEsdbDouble } from '../support/esdb-double/index.js';

// Against the wire-level double: client integration verified; server semantics assumed. Both append
// paths of the client are covered: over BatchAppend (what a 21.10+ server advertises) and over Append.
for (const batchAppend of [true, false]) {
  describeEventStoreContract(
    `esdb (double, ${batchAppend ? 'BatchAppend' : 'Append'})`,
    async (): Promise<ContractSubject> => {
      const double = await startEsdbDouble({ batchAppend });
      const opened: EventStore[] = [];
      const open = (): EventStore => {
        const store = createEsdbEventStore({ connectionString: double.connectionString });
        opened.push(store);
        return store;
      };
      return {
        store: open(),
        appendSystemEvent: async () => double.appendSystemEvent(),
        openAnother: async () => open(),
        dispose: async () => {
          await Promise.all(opened.map((store) => store.close()));
          await double.stop();
        },
      };
    },
    { transactionalAppendMany: false, largeStreamSize: 2_000, timeoutMs: 20_000 },
  );
}

// Against a real server when one is configured (see the README): the same suite checks what the double
// assumes. A shared server is not empty, and system events come from the server itself.
const connectionString = process.env['EVENTSTORE_CONNECTION_STRING'];
if (connectionString !== undefined && connectionString !== '') {
  describeEventStoreContract(
    'esdb (server)',
    async (): Promise<ContractSubject> => {
      const opened: EventStore[] = [];
      const open = (): EventStore => {
        const store = createEsdbEventStore({ connectionString });
        opened.push(store);
        return store;
      };
      return {
        store: open(),
        openAnother: async () => open(),
        dispose: async () => {
          await Promise.all(opened.map((store) => store.close()));
        },
      };
    },
    { transactionalAppendMany: false, emptyOnOpen: false, largeStreamSize: 2_000 },
  );
}

// Keeps randomUUID imported for adapter specs below.
void randomUUID;
