import { isLeft, type Either } from 'fp-ts/lib/Either.js';
import { StoreConfigurationError } from './errors.js';
import { describeStore, parseStoreUrl, type StoreDescriptor } from './store-url.js';

const parsed = (value: string | undefined): StoreDescriptor => {
  const result = parseStoreUrl(value);
  if (isLeft(result)) throw result.left;
  return result.right;
};
const refusal = (value: string): string => {
  const result: Either<StoreConfigurationError, StoreDescriptor> = parseStoreUrl(value);
  if (!isLeft(result)) throw new Error(`${value} was accepted`);
  expect(result.left).toBeInstanceOf(StoreConfigurationError);
  expect(result.left.code).toBe('STORE_CONFIGURATION_INVALID');
  return result.left.message;
};

describe('parseStoreUrl', () => {
  it('defaults to the embedded SQLite file when unset or empty', () => {
    expect(parsed(undefined)).toEqual({ kind: 'sqlite', path: './data/events.db' });
    expect(parsed('  ')).toEqual({ kind: 'sqlite', path: './data/events.db' });
  });

  it.each([
    ['sqlite:./data/events.db', './data/events.db'],
    ['sqlite:/var/lib/salesbook/events.db', '/var/lib/salesbook/events.db'],
    ['sqlite:///var/lib/events.db', '/var/lib/events.db'],
    ['SQLITE:C:\\data\\events.db', 'C:\\data\\events.db'],
    ['sqlite::memory:', ':memory:'],
  ])('reads %s as a SQLite file', (value, path) => {
    expect(parsed(value)).toEqual({ kind: 'sqlite', path });
  });

  it('reads memory:', () => {
    expect(parsed('memory:')).toEqual({ kind: 'memory' });
  });

  it.each([
    ['esdb://localhost:2113?tls=false', false, [{ host: 'localhost', port: 2113 }]],
    ['esdb://127.0.0.1', false, [{ host: '127.0.0.1', port: 2113 }]],
    [
      'esdb://admin:changeit@node1.example.com:2113,node2.example.com:2114,[::1]:2115/?tls=true&nodePreference=leader',
      false,
      [
        { host: 'node1.example.com', port: 2113 },
        { host: 'node2.example.com', port: 2114 },
        { host: '[::1]', port: 2115 },
      ],
    ],
    [
      'esdb+discover://cluster.example.com:2113?maxDiscoverAttempts=10',
      true,
      [{ host: 'cluster.example.com', port: 2113 }],
    ],
  ])('reads %s as an EventStoreDB connection string', (value, discover, hosts) => {
    expect(parsed(value)).toEqual({
      kind: 'esdb',
      connectionString: value,
      discover,
      hosts,
      maxAppendBytes: 1_048_576,
    });
  });

  it.each([
    ['postgres://localhost/db', 'unknown store kind "postgres:"'],
    ['./events.db', 'names no store kind'],
    ['sqlite:', 'sqlite: needs a file path'],
    ['sqlite://', 'sqlite: needs a file path'],
    ['memory:/tmp/x', 'memory: takes no path'],
    ['esdb:localhost:2113', 'needs "//" before the hosts'],
    ['esdb://', 'names no host'],
    ['esdb://?tls=false', 'names no host'],
    ['esdb://localhost:99999', 'outside 1-65535'],
    ['esdb://local host:2113', 'malformed host "local host:2113"'],
    ['esdb://localhost:21a3', 'malformed host'],
    ['esdb://node1,,node2', 'malformed host ""'],
    ['esdb://localhost/stream', 'has a path'],
    ['esdb://localhost?tls', 'malformed option "tls"'],
    ['esdb://admin@localhost', 'credentials must be user:password@'],
  ])('refuses %s with one line naming the variable and the problem', (value, problem) => {
    const message = refusal(value);
    expect(message).toMatch(/^SALESBOOK_EVENTSTORE: /);
    expect(message).toContain(problem);
    expect(message).not.toContain('\n');
  });

  it('reads the maximum append size for EventStoreDB, and refuses one out of range naming its variable', () => {
    const esdb = (maxAppend: string): StoreDescriptor | string => {
      const result = parseStoreUrl('esdb://localhost:2113?tls=false', maxAppend);
      return isLeft(result) ? result.left.message : result.right;
    };
    expect(esdb('4096')).toMatchObject({ kind: 'esdb', maxAppendBytes: 4_096 });
    expect(esdb(' ')).toMatchObject({ maxAppendBytes: 1_048_576 });
    for (const bad of ['1023', '16777217', '1e6', '-5', 'lots'])
      expect(esdb(bad)).toMatch(/^SALESBOOK_ESDB_MAX_APPEND_BYTES: /);
    expect(parsed('memory:')).toEqual({ kind: 'memory' });
  });

  it('never repeats a password in its message, nor in the description for logs', () => {
    expect(refusal('esdb://admin:s3cret@localhost/x')).not.toContain('s3cret');
    expect(describeStore(parsed('esdb://admin:s3cret@localhost?tls=false'))).toBe('esdb://localhost:2113');
    expect(describeStore(parsed('sqlite:./a.db'))).toBe('sqlite:./a.db');
    expect(describeStore(parsed('memory:'))).toBe('memory:');
  });
});
