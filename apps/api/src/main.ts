import { randomBytes } from 'node:crypto';
import { ROLE_ACTORS, devTokens } from './auth/dev-tokens.js';
import { createApp } from './bootstrap.js';
import { ConfigurationError, loadConfig } from './config/config.js';

async function main(): Promise<void> {
  const config = loadConfig(process.env, () => randomBytes(32).toString('base64url'));
  const app = await createApp(config);
  app.enableShutdownHooks();
  await app.listen(config.port);
  const url = await app.getUrl();
  process.stdout.write(`Salesbook API listening on ${url} (docs: ${url}/docs)\n`);
  if (config.jwt.kind === 'secret' && config.jwt.generated) {
    process.stdout.write('Development mode: a secret was generated. Tokens (12 h), send as Authorization: Bearer <token>:\n');
    for (const [role, token] of await devTokens(config.jwt.secret, ROLE_ACTORS)) process.stdout.write(`  ${role.padEnd(17)} ${token}\n`);
  }
}

main().catch((error: unknown) => {
  // Bad configuration stops start-up with its one line; anything else with its stack.
  console.error(error instanceof ConfigurationError ? `salesbook-api: ${error.message}` : error);
  process.exit(1);
});
