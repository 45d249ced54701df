import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { EventStore } from '@salesbook/eventstore';
import { describeEventStoreContract } from '@salesbook/eventstore/testing';
import { createSqliteEventStore } from '@salesbook/eventstore-sqlite';

// Each test gets a fresh SQLite file in a temp folder; openAnother opens a second connection on the
// same file, as a second process would. A short poll interval keeps cross-connection tests quick.
describeEventStoreContract(
  'sqlite',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'salesbook-contract-sqlite-'));
    const path = join(dir, 'events.db');
    const opened: EventStore[] = [];
    const open = (): EventStore => {
      const store = createSqliteEventStore({ path, pollIntervalMs: 20 });
      opened.push(store);
      return store;
    };
    return {
      store: open(),
      open,
      dispose: async () => {
        await Promise.all(opened.map((each) => each.close()));
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  {
    hooks: {
      appendSystemEvent: async ({ store }) => {
        await store.appendToStream('$stats-sqlite', [
          { eventId: randomUUID(), type: '$statsCollected', data: {}, metadata: {} },
        ]);
      },
      openAnother: async ({ open }) => open(),
    },
  },
);
