import { StoreConfigurationError } from '@salesbook/eventstore';

/** Where `SALESBOOK_KEYSTORE` puts the keys: a SQLite file (one host) or a PostgreSQL database (every host). */
export type KeyStoreLocation =
  { readonly kind: 'sqlite'; readonly path: string } | { readonly kind: 'postgres'; readonly url: string };

/**
 * Reads `SALESBOOK_KEYSTORE`: `postgres://` or `postgresql://` URLs name a PostgreSQL database, anything else a SQLite
 * file (or `:memory:`). A malformed URL is refused with a StoreConfigurationError naming the variable.
 *
 * @example
 * parseKeyStoreLocation('postgres://keys@db.internal/salesbook'); // { kind: 'postgres', url: ... }
 * parseKeyStoreLocation('./data/keys.db'); // { kind: 'sqlite', path: './data/keys.db' }
 */
export function parseKeyStoreLocation(value: string): KeyStoreLocation {
  if (!/^postgres(ql)?:/i.test(value)) return { kind: 'sqlite', path: value };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new StoreConfigurationError(
      'SALESBOOK_KEYSTORE: not a valid PostgreSQL URL (postgres://user:password@host:5432/database)',
    );
  }
  if (url.hostname === '' || url.pathname.length <= 1)
    throw new StoreConfigurationError(
      'SALESBOOK_KEYSTORE: a PostgreSQL URL needs a host and a database (postgres://user:password@host:5432/database)',
    );
  return { kind: 'postgres', url: value };
}
