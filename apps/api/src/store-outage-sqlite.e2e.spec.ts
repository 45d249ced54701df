import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteEventStore } from '@salesbook/eventstore-sqlite';
import { expectRecoveryFromOutage } from './testing/outage-scenario.js';
import { startTestApi, type TestApi } from './testing/test-app.js';
import { switchable, type SwitchableStore } from './testing/unavailable-store.js';

let dir: string;
let sqlite: ReturnType<typeof createSqliteEventStore>;
let switched: SwitchableStore;
let api: TestApi;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'salesbook-sqlite-outage-'));
  sqlite = createSqliteEventStore({ path: join(dir, 'events.db') });
  switched = switchable(sqlite);
  api = await startTestApi(
    { SALESBOOK_READMODELS: join(dir, 'readmodels.db'), SALESBOOK_MAX_DOWN_MS: '1500' },
    undefined,
    { store: switched.store },
  );
});
afterAll(async () => {
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

it('resubscribes every projection and the policy after the SQLite store fails and comes back, counting nothing twice', async () => {
  await expectRecoveryFromOutage(api, {
    stop: async () => switched.goAway(),
    restart: async () => switched.comeBack(),
    // Read behind the switch: the real file holds what was acknowledged.
    receivables: async () =>
      (await sqlite.readAll()).filter((event) => event.type === 'ReceivableOpened').map((event) => event.streamName),
  });
}, 120_000);
