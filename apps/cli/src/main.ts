import { Command, CommanderError } from 'commander';
import { exportEvents, type ExportOptions } from './commands/export.js';
import { forget } from './commands/forget.js';
import { history } from './commands/history.js';
import { importEvents } from './commands/import-events.js';
import { importOrders } from './commands/import.js';
import { importCatalogue } from './commands/import-catalogue.js';
import { personalDataReads, type ReadsOptions } from './commands/personal-data-reads.js';
import { replay } from './commands/replay.js';
import { rotateMasterKey } from './commands/rotate-master-key.js';
import { state } from './commands/state.js';
import { verify } from './commands/verify.js';
import { CliError } from './support/cli-error.js';
import { loadCliConfig } from './support/config.js';
import { cliLocaleOf, setCliLocale } from './i18n/messages.js';
import { withStore, type StoreContext } from './support/infrastructure.js';
import { fail } from './support/output.js';

/** Runs `work` against the configured store in the operator's language; configuration is read only when a command runs. */
const run =
  <A extends unknown[]>(work: (context: StoreContext, ...args: A) => Promise<void>) =>
  async (...args: A): Promise<void> => {
    setCliLocale(cliLocaleOf(process.env, program.opts<{ lang?: string }>().lang));
    return withStore(loadCliConfig(process.env), (context) => work(context, ...args));
  };

/** `--unmask --reader <id> [--role <role>]` on a command that prints personal data (masked by default). */
const unmaskable = (command: Command): Command =>
  command
    .option('--unmask', 'show personal data in clear (needs the master key); every read is logged with --reader')
    .option('--reader <id>', 'who reads unmasked (logged in the read log with the time and the customers)')
    .option('--role <role>', "the reader's role: sales_manager (default) or finance");

const program = new Command('salesbook')
  .description(
    'Salesbook for operators and auditors. Reads SALESBOOK_EVENTSTORE, SALESBOOK_READMODELS, SALESBOOK_TIMEZONE, SALESBOOK_KEYSTORE and ' +
      'SALESBOOK_MASTER_KEY (only commands that touch personal data), as the API does.',
  )
  .option(
    '--lang <tag>',
    'the language of import problems and refusals: zh-CN or en (default: SALESBOOK_LANG, else the locale)',
  )
  .showHelpAfterError()
  .exitOverride();

program
  .command('import')
  .description(
    'import legacy orders (and payments): every row is checked first; an order with a bad row is not written at all',
  )
  .argument('<orders.csv>', 'one row per order line (columns: docs/auditing.md)')
  .option('--payments <payments.csv>', 'payments: payment_id, order_id, received_date, amount, currency')
  .option('--payment-terms <terms>', 'terms of imported orders: net:<days> or advance', 'net:30')
  .option('--dry-run', 'check every row and decide every command, write nothing')
  .option('--strict', 'write nothing at all when any row is bad')
  .option(
    '--encoding <encoding>',
    "the files' encoding: auto (UTF-8 with or without a BOM, else GB18030), utf-8 or gb18030",
    'auto',
  )
  .action(run((context, orders: string, options: Record<string, unknown>) => importOrders(context, orders, options)));

program
  .command('import-catalogue')
  .description(
    'register products and their standard costs from a catalogue CSV (columns: apps/cli/README.md); every row is checked first',
  )
  .argument('<catalogue.csv>', 'one row per product, or per product and standard cost')
  .option('--dry-run', 'check every row and decide every command, write nothing')
  .option(
    '--encoding <encoding>',
    "the file's encoding: auto (UTF-8 with or without a BOM, else GB18030), utf-8 or gb18030",
    'auto',
  )
  .action(run((context, path: string, options: Record<string, unknown>) => importCatalogue(context, path, options)));

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

unmaskable(program.command('history'))
  .description("a stream's events with actor, business and recorded time, correlation id and reason")
  .argument('<stream>', 'e.g. order-1001')
  .option('--json', 'print JSON instead of a table')
  .action(
    run((context, stream: string, options: { json?: boolean; unmask?: boolean; reader?: string; role?: string }) =>
      history(context, stream, options),
    ),
  );

unmaskable(program.command('state'))
  .description("an aggregate's state folded from its events, now or as of a time, a date or a revision")
  .argument('<stream>', 'e.g. receivable-1001')
  .option('--as-of <when>', 'ISO 8601 time, business date YYYY-MM-DD (its end), or a revision number')
  .action(
    run((context, stream: string, options: { asOf?: string; unmask?: boolean; reader?: string; role?: string }) =>
      state(context, stream, options),
    ),
  );

unmaskable(program.command('export'))
  .description('stream events as NDJSON (default) or CSV, filtered by category and business time')
  .option('--format <format>', 'ndjson or csv', 'ndjson')
  .option('--category <list>', 'comma-separated: customer, order, receivable, complaint, target')
  .option('--from <when>', 'occurredAt on or after: ISO time, or a business date (its start)')
  .option('--to <when>', 'occurredAt on or before: ISO time, or a business date (its end)')
  .option('--output <file>', 'write to a file instead of stdout')
  .action(run((context, options: ExportOptions) => exportEvents(context, options)));

program
  .command('forget')
  .description(
    "erase a customer's personal data: record the erasure, then destroy the customer's data key (history then reads [erased])",
  )
  .argument('<customerId>')
  .requiredOption('--reason <text>', 'why (e.g. the request reference); stays readable after the erasure')
  .requiredOption('--operator <id>', 'who runs the erasure; recorded as the actor (role system)')
  .action(
    run((context, customerId: string, options: { reason?: string; operator?: string }) =>
      forget(context, customerId, options),
    ),
  );

program
  .command('rotate-master-key')
  .description(
    're-wrap every data key with a new master key (SALESBOOK_NEW_MASTER_KEY or --new-key-file); no event is rewritten',
  )
  .option(
    '--new-key-file <file>',
    'a file holding the new key (32 random bytes in base64), instead of SALESBOOK_NEW_MASTER_KEY',
  )
  .action(run((context, options: { newKeyFile?: string }) => rotateMasterKey(context, options)));

program
  .command('personal-data-reads')
  .description(
    "who read which customer's personal data unmasked, when and for what (API and command line); needs no master key",
  )
  .option('--customer <id>', 'reads of this customer only')
  .option('--reader <id>', 'reads by this person only')
  .option('--since <when>', 'ISO time, or a business date (its start)')
  .option('--json', 'print JSON instead of a table')
  .action(run((context, options: ReadsOptions) => personalDataReads(context, options)));

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
    fail(`salesbook: ${error.message}`);
    process.exitCode = error.exitCode;
  } else {
    fail(`salesbook: ${error instanceof Error ? error.message : String(error)}`);
    if (process.env['SALESBOOK_DEBUG'] === '1') console.error(error);
    process.exitCode = 1;
  }
}
