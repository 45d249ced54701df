import { isLeft } from 'fp-ts/lib/Either.js';
import { z } from 'zod';
import { parseStoreUrl, StoreConfigurationError, type StoreDescriptor } from '@salesbook/eventstore';
import { parseKeyStoreLocation, type KeyStoreLocation } from '@salesbook/keystore';
import { isValidTimeZone } from '@salesbook/projections';
import { CliError } from './cli-error.js';

/** What the command line reads from the environment: the same variables, defaults and checks as the API. */
export interface CliConfig {
  readonly store: StoreDescriptor;
  /** Path of the read-model SQLite file. */
  readonly readModelsPath: string;
  /** The business time zone: day boundaries of imported dates, `--as-of` dates and export ranges. */
  readonly timeZone: string;
  /** SALESBOOK_KEYSTORE as given: the key-store SQLite file or a PostgreSQL URL, never the event log. */
  readonly keyStorePath: string;
  /** SALESBOOK_KEYSTORE read: a SQLite file (one host) or a PostgreSQL database (shared by every host). */
  readonly keyStore: KeyStoreLocation;
  /** SALESBOOK_MASTER_KEY as given (base64), checked only by the commands that open personal data. */
  readonly masterKey: string | undefined;
  /** SALESBOOK_NEW_MASTER_KEY: the key `rotate-master-key` re-wraps the data keys with. */
  readonly newMasterKey: string | undefined;
  /** NODE_ENV is `development`: without a master key, one is made beside the key store (with a warning). */
  readonly development: boolean;
}

const optional = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === '' ? undefined : value));

// The API's own schema for these variables (apps/api/src/config/config.ts), so both refuse the same values.
const Env = z.object({
  SALESBOOK_EVENTSTORE: optional,
  SALESBOOK_ESDB_MAX_APPEND_BYTES: optional,
  SALESBOOK_READMODELS: optional.pipe(z.string().default('./data/readmodels.db')),
  SALESBOOK_TIMEZONE: optional
    .pipe(z.string().default('Asia/Shanghai'))
    .refine(isValidTimeZone, 'must be an IANA time zone such as Asia/Shanghai'),
  SALESBOOK_KEYSTORE: optional.pipe(z.string().default('./data/keys.db')),
  SALESBOOK_MASTER_KEY: optional,
  SALESBOOK_NEW_MASTER_KEY: optional,
  NODE_ENV: optional,
});

function keyStoreLocation(value: string): KeyStoreLocation {
  try {
    return parseKeyStoreLocation(value);
  } catch (error) {
    if (error instanceof StoreConfigurationError) throw new CliError(error.message);
    throw error;
  }
}

/**
 * Reads and checks the environment; bad configuration is a {@link CliError} of one line naming the
 * variable and what is wrong (`SALESBOOK_TIMEZONE: must be an IANA time zone such as Asia/Shanghai`).
 */
export function loadCliConfig(env: Readonly<Record<string, string | undefined>>): CliConfig {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CliError(`${String(issue?.path[0] ?? 'environment')}: ${issue?.message ?? 'invalid'}`);
  }
  const store = parseStoreUrl(parsed.data.SALESBOOK_EVENTSTORE, parsed.data.SALESBOOK_ESDB_MAX_APPEND_BYTES);
  if (isLeft(store)) throw new CliError(store.left.message);
  const values = parsed.data;
  return {
    store: store.right,
    readModelsPath: values.SALESBOOK_READMODELS,
    timeZone: values.SALESBOOK_TIMEZONE,
    keyStorePath: values.SALESBOOK_KEYSTORE,
    keyStore: keyStoreLocation(values.SALESBOOK_KEYSTORE),
    masterKey: values.SALESBOOK_MASTER_KEY,
    newMasterKey: values.SALESBOOK_NEW_MASTER_KEY,
    development: values.NODE_ENV === 'development',
  };
}
