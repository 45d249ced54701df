import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteEventStore } from '@salesbook/eventstore-sqlite';
import { customerBody, orderBody, orderLines, people } from './testing/fixtures.js';
import { startTestApi, type TestApi } from './testing/test-app.js';

const WRITERS = 20;
let api: TestApi;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'salesbook-api-concurrency-'));
  api = await startTestApi({}, undefined, { store: createSqliteEventStore({ path: join(dir, 'events.db') }) });
  await api.call('POST', '/customers', { actor: people.rep, body: customerBody('c-1') });
});
afterAll(async () => {
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

/** An amendment only writer `n` sends: line l1's quantity becomes 100 + n, so no two are alike and none is empty. */
const amendment = (n: number, round: string) => ({
  lines: [{ ...orderLines[0], quantity: 100 + n }, orderLines[1]],
  reason: `${round} writer ${n}`,
  customerConfirmationRef: `mail-${round}-${n}`,
});
const amend = (orderId: string, n: number, round: string, ifMatch?: number) =>
  api.call('POST', `/orders/${orderId}/amendments`, {
    actor: people.rep,
    body: amendment(n, round),
    headers: ifMatch === undefined ? {} : { 'if-match': String(ifMatch) },
  });
const revisionOf = async (orderId: string): Promise<number> =>
  (await api.call('GET', `/audit/streams/order-${orderId}/state`, { actor: people.auditor })).body.revision;

async function confirmedOrder(orderId: string): Promise<void> {
  await api.call('POST', '/orders', { actor: people.rep, body: orderBody(orderId, 'c-1') });
  await api.call('POST', `/orders/${orderId}/confirmation`, { actor: people.rep, body: {} });
}

/** The amendments in the order's log: revision and reason, in order. */
async function amendments(
  orderId: string,
): Promise<{ revision: number; reason: string; before: number; quantity: number }[]> {
  const events = await api.store.readStream(`order-${orderId}`);
  return events
    .filter((event) => event.type === 'OrderAmended')
    .map((event) => {
      const data = event.data as {
        reason: string;
        linesBefore: { lineId: string; quantity: number }[];
        linesAfter: { lineId: string; quantity: number }[];
      };
      const l1 = (lines: { lineId: string; quantity: number }[]) =>
        lines.find((line) => line.lineId === 'l1')?.quantity ?? -1;
      return {
        revision: event.revision,
        reason: data.reason,
        before: l1(data.linesBefore),
        quantity: l1(data.linesAfter),
      };
    });
}

describe(`${WRITERS} concurrent amendments of one order lose no update`, () => {
  it('with If-Match of the same read revision: exactly one lands on it, every other gets 409', async () => {
    await confirmedOrder('o-1');
    const read = await revisionOf('o-1');
    const responses = await Promise.all(Array.from({ length: WRITERS }, (_, n) => amend('o-1', n, 'once', read)));
    const accepted = responses.filter((response) => response.status === 201);
    expect(accepted.map((response) => response.body.revision)).toEqual([read + 1]);
    expect(responses.filter((response) => response.status === 409).map((response) => response.body.code)).toEqual(
      Array(WRITERS - 1).fill('STREAM_REVISION_CONFLICT'),
    );
    expect(await amendments('o-1')).toHaveLength(1);
  });

  it('re-reading and retrying on 409: each lands on the revision it read, and the log holds all of them once', async () => {
    await confirmedOrder('o-2');
    const landed = await Promise.all(
      Array.from({ length: WRITERS }, async (_, n) => {
        for (let attempt = 1; ; attempt += 1) {
          const read = await revisionOf('o-2');
          const response = await amend('o-2', n, 'retry', read);
          if (response.status === 201) return { n, read, revision: response.body.revision as number, attempt };
          expect([response.status, response.body.code]).toEqual([409, 'STREAM_REVISION_CONFLICT']);
          if (attempt > 10 * WRITERS) throw new Error(`writer ${n} never got through`);
        }
      }),
    );
    for (const one of landed) expect(one.revision).toBe(one.read + 1);
    const log = await amendments('o-2');
    expect(log.map((entry) => entry.reason).sort()).toEqual(landed.map(({ n }) => `retry writer ${n}`).sort());
    expect(log.map((entry) => entry.revision)).toEqual(landed.map((one) => one.revision).sort((a, b) => a - b));
    // Each amendment was decided on the state its predecessor left, and the state is the last one's.
    log.slice(1).forEach((entry, index) => expect(entry.before).toBe(log[index]?.quantity));
    const last = log.at(-1);
    const state = (await api.call('GET', '/audit/streams/order-o-2/state', { actor: people.auditor })).body.state;
    expect(state.lines.find((line: { lineId: string }) => line.lineId === 'l1').quantity).toBe(last?.quantity);
  });

  it('without If-Match (the server reloads and retries a bounded number of times): every 201 is in the log once, the rest are 409', async () => {
    await confirmedOrder('o-3');
    const before = await revisionOf('o-3');
    const responses = await Promise.all(Array.from({ length: WRITERS }, (_, n) => amend('o-3', n, 'blind')));
    expect(
      responses.every(
        (response) =>
          response.status === 201 || (response.status === 409 && response.body.code === 'STREAM_REVISION_CONFLICT'),
      ),
    ).toBe(true);
    const accepted = responses.filter((response) => response.status === 201);
    const log = await amendments('o-3');
    expect(log).toHaveLength(accepted.length);
    expect(accepted.map((response) => response.body.revision).sort((a, b) => a - b)).toEqual(
      log.map((entry) => entry.revision),
    );
    expect(log.map((entry) => entry.revision)).toEqual(
      Array.from({ length: log.length }, (_, index) => before + 1 + index),
    );
  });
});
