import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { scratchFolder } from './measure.js';
import { writeOrdersCsv } from './import-data.js';

// `npm run bench:import`: 100,000 generated orders.csv lines imported by the real `salesbook import` (a child
// process, so start-up, parsing, checking, deciding and appending all count) into a fresh SQLite store.
// Beside it, in the same run: `import --dry-run` of the same file (check and decide, no store writes).
// The last line is one JSON object. Benchmarks never fail on time.

const LINES = Number(process.env['BENCH_IMPORT_LINES'] ?? 100_000);
const binary = fileURLToPath(new URL('../../apps/cli/bin/salesbook.js', import.meta.url));
const round = (value: number): number => Math.round(value * 100) / 100;

function timed(args: readonly string[], env: NodeJS.ProcessEnv): { seconds: number; stdout: string } {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [binary, ...args], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0)
    throw new Error(`salesbook ${args.join(' ')} failed (${result.status}): ${result.stderr.slice(0, 2_000)}`);
  return { seconds, stdout: result.stdout.trim() };
}

async function main(): Promise<void> {
  const scratch = scratchFolder();
  try {
    const csv = scratch.path('orders.csv');
    const generated = await writeOrdersCsv(csv, LINES);
    console.log(`generated ${generated.lines} lines: ${generated.orders} orders of ${generated.customers} customers`);
    // Imports seal personal fields (the registered contacts) with data keys from a key store of the run's own.
    const env = {
      ...process.env,
      SALESBOOK_EVENTSTORE: `sqlite:${scratch.path('events.db')}`,
      SALESBOOK_READMODELS: scratch.path('readmodels.db'),
      SALESBOOK_KEYSTORE: scratch.path('keys.db'),
      SALESBOOK_MASTER_KEY: randomBytes(32).toString('base64'),
    };
    const dry = timed(['import', csv, '--dry-run'], {
      ...env,
      SALESBOOK_EVENTSTORE: `sqlite:${scratch.path('dry.db')}`,
    });
    console.log(`check and decide only (--dry-run): ${dry.seconds.toFixed(2)} s`);
    const real = timed(['import', csv], env);
    console.log(`import into a fresh SQLite store (synchronous=FULL): ${real.seconds.toFixed(2)} s`);
    console.log(`  ${real.stdout}`);
    const again = timed(['import', csv], env);
    console.log(`second import of the same file (idempotent, appends nothing): ${again.seconds.toFixed(2)} s`);
    const events = Number(/(\d+) events appended/.exec(real.stdout)?.[1] ?? 0);
    console.log(
      JSON.stringify({
        lines: generated.lines,
        orders: generated.orders,
        events,
        seconds: round(real.seconds),
        linesPerSec: Math.round(generated.lines / real.seconds),
        eventsPerSec: Math.round(events / real.seconds),
        dryRunSeconds: round(dry.seconds),
        writeShare: round((real.seconds - dry.seconds) / real.seconds),
        reimportSeconds: round(again.seconds),
      }),
    );
  } finally {
    scratch.dispose();
  }
}

await main();
