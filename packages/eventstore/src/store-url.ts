import { chain, left, right, type Either } from 'fp-ts/lib/Either.js';
import { StoreConfigurationError } from './errors.js';

/** The environment variable that selects the event store. */
export const STORE_URL_VARIABLE = 'SALESBOOK_EVENTSTORE';
/** The store used when the variable is unset or empty. */
export const DEFAULT_STORE_URL = 'sqlite:./data/events.db';

/** The variable that caps one EventStoreDB append, in bytes as the server counts them (its `MaxAppendSize`). */
export const MAX_APPEND_VARIABLE = 'SALESBOOK_ESDB_MAX_APPEND_BYTES';
/** EventStoreDB's default `MaxAppendSize`: 1 MiB. */
export const ESDB_DEFAULT_MAX_APPEND_BYTES = 1_048_576;
/** The largest cap accepted: EventStoreDB's largest log record (16 MiB). */
const ESDB_MAX_APPEND_LIMIT = 16_777_216;

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
      /** The most bytes one append carries ({@link MAX_APPEND_VARIABLE}); bigger batches of `appendMany` are split. */
      readonly maxAppendBytes: number;
    };

const EXPECTED = 'expected sqlite:<path>, memory: or esdb://host[:port][,host[:port]...][?option=value&...]';
const ESDB_DEFAULT_PORT = 2113;
const HOST =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])$/;
const OPTION = /^[A-Za-z][A-Za-z0-9]*=[^&=]*$/;

const refuse = (problem: string): Either<StoreConfigurationError, never> =>
  left(new StoreConfigurationError(`${STORE_URL_VARIABLE}: ${problem} (${EXPECTED})`));

/** The value with any `user:password@` hidden, for messages and logs. */
const redact = (value: string): string => value.replace(/^([a-z+]+:\/\/)[^@/?]*@/i, '$1***@');

/** Reads {@link MAX_APPEND_VARIABLE}: whole bytes from 1,024 to 16 MiB, 1 MiB when unset. */
function parseMaxAppend(value: string | undefined): Either<StoreConfigurationError, number> {
  if (value === undefined || value.trim() === '') return right(ESDB_DEFAULT_MAX_APPEND_BYTES);
  const bytes = /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (bytes >= 1_024 && bytes <= ESDB_MAX_APPEND_LIMIT) return right(bytes);
  return left(
    new StoreConfigurationError(
      `${MAX_APPEND_VARIABLE}: "${value}" is not a whole number of bytes from 1024 to ${ESDB_MAX_APPEND_LIMIT} (at most the server's MaxAppendSize)`,
    ),
  );
}

/**
 * Reads the event store selection: `sqlite:<path>` (the default, `sqlite:./data/events.db`), `memory:`,
 * or an `esdb://` / `esdb+discover://` connection string, with `maxAppend` ({@link MAX_APPEND_VARIABLE}) for
 * EventStoreDB. A bad value is refused with one line that names the variable and what is wrong, so start-up can
 * stop with it.
 *
 * @example
 * const store = parseStoreUrl(process.env.SALESBOOK_EVENTSTORE);
 * if (isLeft(store)) { console.error(store.left.message); process.exit(1); }
 */
export function parseStoreUrl(
  value: string | undefined,
  maxAppend?: string,
): Either<StoreConfigurationError, StoreDescriptor> {
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
      return chain((maxAppendBytes: number) => parseEsdb(text, rest, scheme === 'esdb+discover', maxAppendBytes))(
        parseMaxAppend(maxAppend),
      );
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

function parseEsdb(
  text: string,
  rest: string,
  discover: boolean,
  maxAppendBytes: number,
): Either<StoreConfigurationError, StoreDescriptor> {
  const shown = redact(text);
  if (!rest.startsWith('//'))
    return refuse(`"${shown}" is not a connection string: the scheme needs "//" before the hosts`);
  const match = /^\/\/(?:([^@/?]*)@)?([^/?]*)\/?(?:\?(.*))?$/.exec(rest);
  const [, credentials, hostList = '', query] = match ?? [];
  if (match === null) return refuse(`"${shown}" has a path; an EventStoreDB connection string has none`);
  if (credentials !== undefined && !/^[^:]+:.*$/.test(credentials))
    return refuse(`"${shown}": credentials must be user:password@`);
  if (hostList === '') return refuse(`"${shown}" names no host`);
  const hosts: EsdbHost[] = [];
  for (const item of hostList.split(',')) {
    const parsed = /^(.*?)(?::(\d+))?$/.exec(item.trim());
    const host = parsed?.[1] ?? '';
    const port = parsed?.[2] === undefined ? ESDB_DEFAULT_PORT : Number(parsed[2]);
    if (!HOST.test(host)) return refuse(`"${shown}" has a malformed host "${item}"`);
    if (!Number.isInteger(port) || port < 1 || port > 65_535)
      return refuse(`"${shown}" has port ${parsed?.[2] ?? ''} outside 1-65535`);
    hosts.push({ host, port });
  }
  if (query !== undefined && query !== '') {
    const bad = query.split('&').find((option) => !OPTION.test(option));
    if (bad !== undefined)
      return refuse(`"${shown}" has a malformed option "${bad}" (options are name=value, joined by &)`);
  }
  return right({ kind: 'esdb', connectionString: text, discover, hosts, maxAppendBytes });
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
