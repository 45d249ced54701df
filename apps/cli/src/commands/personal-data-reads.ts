import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { PersonalDataRead, PersonalDataReadFilter } from '@salesbook/personal-data';
import { createSqliteReadLog, listPostgresReads, redactedUrl } from '@salesbook/keystore';
import { businessInstant, isCalendarDate } from '../support/business-time.js';
import { CliError } from '../support/cli-error.js';
import type { StoreContext } from '../support/infrastructure.js';
import { out, writeOut } from '../support/output.js';
import { safeText } from '../support/safe-text.js';

/** Options of `salesbook personal-data-reads`. */
export interface ReadsOptions {
  readonly customer?: string;
  readonly reader?: string;
  readonly since?: string;
  readonly json?: boolean;
}

/** `--since`: an ISO time, or a business date (from its start in the business time zone). */
function sinceOf(value: string | undefined, zone: string): string | undefined {
  if (value === undefined) return undefined;
  if (isCalendarDate(value)) return businessInstant(value, zone, 0);
  const parsed = /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(parsed))
    throw new CliError(`--since: "${value}" is neither a date (2026-03-31) nor an ISO 8601 time`, 2);
  return new Date(parsed).toISOString();
}

const COLUMNS = ['AT', 'READER', 'ROLE', 'CUSTOMERS', 'PURPOSE'] as const;
// An export's batch opens hundreds of customers: the table names a few, `--json` lists them all.
const customers = (ids: readonly string[]): string =>
  ids.length <= 5 ? ids.join(',') : `${ids.slice(0, 3).join(',')} and ${ids.length - 3} more`;
const row = (read: PersonalDataRead): string[] => [
  read.at,
  read.actorId,
  read.role,
  customers(read.customerIds),
  read.purpose,
];

/** The read log of a SQLite key store, opened read-only. */
async function listSqliteReads(path: string, filter: PersonalDataReadFilter): Promise<readonly PersonalDataRead[]> {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return await createSqliteReadLog(db).list(filter);
  } finally {
    db.close();
  }
}

/**
 * `salesbook personal-data-reads`: who read which customer's personal data unmasked, when and for what
 * (API routes and CLI commands alike), from the read log in the key store. The log holds ids and times,
 * never the data, so the key store is opened read-only and without the master key: auditors can run it.
 */
export async function personalDataReads(context: StoreContext, options: ReadsOptions): Promise<void> {
  const { keyStore } = context.config;
  if (context.config.store.kind === 'memory')
    throw new CliError('personal-data-reads: the memory: store keeps no read log between commands', 2);
  const path = keyStore.kind === 'postgres' ? redactedUrl(keyStore.url) : keyStore.path;
  if (keyStore.kind === 'sqlite' && !existsSync(path))
    throw new CliError(
      `SALESBOOK_KEYSTORE: no key store at ${path}; point SALESBOOK_KEYSTORE at the key store of this event store`,
    );
  const since = sinceOf(options.since, context.config.timeZone);
  const filter = {
    ...(options.customer === undefined ? {} : { customerId: options.customer }),
    ...(options.reader === undefined ? {} : { actorId: options.reader }),
    ...(since === undefined ? {} : { since }),
  };
  const reads =
    keyStore.kind === 'postgres' ? await listPostgresReads(keyStore.url, filter) : await listSqliteReads(path, filter);
  if (options.json === true) {
    await writeOut(`${JSON.stringify({ reads }, null, 2)}\n`);
    return;
  }
  out(`personal-data-reads: ${reads.length} read${reads.length === 1 ? '' : 's'} of personal data logged in ${path}`);
  if (reads.length === 0) return;
  const rows = [[...COLUMNS], ...reads.map((read) => row(read).map(safeText))];
  const widths = COLUMNS.map((_, column) => Math.max(...rows.map((cells) => (cells[column] ?? '').length)));
  for (const cells of rows)
    out(
      cells
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    );
}
