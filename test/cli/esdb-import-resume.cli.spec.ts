import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { startEsdbDouble, type EsdbDouble } from '../support/esdb-double/index.js';
import { ensureCliBuilt, ORDERS_HEADER, salesbook, workspace, type Workspace } from './cli-harness.js';

// `salesbook import` on EventStoreDB (the wire-level double) with a small maximum append size, so each order's
// events are cut into several appends, and a failure injected part-way: the import stops, and running it again
// writes the rest, nothing twice. Client integration verified; server semantics assumed.

const MAX_APPEND = '2048';
const REGIONS = [
  ['east', 'rep-1'],
  ['west', 'rep-2'],
  ['north', 'rep-4'],
] as const;

/** 24 delivered orders of 6 customers, two lines each (their events are several kilobytes per order). */
const ORDERS = [
  ORDERS_HEADER,
  ...Array.from({ length: 24 }, (_, index) => {
    const [region, rep] = REGIONS[index % 3]!;
    const customer = `C-${index % 6}`;
    const day = String((index % 20) + 1).padStart(2, '0');
    const row = (sku: string) =>
      `O-${index},2024-03-${day},${customer},Customer ${customer},smb,${region},${rep},CNY,${sku},Widget ${sku},2,10.00,0,2024-04-01,2024-04-02,2024-04-03`;
    return [row('SKU-1'), row('SKU-2')];
  }).flat(),
].join('\n');

const opened: Array<{ stop(): Promise<void> } | Workspace> = [];
afterEach(async () => {
  for (const each of opened.splice(0)) await ('stop' in each ? each.stop() : each.dispose());
});

async function setUp(): Promise<{ double: EsdbDouble; ws: Workspace; orders: string }> {
  const double = await startEsdbDouble({ maxAppendSize: Number(MAX_APPEND) });
  const ws = workspace(double.connectionString);
  opened.push(double, ws);
  return { double, ws, orders: ws.file('orders.csv', ORDERS) };
}

/** Every application event's id with the stream it is in, as the double holds them. */
const stored = (double: EsdbDouble): string[] =>
  double.log.all.filter((event) => !event.type.startsWith('$')).map((event) => `${event.streamName}/${event.id}`);

beforeAll(() => ensureCliBuilt(), 180_000);

describe('salesbook import on EventStoreDB, past its maximum append size and a failure', () => {
  it('cuts appends below SALESBOOK_ESDB_MAX_APPEND_BYTES; without it the server refuses', async () => {
    const { double, ws, orders } = await setUp();
    const refused = await salesbook(['import', orders], ws.env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("exceeds the server's maximum append size (2048 bytes)");
    const run = await salesbook(['import', orders], { ...ws.env, SALESBOOK_ESDB_MAX_APPEND_BYTES: MAX_APPEND });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(double.log.all.filter((event) => event.type === 'OrderDelivered')).toHaveLength(24);
  }, 60_000);

  it('resumes after a failure part-way: the second run writes the rest, every event once, the same read models', async () => {
    const clean = await setUp();
    const env = { SALESBOOK_ESDB_MAX_APPEND_BYTES: MAX_APPEND };
    expect((await salesbook(['import', clean.orders], { ...clean.ws.env, ...env })).code).toBe(0);

    const { double, ws, orders } = await setUp();
    double.injectFault('append', 'access-denied', 1, 40);
    const failed = await salesbook(['import', orders], { ...ws.env, ...env });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('access denied');
    const partial = stored(double).length;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(stored(clean.double).length);

    const resumed = await salesbook(['import', orders], { ...ws.env, ...env });
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    expect(stored(double)).toHaveLength(new Set(stored(double)).size);
    expect(stored(double).sort()).toEqual(stored(clean.double).sort());
    const digests = async (each: Workspace): Promise<string | undefined> =>
      /digests: (.*)/.exec((await salesbook(['replay'], each.env)).stdout)?.[1];
    expect(await digests(ws)).toEqual(await digests(clean.ws));
  }, 120_000);
});
