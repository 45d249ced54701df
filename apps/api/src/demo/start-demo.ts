import { randomBytes } from 'node:crypto';
import { salesbookEventRegistry } from '@salesbook/domain';
import { createEventCodec } from '@salesbook/eventstore';
import { createPersonalDataCodec } from '@salesbook/personal-data';
import type { GeneratorOptions } from '@salesbook/generator';
import { loadConfig, type ApiConfig } from '../config/config.js';
import { openEventStore, openKeyStore } from '../infrastructure/open-store.js';
import type { Clock } from '../infrastructure/tokens.js';
import { serve, whenCaughtUp, type Serving } from '../serve.js';
import { demoOptions, seedDemoIfEmpty, type DemoSeed } from './demo-seed.js';

/** The demonstration API: its config, where it listens, and the seed it wrote (none when the store had events). */
export interface Demo extends Serving {
  readonly config: ApiConfig;
  readonly seeded: DemoSeed | undefined;
}

/** What a test may change: the seed's size, the host, the clock. */
export interface DemoOverrides {
  readonly seed?: GeneratorOptions;
  readonly host?: string;
  readonly clock?: Clock;
  readonly onProgress?: (events: number) => void;
  /** Where development mode's master key warning goes (default: standard error). */
  readonly warn?: (line: string) => void;
}

/**
 * `npm start`: development mode on the embedded store (`./data/events.db`, `./data/readmodels.db`, `./data/keys.db`
 * unless the environment says otherwise; without SALESBOOK_MASTER_KEY the master key is made in `./data/master.key`),
 * seeded with generated months of activity through the encrypting codec when the store is empty, then served once
 * every read model has caught up.
 */
export async function startDemo(
  env: Readonly<Record<string, string | undefined>>,
  overrides: DemoOverrides = {},
): Promise<Demo> {
  const config = loadConfig({ NODE_ENV: 'development', ...env }, () => randomBytes(32).toString('base64url'));
  const keys = await openKeyStore(
    config.keyStore,
    overrides.warn ?? ((line) => process.stderr.write(`salesbook: ${line}\n`)),
  );
  const store = await openEventStore(config.store);
  const codec = createPersonalDataCodec({ inner: createEventCodec(salesbookEventRegistry), keys });
  const seeded = await seedDemoIfEmpty(
    store,
    codec,
    config.readModelsPath,
    overrides.seed ?? demoOptions(new Date()),
    overrides.onProgress,
  );
  const serving = await serve(
    config,
    { store, keys, ...(overrides.clock === undefined ? {} : { clock: overrides.clock }) },
    overrides.host,
  );
  await whenCaughtUp(serving.app);
  return { ...serving, config, seeded };
}
