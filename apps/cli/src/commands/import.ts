import { existsSync, statSync } from 'node:fs';
import type { PaymentTerms } from '@salesbook/domain';
import { CliError } from '../support/cli-error.js';
import type { StoreContext } from '../support/infrastructure.js';
import { fail, note, out } from '../support/output.js';
import { startProgress } from '../support/progress.js';
import { parsePaymentTerms } from '../import/commands.js';
import { importKeys } from '../import/import-keys.js';
import { readCsv } from '../import/csv-file.js';
import { ImportRun, type ImportCounts } from '../import/import-run.js';
import { draftOrders, type OrderFile } from '../import/order-drafts.js';
import { ORDER_COLUMNS } from '../import/order-rows.js';
import { PAYMENT_COLUMNS, readPayments, type PaymentRow } from '../import/payment-rows.js';
import { Problems } from '../import/problems.js';
import { TEXT_ENCODINGS, type TextEncodingChoice } from '../import/text-encoding.js';
import { say } from '../i18n/messages.js';

/** Options of `salesbook import`. */
export interface ImportOptions {
  readonly payments?: string;
  readonly paymentTerms?: string;
  readonly dryRun?: boolean;
  readonly strict?: boolean;
  /** `auto`, `utf-8` or `gb18030`. */
  readonly encoding?: string;
}

/** Orders decided per bulk append. */
const CHUNK = 500;

export const requireFile = (path: string): void => {
  if (!existsSync(path) || !statSync(path).isFile()) throw new CliError(`${path}: no such file`, 2);
};

interface Checked {
  readonly orders: OrderFile;
  readonly payments: readonly PaymentRow[];
}

/** Reads and checks every row of both files before anything is decided; undefined when a file is unusable as a whole. */
function checkFiles(
  ordersPath: string,
  paymentsPath: string | undefined,
  encoding: TextEncodingChoice,
  problems: Problems,
): Checked | undefined {
  const orderRows = readCsv(ordersPath, ORDER_COLUMNS, problems, encoding);
  const orders = draftOrders(ordersPath, orderRows ?? [], problems);
  const paymentRows = paymentsPath === undefined ? [] : readCsv(paymentsPath, PAYMENT_COLUMNS, problems, encoding);
  if (orderRows === undefined || paymentRows === undefined) return undefined;
  const currencies = new Map(orders.orders.map((order) => [order.orderId, order.head.currency]));
  const payments =
    paymentsPath === undefined
      ? []
      : readPayments(
          paymentsPath,
          paymentRows,
          { currencyOf: (id) => currencies.get(id), isBad: (id) => orders.badOrders.has(id) },
          problems,
        );
  return { orders, payments };
}

/** Decides every order and payment, appending each chunk in bulk unless `write` is false. */
async function decideAll(
  context: StoreContext,
  checked: Checked,
  terms: PaymentTerms,
  write: boolean,
  files: { orders: string; payments: string },
  problems: Problems,
): Promise<ImportCounts> {
  const existing = (await context.store.headPosition()) === undefined ? undefined : context.store;
  const keys = importKeys(context, write);
  const run = new ImportRun({
    existing,
    codec: keys.codec,
    zone: context.config.timeZone,
    terms,
    customers: checked.orders.customers,
  });
  const total = checked.orders.orders.length + checked.payments.length;
  const progress = startProgress(write ? 'import' : 'check', total, 'rows');
  // The chunk's customers get their data keys in one key-store transaction, not one per registration.
  const customers = new Set<string>();
  const flush = async (): Promise<void> => {
    await keys.prepare([...customers]);
    customers.clear();
    const parts = await run.drain();
    if (write && parts.length > 0) await context.store.appendMany(parts);
  };
  let done = 0;
  try {
    for (const order of checked.orders.orders) {
      customers.add(order.head.customerId);
      const refused = await run.order(order);
      if (refused !== undefined)
        problems.add(files.orders, order.head.line, say('row.order', { id: order.orderId, reasons: refused }));
      done += 1;
      if (done % CHUNK === 0) await flush();
      progress.update(done);
    }
    await flush();
    for (const payment of checked.payments) {
      const refused = await run.payment(payment);
      if (refused !== undefined)
        problems.add(files.payments, payment.line, say('row.payment', { id: payment.paymentId, reasons: refused }));
      done += 1;
      if (done % CHUNK === 0) await flush();
      progress.update(done);
    }
    await flush();
  } finally {
    progress.stop();
  }
  return run.counts;
}

function summary(counts: ImportCounts, verb: string): string {
  return [
    `${counts.ordersWritten} orders ${verb} (${counts.ordersAlready} already imported)`,
    `${counts.customersRegistered} customers registered (${counts.customersKnown} already known)`,
    `${counts.receivablesOpened} receivables opened (${counts.receivablesAlready} already open)`,
    `${counts.paymentsRecorded} payments recorded (${counts.paymentsAlready} already recorded)`,
  ].join(', ');
}

/**
 * `salesbook import <orders.csv> [--payments <payments.csv>]` (the file format: docs/auditing.md). Every row of both files
 * is checked first and each bad row reported with its line and reason. An order with any bad row is not
 * written at all; the good orders are (unless `--strict`, which writes nothing when any row is bad).
 * Idempotent: command and event ids come from the file's ids, so a second run appends nothing and says so.
 */
export async function importOrders(context: StoreContext, ordersPath: string, options: ImportOptions): Promise<void> {
  requireFile(ordersPath);
  if (options.payments !== undefined) requireFile(options.payments);
  const terms = parsePaymentTerms(options.paymentTerms ?? 'net:30');
  if (terms === undefined)
    throw new CliError(`--payment-terms: "${options.paymentTerms}" is not net:<days> (0-3650) or advance`, 2);
  const encoding = TEXT_ENCODINGS.find((name) => name === (options.encoding ?? 'auto').toLowerCase());
  if (encoding === undefined)
    throw new CliError(`--encoding: "${options.encoding}" is not ${TEXT_ENCODINGS.join(', ')}`, 2);
  const problems = new Problems();
  const files = { orders: ordersPath, payments: options.payments ?? '' };
  const checked = checkFiles(ordersPath, options.payments, encoding, problems);
  const report = (): void => {
    for (const problem of problems.sorted()) fail(`${problem.file}:${problem.line}: ${problem.reason}`);
  };
  if (checked === undefined) {
    report();
    throw new CliError('import: nothing written: a file cannot be read as the expected CSV (see above)');
  }
  const strictAbort = (): never => {
    report();
    throw new CliError(
      `import --strict: nothing written: ${problems.count} bad row${problems.count === 1 ? '' : 's'} (see above)`,
    );
  };
  if (options.strict === true && problems.count > 0) strictAbort();
  const writes = options.dryRun !== true;
  if (options.strict === true && writes) {
    await decideAll(context, checked, terms, false, files, problems);
    if (problems.count > 0) strictAbort();
  }
  const counts = await decideAll(context, checked, terms, writes, files, problems);
  report();
  if (!writes)
    out(`import --dry-run: nothing written; would append ${counts.events} events: ${summary(counts, 'to write')}`);
  else if (counts.events === 0)
    out(
      `import: nothing changed in ${context.storeName}: the file was imported already (${summary(counts, 'written')})`,
    );
  else out(`import: ${counts.events} events appended to ${context.storeName}: ${summary(counts, 'written')}`);
  if (problems.count > 0) {
    note(
      `${checked.orders.badOrders.size} order(s) with bad rows were not written at all; the others were${writes ? '' : ' checked'}`,
    );
    throw new CliError(`import: ${problems.count} bad row${problems.count === 1 ? '' : 's'} (listed above)`);
  }
}
