import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startEsdbDouble, type EsdbDouble } from '../support/esdb-double/index.js';
import { ensureCliBuilt, GOOD_ORDERS, GOOD_PAYMENTS, salesbook, workspace, type Workspace } from './cli-harness.js';

// The same commands against EventStoreDB, here the wire-level double (test/support/esdb-double): the binary
// connects to it over gRPC as it would to a server. Client integration verified; server semantics assumed.

let double: EsdbDouble;
let ws: Workspace;

beforeAll(async () => {
  ensureCliBuilt();
  double = await startEsdbDouble();
  ws = workspace(double.connectionString);
  const run = await salesbook(
    ['import', ws.file('orders.csv', GOOD_ORDERS), '--payments', ws.file('payments.csv', GOOD_PAYMENTS)],
    ws.env,
  );
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
}, 180_000);

afterAll(async () => {
  ws?.dispose();
  await double?.stop();
});

describe('salesbook against EventStoreDB (double)', () => {
  it('imports idempotently', async () => {
    const again = await salesbook(['import', `${ws.dir}/orders.csv`, '--payments', `${ws.dir}/payments.csv`], ws.env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('nothing changed');
  }, 30_000);

  it('prints history and state as of a revision', async () => {
    const history = JSON.parse((await salesbook(['history', 'order-O-1', '--json'], ws.env)).stdout);
    expect(history.events.map((event: { type: string }) => event.type)).toEqual([
      'OrderPlaced',
      'OrderConfirmed',
      'OrderShipmentRecorded',
      'OrderDelivered',
    ]);
    const state = JSON.parse((await salesbook(['state', 'order-O-1', '--as-of', '1'], ws.env)).stdout);
    expect(state.revision).toBe(1);
    expect(state.state.status).toBe('confirmed');
  }, 30_000);

  it('exports NDJSON that loads into an empty SQLite store with the same read-model digests', async () => {
    const path = `${ws.dir}/esdb.ndjson`;
    expect((await salesbook(['export', '--output', path], ws.env)).code).toBe(0);
    const sqlite = workspace();
    try {
      expect((await salesbook(['import-events', path], sqlite.env)).code).toBe(0);
      const [fromEsdb, fromSqlite] = [await salesbook(['replay'], ws.env), await salesbook(['replay'], sqlite.env)];
      expect(fromEsdb.code).toBe(0);
      expect(/digests: (.*)/.exec(fromSqlite.stdout)?.[1]).toEqual(/digests: (.*)/.exec(fromEsdb.stdout)?.[1]);
    } finally {
      sqlite.dispose();
    }
  }, 60_000);

  it('verifies chains and digests, then names an event altered in the log', async () => {
    const clean = await salesbook(['verify'], ws.env);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('verify: OK');
    const target = double.log.all.find((event) => event.streamName === 'order-O-2' && event.revision === 1n);
    if (target === undefined) throw new Error('order-O-2 revision 1 not in the double');
    const data = JSON.parse(Buffer.from(target.data).toString('utf8'));
    (target as { data: Uint8Array }).data = Buffer.from(JSON.stringify({ ...data, bookedTotal: 1 }));
    const tampered = await salesbook(['verify', '--chains-only'], ws.env);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toContain('stream order-O-2 at revision 1 (hash-mismatch)');
  }, 60_000);
});
