import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@salesbook/eventstore';
import { createGroupCommit } from './group-commit.js';
import { openConnection } from './schema.js';
import { prepareStatements } from './statements.js';

const event = (n: number): NewEvent => ({ eventId: randomUUID(), type: 'Counted', data: { n }, metadata: {} });
const RECORDED_AT = '2026-01-01T00:00:00.000Z';

describe('durable group commit (WAL fsync off the event loop)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'salesbook-walsync-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('acknowledges a group only once it is durable, and fails its callers when the sync fails', async () => {
    const db = openConnection({ path: join(dir, 'events.db'), synchronous: 'NORMAL', busyTimeoutMs: 100 });
    try {
      const syncs: { resolve: () => void; reject: (error: Error) => void }[] = [];
      const durable = (): Promise<void> => new Promise((resolve, reject) => syncs.push({ resolve, reject }));
      let notified = 0;
      const group = createGroupCommit(
        db,
        prepareStatements(db),
        (error) => error,
        () => (notified += 1),
        durable,
      );
      let acknowledged = false;
      const first = group
        .append([{ streamName: 's', events: [event(1)], expectedRevision: 'no_stream' }], RECORDED_AT)
        .then((results) => {
          acknowledged = true;
          return results;
        });
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
      expect(syncs).toHaveLength(1);
      expect(acknowledged).toBe(false);
      expect(notified).toBe(0);
      syncs[0]?.resolve();
      await expect(first).resolves.toMatchObject([{ nextExpectedRevision: 0, position: 1n }]);
      expect(notified).toBe(1);

      const second = group.append([{ streamName: 's', events: [event(2)], expectedRevision: 0 }], RECORDED_AT);
      await new Promise((resolve) => setImmediate(resolve));
      syncs[1]?.reject(new Error('EIO: fsync failed'));
      await expect(second).rejects.toThrow(/EIO/);
      await group.settled();
    } finally {
      db.close();
    }
  });
});
