import { StoreConfigurationError } from '@salesbook/eventstore';
import { redactedUrl } from '@salesbook/keystore';
import { ConfigurationError } from './config/config.js';
import { startDemo } from './demo/start-demo.js';
import { welcome } from './serve.js';

const say = (line: string): boolean => process.stdout.write(`${line}\n`);

async function demo(): Promise<void> {
  say('Starting Salesbook (development mode)...');
  const started = performance.now();
  const { config, url, seeded } = await startDemo(process.env, {
    onProgress: (events) =>
      process.stdout.write(`\r  seeding demonstration data: ${events.toLocaleString('en-US')} events`),
  });
  if (seeded !== undefined) {
    say(
      `\nSeeded ${seeded.events.toLocaleString('en-US')} events of generated activity (${seeded.from} to ${seeded.to ?? '-'}) in ${seeded.seconds.toFixed(1)} s; restarts keep them and never seed again.`,
    );
  } else {
    say('The store already holds events: no demonstration data added.');
  }
  say(`Read models caught up; ready in ${((performance.now() - started) / 1_000).toFixed(1)} s.`);
  for (const line of await welcome(config, url)) say(line);
  say(`Dashboard: ${url}/dashboard (sign in with one of the tokens above)`);
  const month = seeded?.to?.slice(0, 7) ?? new Date().toISOString().slice(0, 7);
  say(
    `Try: curl -H "Authorization: Bearer <sales_manager token>" "${url}/reports/sales/monthly?month=${month}&groupBy=region"`,
  );
  say(
    `Store: ${config.store.kind === 'sqlite' ? config.store.path : config.store.kind}; read models: ${config.readModelsPath}; key store: ${config.keyStore.kind === 'sqlite' ? config.keyStore.path : redactedUrl(config.keyStore.url)}. Stop with Ctrl+C.`,
  );
}

demo().catch((error: unknown) => {
  console.error(
    error instanceof ConfigurationError || error instanceof StoreConfigurationError
      ? `salesbook: ${error.message}`
      : error,
  );
  process.exit(1);
});
