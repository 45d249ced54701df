import { createMemoryEventLog, createMemoryEventStore } from '@salesbook/eventstore';
import { describeEventStoreContract } from '@salesbook/eventstore/testing';
import { randomUUID } from 'node:crypto';

// Stores opened by openAnother share the first one's log, as two processes share one database file.
describeEventStoreContract(
  'memory',
  async () => {
    const log = createMemoryEventLog();
    const store = createMemoryEventStore({ log });
    return { store, log, dispose: () => store.close() };
  },
  {
    hooks: {
      appendSystemEvent: async ({ store }) => {
        await store.appendToStream('$stats-memory', [
          { eventId: randomUUID(), type: '$statsCollected', data: {}, metadata: {} },
        ]);
      },
      openAnother: async ({ log }) => createMemoryEventStore({ log }),
    },
  },
);
