import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createSqliteEventStore } from '@salesbook/eventstore-sqlite';
import { createEventCodec, handleCommand } from '@salesbook/eventstore';
import {
  periodDecider,
  periodEventRegistry,
  PERIOD_STREAM,
  salesbookEventRegistry,
  type Actor,
  type ActorId,
} from '@salesbook/domain';
import { ensureCliBuilt, GOOD_ORDERS, ORDERS_HEADER, salesbook, workspace, type Workspace } from './cli-harness.js';

// The import obeys the period close as the API does (issue 20): history dated in a closed month is refused with
// PERIOD_CLOSED, its line named, nothing of that order written; other months import as before.

let ws: Workspace;
beforeAll(() => ensureCliBuilt(), 180_000);
afterEach(() => ws?.dispose());

async function closeMonth(eventsPath: string, month: string): Promise<void> {
  const store = createSqliteEventStore({ path: eventsPath });
  try {
    // Finance closes the month through the real decider, as POST /periods/{month}/closure does.
    const finance: Actor = { id: 'fin-1' as ActorId, role: 'finance' };
    const command = {
      type: 'ClosePeriod' as const,
      data: { month },
      metadata: { actor: finance, occurredAt: '2024-04-03T02:00:00Z' },
      access: { actor: null },
    };
    const closed = await handleCommand({
      store,
      codec: createEventCodec(salesbookEventRegistry),
      decider: periodDecider,
      registry: periodEventRegistry,
      streamName: PERIOD_STREAM,
      command,
      commandId: `close-${month}`,
    });
    if (closed._tag === 'Left') throw new Error(closed.left.code);
  } finally {
    await store.close();
  }
}

describe('salesbook import into a closed month', () => {
  it('refuses an order dated in the closed month and writes one of an open month', async () => {
    ws = workspace();
    expect((await salesbook(['import', ws.file('orders.csv', GOOD_ORDERS)], ws.env)).code).toBe(0);
    await closeMonth(ws.eventsPath, '2024-03');
    const late = [
      ORDERS_HEADER,
      'O-9,2024-03-28,C-9,Gamma,retail,south,rep-3,CNY,SKU-9,Nine,4,9.90,0,,,',
      'O-10,2024-04-02,C-9,Gamma,retail,south,rep-3,CNY,SKU-9,Nine,1,9.90,0,,,',
    ].join('\n');
    const orders = ws.file('late.csv', late);
    const run = await salesbook(['import', orders], ws.env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${orders}:2: `);
    expect(run.stderr).toContain('PERIOD_CLOSED');
    const written = new Set(ws.events().map((event) => event.stream_name));
    expect(written.has('order-O-9')).toBe(false);
    expect(written.has('order-O-10')).toBe(true);
  }, 60_000);
});
