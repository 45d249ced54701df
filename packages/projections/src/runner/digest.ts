import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Projection } from '../model/projection.js';
import { physicalName } from './schema.js';

/** The digest of a read model: one sha256 over all its tables, and one per table with its row count. */
export interface ReadModelDigest {
  readonly digest: string;
  readonly tables: Readonly<Record<string, { readonly rows: number; readonly digest: string }>>;
}

// Integers are read as bigints and written as decimal text, so the dump never depends on float formatting.
const canonicalCell = (value: unknown): string =>
  typeof value === 'bigint' ? value.toString() : JSON.stringify(value);

/**
 * sha256 over a canonical dump of each table of a generation: the table name, its columns, then one line
 * per row ordered by primary key. Equal digests mean byte-identical read models.
 */
export function digestTableSet(db: Database.Database, projection: Projection, generation: number): ReadModelDigest {
  const whole = createHash('sha256');
  const tables: Record<string, { rows: number; digest: string }> = {};
  for (const spec of [...projection.tables].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const columns = Object.keys(spec.columns);
    const one = createHash('sha256');
    const header = `${spec.name}(${columns.join(',')})\n`;
    one.update(header);
    let rows = 0;
    const physical = physicalName(projection.name, generation, spec.name);
    const statement = db
      .prepare(`SELECT ${columns.join(', ')} FROM ${physical} ORDER BY ${spec.primaryKey.join(', ')}`)
      .raw(true)
      .safeIntegers(true);
    for (const row of statement.iterate() as Iterable<unknown[]>) {
      one.update(`${row.map(canonicalCell).join(',')}\n`);
      rows += 1;
    }
    const digest = one.digest('hex');
    tables[spec.name] = { rows, digest };
    whole.update(`${header}${digest}\n`);
  }
  return { digest: whole.digest('hex'), tables };
}
