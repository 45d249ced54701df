import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { StoreConfigurationError } from './errors.js';

/** The environment variable that selects the event store. */
export const STORE_URL_VARIABLE = 'SALESBOOK_EVENTSTORE';
/** The store used when the variable is unset or empty. */
export const DEFAULT_STORE_URL = 'sqlite:./data/events.db';

/** One node of an EventStoreDB connection string. */
export interface EsdbHost {
  readonly host: string;
  readonly port: number;
}

/** Which store to open, as parsed from {@link STORE_URL_VARIABLE}. */
export type StoreDescriptor =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'memory' }
  | {
      readonly kind: 'esdb';
      /** The value as given, for the EventStoreDB client (it may hold credentials: never log it). */
      readonly connectionString: string;
      /** `esdb+discover://`: the hosts are seeds for gossip discovery of the cluster. */
      readonly discover: boolean;
      readonly hosts: readonly EsdbHost[];
    };

const EXPECTED = 'expected sqlite:<path>, memory: or esdb://host[:port][,host[:port]...][?option=value&...]';
const ESDB_DEFAULT_PORT = 2113;
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])$/;
const OPTION = /^[A-Za-z][A-Za-z0-9]*=[^&=]*$/;

const refuse = (problem: string): Either<StoreConfigurationError, never> =>
  left(new StoreConfigurationError(`${STORE_URL_VARIABLE}: ${problem} (${EXPECTED})`));

/** The value with any `user:password@` hidden, for messages and logs. */
const redact = (value: string): string => value.replace(/^([a-z+]+:\/\/)[^@/?]*@/i, '$1***@');

/**
 * Reads the event store selection: `sqlite:<path>` (the default, `sqlite:./data/events.db`), `memory:`,
 * or an `esdb://` / `esdb+discover://` connection string. A bad value is refused with one line that
 * names the variable and what is wrong, so start-up can stop with it.
 *
 * @example
 * const store = parseStoreUrl(process.env.SALESBOOK_EVENTSTORE);
 * if (isLeft(store)) { console.error(store.left.message); process.exit(1); }
 */
export function parseStoreUrl(value: string | undefined): Either<StoreConfigurationError, StoreDescriptor> {
  const text = value === undefined || value.trim() === '' ? DEFAULT_STORE_URL : value.trim();
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(text)?.[1]?.toLowerCase();
  const rest = scheme === undefined ? '' : text.slice(scheme.length + 1);
  switch (scheme) {
    case 'sqlite':
      return parseSqlite(rest);
    case 'memory':
      return rest === '' || rest === '//' ? right({ kind: 'memory' }) : refuse(`memory: takes no path, got "${text}"`);
    case 'esdb':
    case 'esdb+discover':
      return parseEsdb(text, rest, scheme === 'esdb+discover');
    case undefined:
      return refuse(`"${redact(text)}" names no store kind`);
    default:
      return refuse(`unknown store kind "${scheme}:"`);
  }
}

function parseSqlite(rest: string): Either<StoreConfigurationError, StoreDescriptor> {
  // `sqlite:///abs/file.db` and `sqlite://./file.db` are the URL spellings of `sqlite:/abs/file.db` and `sqlite:./file.db`.
  const path = rest.startsWith('//') ? rest.slice(2) : rest;
  if (path.trim() === '') return refuse('sqlite: needs a file path, e.g. sqlite:./data/events.db');
  if (path.includes('\u0000')) return refuse('the sqlite path holds a NUL character');
  return right({ kind: 'sqlite', path });
}

function parseEsdb(text: string, rest: string, discover: boolean): Either<StoreConfigurationError, StoreDescriptor> {
  const shown = redact(text);
  if (!rest.startsWith('//')) return refuse(`"${shown}" is not a connection string: the scheme needs "//" before the hosts`);
  const match = /^\/\/(?:([^@/?]*)@)?([^/?]*)\/?(?:\?(.*))?$/.exec(rest);
  const [, credentials, hostList = '', query] = match ?? [];
  if (match === null) return refuse(`"${shown}" has a path; an EventStoreDB connection string has none`);
  if (credentials !== undefined && !/^[^:]+:.*$/.test(credentials)) return refuse(`"${shown}": credentials must be user:password@`);
  if (hostList === '') return refuse(`"${shown}" names no host`);
  const hosts: EsdbHost[] = [];
  for (const item of hostList.split(',')) {
    const parsed = /^(.*?)(?::(\d+))?$/.exec(item.trim());
    const host = parsed?.[1] ?? '';
    const port = parsed?.[2] === undefined ? ESDB_DEFAULT_PORT : Number(parsed[2]);
    if (!HOST.test(host)) return refuse(`"${shown}" has a malformed host "${item}"`);
    if (!Number.isInteger(port) || port < 1 || port > 65_535) return refuse(`"${shown}" has port ${parsed?.[2] ?? ''} outside 1-65535`);
    hosts.push({ host, port });
  }
  if (query !== undefined && query !== '') {
    const bad = query.split('&').find((option) => !OPTION.test(option));
    if (bad !== undefined) return refuse(`"${shown}" has a malformed option "${bad}" (options are name=value, joined by &)`);
  }
  return right({ kind: 'esdb', connectionString: text, discover, hosts });
}

/** The descriptor for logs: the store kind and where, credentials never shown. */
export function describeStore(descriptor: StoreDescriptor): string {
  switch (descriptor.kind) {
    case 'sqlite':
      return `sqlite:${descriptor.path}`;
    case 'memory':
      return 'memory:';
    case 'esdb':
      return `${descriptor.discover ? 'esdb+discover' : 'esdb'}://${descriptor.hosts.map(({ host, port }) => `${host}:${port}`).join(',')}`;
  }
}
