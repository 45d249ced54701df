import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEsdbEventStore } from '@salesbook/eventstore-esdb';
// The wire-level EventStoreDB double of the test workspace, stopped and started again on the same port and log.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startEsdbDouble, type EsdbDouble } from '../../../test/support/esdb-double/index.js';
import { expectRecoveryFromOutage } from './testing/outage-scenario.js';
import { startTestApi, type TestApi } from './testing/test-app.js';

let double: EsdbDouble;
let dir: string;
let api: TestApi;

beforeAll(async () => {
  double = await startEsdbDouble();
  dir = mkdtempSync(join(tmpdir(), 'salesbook-outage-'));
  // Fast retries and a short down bound, so the test sees both within seconds.
  api = await startTestApi(
    { SALESBOOK_READMODELS: join(dir, 'readmodels.db'), SALESBOOK_MAX_DOWN_MS: '1500' },
    undefined,
    {
      store: createEsdbEventStore({ connectionString: double.connectionString }),
    },
  );
});
afterAll(async () => {
  await api.close();
  await double.stop();
  rmSync(dir, { recursive: true, force: true });
});

it('resubscribes every projection and the policy after EventStoreDB goes away and comes back, counting nothing twice', async () => {
  await expectRecoveryFromOutage(api, {
    stop: () => double.stop(),
    restart: async () => {
      double = await startEsdbDouble({ log: double.log, port: double.port });
    },
    receivables: async () =>
      double.log.all.filter((event) => event.type === 'ReceivableOpened').map((event) => event.streamName),
  });
}, 120_000);
