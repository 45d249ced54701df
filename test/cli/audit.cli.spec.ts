import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { orderDecider, orderEventRegistry, salesbookEventRegistry, type OrderEvent } from '@salesbook/domain';
import { createEventCodec, loadAggregate } from '@salesbook/eventstore';
import { createSqliteEventStore } from '@salesbook/eventstore-sqlite';
import { ensureCliBuilt, GOOD_ORDERS, GOOD_PAYMENTS, salesbook, workspace, type Workspace } from './cli-harness.js';

// Auditors' commands through the real binary on SQLite files: tamper evidence, state as of a time or a
// revision, history with who/when/correlation, and export -> import-events reproducing the read models.

const spaces: Workspace[] = [];
const open = (): Workspace => {
  const ws = workspace();
  spaces.push(ws);
  return ws;
};
beforeAll(() => ensureCliBuilt(), 180_000);
afterEach(() => spaces.splice(0).forEach((ws) => ws.dispose()));

async function imported(): Promise<Workspace> {
  const ws = open();
  const run = await salesbook(
    ['import', ws.file('orders.csv', GOOD_ORDERS), '--payments', ws.file('payments.csv', GOOD_PAYMENTS)],
    ws.env,
  );
  expect(run.code).toBe(0);
  return ws;
}

/** Folds the stream with the real decider, straight from the file (no CLI); orders hold no personal data, so nothing is masked. */
async function folded(ws: Workspace, streamName: string, asOf: { time?: string; revision?: number }) {
  const store = createSqliteEventStore({ path: ws.eventsPath });
  try {
    const loaded = await loadAggregate({
      store,
      codec: createEventCodec(salesbookEventRegistry),
      decider: orderDecider,
      registry: orderEventRegistry,
      streamName,
      asOf,
    });
    if (loaded._tag === 'Left') throw new Error(loaded.left.message);
    const events = (await store.readStream(streamName)).slice(0, loaded.right.revision + 1);
    const byHand = events.reduce(
      (state, event) => orderDecider.evolve(state, { type: event.type, data: event.data } as OrderEvent),
      orderDecider.initialState(),
    );
    expect(byHand).toEqual(loaded.right.state);
    return JSON.parse(JSON.stringify(byHand));
  } finally {
    await store.close();
  }
}

const digestsOf = (stdout: string): string => /digests: (.*)/.exec(stdout)?.[1] ?? `no digests in: ${stdout}`;

describe('salesbook verify', () => {
  it('passes on an untouched store and read models, then names the stream and revision of an edited event', async () => {
    const ws = await imported();
    expect((await salesbook(['replay'], ws.env)).code).toBe(0);
    const clean = await salesbook(['verify'], ws.env);
    expect(clean.stdout).toContain('all intact');
    expect(clean.stdout).toContain('verify: OK');
    expect(clean.code).toBe(0);

    const db = new Database(ws.eventsPath);
    db.prepare(
      "UPDATE events SET data = json_set(data, '$.total', 1) WHERE stream_name = 'order-O-3' AND revision = 1",
    ).run();
    db.close();
    const tampered = await salesbook(['verify'], ws.env);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toContain(
      'verify failed: hash chain broken: stream order-O-3 at revision 1 (hash-mismatch)',
    );
  }, 60_000);

  it('names a read model whose rows were edited', async () => {
    const ws = await imported();
    expect((await salesbook(['replay'], ws.env)).code).toBe(0);
    const db = new Database(ws.env['SALESBOOK_READMODELS'] ?? '');
    const table = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'rm_customer_directory_%__customer_directory'",
      )
      .pluck()
      .get() as string;
    db.prepare(`UPDATE ${table} SET segment = 'retail'`).run();
    db.close();
    const run = await salesbook(['verify'], ws.env);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('hash chains');
    expect(run.stderr).toContain('verify failed: read model customer_directory differs from a rebuild from the events');
  }, 60_000);
});

describe('salesbook state and history', () => {
  it('state as of a time, a business date or a revision equals folding the stream up to then', async () => {
    const ws = await imported();
    const at = async (asOf: string) =>
      JSON.parse((await salesbook(['state', 'order-O-1', '--as-of', asOf], ws.env)).stdout);
    expect((await at('2024-03-03T12:00:00Z')).state).toEqual(
      await folded(ws, 'order-O-1', { time: '2024-03-03T12:00:00Z' }),
    );
    const byDate = await at('2024-03-03');
    expect(byDate.asOf).toEqual({ time: '2024-03-03T15:59:59.999Z' });
    expect(byDate.state.status).toBe('shipped');
    expect((await at('1')).state).toEqual(await folded(ws, 'order-O-1', { revision: 1 }));
    expect((await at('1')).state.status).toBe('confirmed');
  }, 60_000);

  it('history prints who, when and the correlation id, as a table or JSON', async () => {
    const ws = await imported();
    const table = await salesbook(['history', 'order-O-1'], ws.env);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/REV\s+OCCURRED AT\s+RECORDED AT\s+TYPE\s+ACTOR\s+CORRELATION ID/);
    expect(table.stdout).toMatch(
      /3\s+2024-03-05T04:00:00.000Z\s+\S+\s+OrderDelivered\s+salesbook-import \(system\)\s+import-order-O-1/,
    );
    const json = JSON.parse((await salesbook(['history', 'receivable-O-1', '--json'], ws.env)).stdout);
    expect(
      json.events.map((event: { type: string; actor: { id: string }; correlationId: string }) => [
        event.type,
        event.actor.id,
        event.correlationId,
      ]),
    ).toEqual([
      ['ReceivableOpened', 'policy.order-to-receivable', 'import-order-O-1'],
      ['PaymentReceived', 'salesbook-import', 'import-order-O-1'],
    ]);
    const missing = await salesbook(['history', 'order-nope'], ws.env);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
  }, 60_000);
});

describe('salesbook export and import-events', () => {
  it('an NDJSON export loaded into an empty store gives identical read-model digests and intact chains', async () => {
    const source = await imported();
    const exported = await salesbook(['export', '--output', `${source.dir}/all.ndjson`], source.env);
    expect(exported.code).toBe(0);
    const target = open();
    const loaded = await salesbook(['import-events', `${source.dir}/all.ndjson`], target.env);
    expect(loaded.code).toBe(0);
    expect(target.events()).toEqual(source.events());
    const [a, b] = [await salesbook(['replay'], source.env), await salesbook(['replay'], target.env)];
    expect(digestsOf(b.stdout)).toEqual(digestsOf(a.stdout));
    expect((await salesbook(['verify'], target.env)).code).toBe(0);
  }, 60_000);

  it('filters by category and business time, as NDJSON or CSV', async () => {
    const ws = await imported();
    const ndjson = await salesbook(
      ['export', '--category', 'receivable', '--from', '2024-03-20', '--to', '2024-03-31'],
      ws.env,
    );
    expect(
      ndjson.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).type),
    ).toEqual(['PaymentReceived', 'PaymentReceived', 'ReceivableSettled']);
    const csv = await salesbook(['export', '--format', 'csv', '--category', 'customer'], ws.env);
    const lines = csv.stdout.trim().split('\r\n');
    expect(lines[0]).toBe(
      'position,stream_name,revision,event_id,type,occurred_at,recorded_at,actor_id,actor_role,correlation_id,causation_id,command_id,data,metadata',
    );
    expect(lines).toHaveLength(3);
    const badCategory = await salesbook(['export', '--category', 'invoice'], ws.env);
    expect(badCategory.code).toBe(2);
  }, 60_000);
});

describe('configuration', () => {
  it.each([
    [{ SALESBOOK_TIMEZONE: 'Mars/Olympus' }, 'salesbook: SALESBOOK_TIMEZONE: must be an IANA time zone'],
    [{ SALESBOOK_EVENTSTORE: 'postgres://x' }, 'salesbook: SALESBOOK_EVENTSTORE: unknown store kind "postgres:"'],
  ])(
    'refuses %j with one line',
    async (env, line) => {
      const run = await salesbook(['history', 'order-1'], env);
      expect(run.code).toBe(1);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toContain(line);
    },
    30_000,
  );
});
