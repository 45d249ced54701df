import { Command, CommanderError } from 'commander';
import { exportEvents } from './commands/export.js';
import { history } from './commands/history.js';
import { importEvents } from './commands/import-events.js';
import { importOrders } from './commands/import.js';
import { replay } from './commands/replay.js';
import { state } from './commands/state.js';
import { verify } from './commands/verify.js';
import { CliError } from './support/cli-error.js';
import { loadCliConfig } from './support/config.js';
import { withStore, type StoreContext } from './support/infrastructure.js';

/** Runs `work` against the configured store; configuration is read only when a command runs. */
const run =
  <A extends unknown[]>(work: (context: StoreContext, ...args: A) => Promise<void>) =>
  async (...args: A): Promise<void> =>
    withStore(loadCliConfig(process.env), (context) => work(context, ...args));

const program = new Command('salesbook')
  .description('Salesbook for operators and auditors. Reads SALESBOOK_EVENTSTORE, SALESBOOK_READMODELS and SALESBOOK_TIMEZONE, as the API does.')
  .showHelpAfterError()
  .exitOverride();

program
  .command('import')
  .description('import legacy orders (and payments): every row is checked first; an order with a bad row is not written at all')
  .argument('<orders.csv>', 'one row per order line (DESIGN.md section 9)')
  .option('--payments <payments.csv>', 'payments: payment_id, order_id, received_date, amount, currency')
  .option('--payment-terms <terms>', 'terms of imported orders: net:<days> or advance', 'net:30')
  .option('--dry-run', 'check every row and decide every command, write nothing')
  .option('--strict', 'write nothing at all when any row is bad')
  .action(run((context, orders: string, options: Record<string, unknown>) => importOrders(context, orders, options)));

program
  .command('import-events')
  .description('load an NDJSON export (salesbook export) into the store: same ids, data, metadata and hashes')
  .argument('<export.ndjson>')
  .action(run((context, path: string) => importEvents(context, path)));

program
  .command('replay')
  .description('rebuild every read model from the first event, with a progress bar (events/s, time left)')
  .action(run((context) => replay(context)));

program
  .command('verify')
  .description("check every stream's hash chain and every read model's digest against a scratch rebuild")
  .option('--chains-only', 'check the hash chains only')
  .action(run((context, options: { chainsOnly?: boolean }) => verify(context, options)));

program
  .command('history')
  .description("a stream's events with actor, business and recorded time, correlation id and reason")
  .argument('<stream>', 'e.g. order-1001')
  .option('--json', 'print JSON instead of a table')
  .action(run((context, stream: string, options: { json?: boolean }) => history(context, stream, options)));

program
  .command('state')
  .description("an aggregate's state folded from its events, now or as of a time, a date or a revision")
  .argument('<stream>', 'e.g. receivable-1001')
  .option('--as-of <when>', 'ISO 8601 time, business date YYYY-MM-DD (its end), or a revision number')
  .action(run((context, stream: string, options: { asOf?: string }) => state(context, stream, options)));

program
  .command('export')
  .description('stream events as NDJSON (default) or CSV, filtered by category and business time')
  .option('--format <format>', 'ndjson or csv', 'ndjson')
  .option('--category <list>', 'comma-separated: customer, order, receivable, complaint, target')
  .option('--from <when>', 'occurredAt on or after: ISO time, or a business date (its start)')
  .option('--to <when>', 'occurredAt on or before: ISO time, or a business date (its end)')
  .option('--output <file>', 'write to a file instead of stdout')
  .action(run((context, options: Record<string, string | undefined>) => exportEvents(context, options)));

// A closed pipe (`salesbook export | head`) ends the command quietly, as other Unix tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exitCode = error.exitCode === 0 ? 0 : 2;
  else if (error instanceof CliError) {
    console.error(`salesbook: ${error.message}`);
    process.exitCode = error.exitCode;
  } else {
    console.error(`salesbook: ${error instanceof Error ? error.message : String(error)}`);
    if (process.env['SALESBOOK_DEBUG'] === '1') console.error(error);
    process.exitCode = 1;
  }
}
