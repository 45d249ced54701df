import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteEventStore } from '@salesbook/eventstore-sqlite';
import { createSqliteKeyStore, generateMasterKey, parseMasterKey } from '@salesbook/keystore';
import { startBuiltApi, startupRefusal } from './testing/built-api.js';
import { customerBody, people } from './testing/fixtures.js';

// Outside development the API needs SALESBOOK_MASTER_KEY; a rotated key store opens with the new key only, and the
// event log is not rewritten by the rotation.
const SECRET = 'master-key-test-secret-master-key-test';
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'salesbook-api-master-key-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const env = (masterKey?: string) => ({
  NODE_ENV: 'production',
  SALESBOOK_EVENTSTORE: `sqlite:${join(dir, 'events.db')}`,
  SALESBOOK_READMODELS: join(dir, 'readmodels.db'),
  SALESBOOK_KEYSTORE: join(dir, 'keys.db'),
  SALESBOOK_LOG_LEVEL: 'warn',
  ...(masterKey === undefined ? {} : { SALESBOOK_MASTER_KEY: masterKey }),
});

/** A digest of every stored event as stored (data, metadata with its hash). */
async function logDigest(): Promise<string> {
  const store = createSqliteEventStore({ path: join(dir, 'events.db') });
  const events = await store.readAll();
  await store.close();
  return createHash('sha256')
    .update(JSON.stringify(events.map((event) => [event.eventId, event.data, event.metadata])))
    .digest('hex');
}

it('stops with one line naming SALESBOOK_MASTER_KEY when it is missing or malformed outside development', async () => {
  for (const [key, line] of [
    [undefined, /^salesbook-api: SALESBOOK_MASTER_KEY: not set/],
    ['c2hvcnQ=', /^salesbook-api: SALESBOOK_MASTER_KEY: must be 32 random bytes/],
  ] as const) {
    const refused = await startupRefusal(env(key), SECRET);
    expect(refused.code).toBe(1);
    expect(refused.output.trim().split('\n')).toEqual([expect.stringMatching(line)]);
  }
}, 30_000);

it('after a rotation reads the same events with the new key, and refuses the old one with one line', async () => {
  const [oldKey, newKey] = [generateMasterKey(), generateMasterKey()];
  const first = await startBuiltApi(env(oldKey), SECRET, dir);
  expect((await first.call('POST', '/customers', people.rep, customerBody('c-1'))).status).toBe(201);
  await first.stop();
  const before = await logDigest();

  const keys = createSqliteKeyStore({ path: join(dir, 'keys.db'), masterKey: parseMasterKey(oldKey) });
  expect(await keys.rotateMasterKey(parseMasterKey(newKey))).toEqual({ rewrapped: 1 });
  await keys.close();
  expect(await logDigest()).toBe(before);

  const refused = await startupRefusal(env(oldKey), SECRET);
  expect([refused.code, refused.output.trim().split('\n')]).toEqual([
    1,
    [expect.stringMatching(/^salesbook-api: SALESBOOK_MASTER_KEY does not open the key store/)],
  ]);

  const second = await startBuiltApi(env(newKey), SECRET, dir);
  const history = await second.call('GET', '/audit/streams/customer-c-1/events', people.manager);
  expect(history.body.events[0].data.contact).toEqual(customerBody('c-1').contact);
  await second.stop();
}, 60_000);
