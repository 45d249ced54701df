import { randomBytes } from 'node:crypto';
import { StoreError } from '@salesbook/eventstore';
import { ConfigurationError, loadConfig } from './config/config.js';
import { serve, welcome } from './serve.js';

async function main(): Promise<void> {
  const config = loadConfig(process.env, () => randomBytes(32).toString('base64url'));
  const { url } = await serve(config);
  process.stdout.write(`${(await welcome(config, url)).join('\n')}\n`);
}

main().catch((error: unknown) => {
  // Bad configuration, or a store that refuses us (too old, credentials), stops start-up with its one line; anything else with its stack.
  console.error(
    error instanceof ConfigurationError || error instanceof StoreError ? `salesbook-api: ${error.message}` : error,
  );
  process.exit(1);
});
