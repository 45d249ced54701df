import { createMemoryEventStore } from '@salesbook/eventstore';
import Database from 'better-sqlite3';
import { append, countingProjection } from '../testing/counting-projection.js';
import { ProjectionRunner } from './runner.js';

const NAME = 'test_counts';

describe('ProjectionRunner.contentTag: changes whenever the tables queries read may have changed', () => {
  it('moves with each applied batch, with a retry that applied parked events, and with a rebuild swap; never otherwise', async () => {
    const store = createMemoryEventStore();
    const fixed = { value: false };
    await append(store, 'order-a', 1);
    await append(store, 'order-a', 5, 'Poison');
    const db = new Database(':memory:');
    const runner = new ProjectionRunner({ db, store, projections: [countingProjection(fixed)] });
    await runner.start();
    await runner.whenLive();
    const atStart = runner.contentTag(NAME);
    expect(runner.contentTag(NAME)).toBe(atStart);

    const { position } = await store.appendToStream('order-b', [
      { eventId: 'ffffffff-0000-4000-8000-0000000000b1', type: 'Counted', data: { amount: 10 }, metadata: {} },
    ]);
    await runner.whenAt(NAME, position);
    const afterBatch = runner.contentTag(NAME);
    expect(afterBatch).not.toBe(atStart);

    // The poison event was parked: a retry after the fix applies it without moving the checkpoint.
    fixed.value = true;
    expect(runner.retry(NAME)).toMatchObject({ applied: 1 });
    const afterRetry = runner.contentTag(NAME);
    expect(afterRetry).not.toBe(afterBatch);

    await runner.rebuild(NAME);
    expect(runner.contentTag(NAME)).not.toBe(afterRetry);
    await runner.stop();
    db.close();
  });
});
