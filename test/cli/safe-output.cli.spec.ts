import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { salesbookEventRegistry } from '@salesbook/domain';
import { createEventCodec } from '@salesbook/eventstore';
import { createSqliteEventStore } from '@salesbook/eventstore-sqlite';
import { ensureCliBuilt, salesbook, workspace, type Workspace } from './cli-harness.js';

// Issue 17, abuse 5: a reason holding terminal escapes (clear screen, set the window title, a forged line) is
// stored as the text it is; the CLI must show it, not let the auditor's terminal act on it.
const FORGED = 'late\u001b[2J\u001b[H\u001b]0;pwned\u0007\u009b31m\r\nverify: OK\u202e';

const spaces: Workspace[] = [];
beforeAll(() => ensureCliBuilt(), 180_000);
afterEach(() => spaces.splice(0).forEach((ws) => ws.dispose()));

/** A cancelled order whose reason is {@link FORGED}, appended through the real codec to the workspace's SQLite file. */
async function storeForgedReason(ws: Workspace): Promise<void> {
  const store = createSqliteEventStore({ path: ws.eventsPath });
  try {
    const at = '2026-03-01T08:00:00.000Z';
    const event = {
      type: 'OrderCancelled',
      data: {
        orderId: 'O-9',
        customerId: 'C-9',
        repId: 'rep-1',
        region: 'east',
        currency: 'CNY',
        wasConfirmed: false,
        bookedReversed: 0,
        reason: FORGED,
        cancelledAt: at,
      },
    };
    const metadata = {
      eventId: randomUUID(),
      occurredAt: at,
      actor: { id: 'rep-1', role: 'sales_rep' },
      correlationId: 'c-1',
      causationId: 'c-1',
      commandId: 'c-1',
    };
    const encoded = await createEventCodec(salesbookEventRegistry).encode([{ event, metadata }] as never);
    if (encoded._tag === 'Left') throw new Error(encoded.left.message);
    await store.appendToStream('order-O-9', encoded.right);
  } finally {
    await store.close();
  }
}

describe('salesbook history', () => {
  it('prints a reason with terminal escapes written out, so it cannot clear the screen or forge a line', async () => {
    const ws = workspace();
    spaces.push(ws);
    await storeForgedReason(ws);
    const run = await salesbook(['history', 'order-O-9'], ws.env);
    expect(run.code).toBe(0);
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(run.stdout.split('\n').filter((line) => line.startsWith('verify'))).toEqual([]);
    expect(run.stdout).toContain('late\\x1b[2J\\x1b[H\\x1b]0;pwned\\x07\\x9b31m');
    // The JSON form keeps the reason exactly, as JSON escapes it.
    const json = await salesbook(['history', 'order-O-9', '--json'], ws.env);
    expect(JSON.parse(json.stdout).events[0].reason).toBe(FORGED);
  }, 60_000);
});
