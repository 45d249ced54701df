import { salesbookEventRegistry } from '@salesbook/domain';
import type { Json, RecordedEvent } from '@salesbook/eventstore';
import Database from 'better-sqlite3';
import { DEFAULT_BUSINESS_ZONE } from '../model/business-time.js';
import type { Projection, ProjectionContext } from '../model/projection.js';
import type { KeyOf, Row, RowOf, RowReader, RowWrite, TableSpec } from '../model/table.js';
import { Checkpoints } from '../runner/checkpoints.js';
import { checkedRow, keyText, keyValues, shapeOf } from '../runner/row-check.js';
import { createIndexes, createTableSet, physicalName, pointViews, RUNNER_DDL } from '../runner/schema.js';
import type { TestEvent } from './stored-events.js';

/** An event the kit could not apply, with why; later events of its stream are held behind it, as the runner does. */
export interface KitParked {
  readonly projection: string;
  readonly streamName: string;
  readonly revision: number;
  readonly type: string;
  /** `null` for an event held behind an earlier one of its stream. */
  readonly error: string | null;
}

/** What {@link ProjectionKit.given} may add to the metadata the write path records. */
export interface KitAppendOptions {
  /** The version the data is written at (default: the registry's current version of the type). */
  readonly schemaVersion?: number;
  /** More metadata, e.g. the command's `actor`. */
  readonly metadata?: Readonly<Record<string, Json>>;
}

/** The rows of one projection, held in maps: what the runner's row store holds, without SQLite. */
class MemoryRows implements RowReader {
  private readonly tables = new Map<string, Map<string, Row>>();

  get<T extends TableSpec>(table: T, key: KeyOf<T>): RowOf<T> | undefined {
    return this.of(table).get(keyText(keyValues(shapeOf(table), key))) as RowOf<T> | undefined;
  }

  /** Takes one event's writes: all of them or, when one does not fit its table, none (and throws). */
  take(writes: readonly RowWrite[]): void {
    const checked = writes.map((write) => {
      const shape = shapeOf(write.table);
      const row = write.kind === 'upsert' ? checkedRow(shape, write.row) : undefined;
      return {
        table: write.table,
        text: keyText(keyValues(shape, write.kind === 'upsert' ? write.row : write.key)),
        row,
      };
    });
    for (const { table, text, row } of checked) {
      if (row === undefined) this.of(table).delete(text);
      else this.of(table).set(text, row);
    }
  }

  /** Every row of `table`, in primary-key order (as the digest and a plain `ORDER BY` key would list them). */
  all<T extends TableSpec>(table: T): RowOf<T>[] {
    const key = (row: Row) => keyValues(shapeOf(table), row);
    return [...this.of(table).values()].sort((a, b) => compareKeys(key(a), key(b))) as RowOf<T>[];
  }

  private of(table: TableSpec): Map<string, Row> {
    let rows = this.tables.get(table.name);
    if (rows === undefined) this.tables.set(table.name, (rows = new Map()));
    return rows;
  }
}

const compareKeys = (a: readonly (string | number | null)[], b: readonly (string | number | null)[]): number => {
  for (let index = 0; index < a.length; index += 1) {
    const [x, y] = [a[index] ?? null, b[index] ?? null];
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return 0;
};

/**
 * Tests a projection as a function of events: `given(stream, events)` calls `project` on each event in order with an
 * in-memory row reader, then `rows(table)` are the rows. No store, no runner, no database; an event whose `project`
 * throws is parked and holds its stream's later events, as the runner does. `readModels()` writes the rows into a
 * SQLite database laid out as the runner lays it out, for the report queries.
 *
 * @example
 * const kit = projectionKit([productsProjection]).given('product-A-1', [registered('A-1', 'motors', at)]);
 * expect(kit.rows(products)).toEqual([{ sku: 'A-1', ... }]);
 */
export class ProjectionKit {
  private readonly rowsOf = new Map<string, MemoryRows>();
  private readonly blocked = new Map<string, Set<string>>();
  private readonly revisions = new Map<string, number>();
  private readonly held: KitParked[] = [];
  private readonly recorded: RecordedEvent[] = [];
  private position = 0n;

  constructor(
    private readonly projections: readonly Projection[],
    private readonly context: ProjectionContext = { zone: DEFAULT_BUSINESS_ZONE },
  ) {
    for (const projection of projections) {
      this.rowsOf.set(projection.name, new MemoryRows());
      this.blocked.set(projection.name, new Set());
    }
  }

  /**
   * Appends `events` to `streamName` and projects each, in order. Metadata as the write path records it:
   * `occurredAt` (the event's `at`) and `schemaVersion` (the registry's current version unless given), plus `metadata`.
   */
  given(streamName: string, events: readonly TestEvent[], options: KitAppendOptions = {}): this {
    for (const event of events) this.project(this.record(streamName, event, options));
    return this;
  }

  /** Projects events recorded elsewhere (a generated history, a stored corpus) as they are. */
  givenRecorded(events: readonly RecordedEvent[]): this {
    for (const event of events) this.project(event);
    return this;
  }

  /** The rows of `table` in primary-key order. */
  rows<T extends TableSpec>(table: T): RowOf<T>[] {
    return this.memoryOf(table).all(table);
  }

  /** The row of `table` with `key`, if any. */
  row<T extends TableSpec>(table: T, key: KeyOf<T>): RowOf<T> | undefined {
    return this.memoryOf(table).get(table, key);
  }

  /** The events given, in order (of one stream when `streamName` is given), as a store would read them back. */
  events(streamName?: string): readonly RecordedEvent[] {
    return streamName === undefined ? this.recorded : this.recorded.filter((event) => event.streamName === streamName);
  }

  /** Events parked or held, in the order they came. */
  get parked(): readonly KitParked[] {
    return this.held;
  }

  /** The position of the last event given (`undefined` before any). */
  get lastPosition(): bigint | undefined {
    return this.position === 0n ? undefined : this.position;
  }

  /** A new in-memory SQLite database with the rows, views and checkpoints the runner would leave: queries run on it. */
  readModels(): Database.Database {
    const db = new Database(':memory:');
    db.exec(RUNNER_DDL);
    const checkpoints = new Checkpoints(db);
    for (const projection of this.projections) {
      const generation = checkpoints.create(projection.name, projection.version, true);
      createTableSet(db, projection, generation);
      createIndexes(db, projection, generation);
      pointViews(db, projection, generation);
      for (const table of projection.tables)
        insertRows(db, physicalName(projection.name, generation, table.name), table, this.rows(table));
      if (this.lastPosition !== undefined) checkpoints.save(projection.name, generation, this.lastPosition);
    }
    return db;
  }

  private record(streamName: string, event: TestEvent, { schemaVersion, metadata }: KitAppendOptions): RecordedEvent {
    const revision = (this.revisions.get(streamName) ?? -1) + 1;
    this.revisions.set(streamName, revision);
    this.position += 1n;
    const version = schemaVersion ?? salesbookEventRegistry.versionOf(event.type) ?? 1;
    return {
      streamName,
      revision,
      position: this.position,
      eventId: `30000000-0000-4000-8000-${this.position.toString().padStart(12, '0')}`,
      type: event.type,
      data: JSON.parse(JSON.stringify(event.data)) as Json,
      metadata: { ...metadata, occurredAt: event.at, schemaVersion: version, hash: 'projection-kit' },
      recordedAt: event.at,
    };
  }

  private project(event: RecordedEvent): void {
    this.recorded.push(event);
    if (event.position > this.position) this.position = event.position;
    for (const projection of this.projections) {
      const blocked = this.blocked.get(projection.name) ?? new Set<string>();
      const park = (error: string | null) =>
        this.held.push({
          projection: projection.name,
          streamName: event.streamName,
          revision: event.revision,
          type: event.type,
          error,
        });
      if (blocked.has(event.streamName)) {
        park(null);
        continue;
      }
      const rows = this.rowsOf.get(projection.name) ?? new MemoryRows();
      try {
        rows.take(projection.project(event, rows, this.context));
      } catch (error) {
        blocked.add(event.streamName);
        park(error instanceof Error ? error.message : String(error));
      }
    }
  }

  private memoryOf(table: TableSpec): MemoryRows {
    const owner = this.projections.find((projection) => projection.tables.includes(table));
    const rows = owner === undefined ? undefined : this.rowsOf.get(owner.name);
    if (rows === undefined) throw new Error(`no projection of this kit declares table ${table.name}`);
    return rows;
  }
}

function insertRows(db: Database.Database, physical: string, table: TableSpec, rows: readonly Row[]): void {
  const columns = Object.keys(table.columns);
  const insert = db.prepare(
    `INSERT INTO ${physical} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
  for (const row of rows) insert.run(columns.map((column) => row[column] ?? null));
}

/** A {@link ProjectionKit} of `projections` (in the business zone `zone`, default Asia/Shanghai). */
export const projectionKit = (projections: readonly Projection[], zone = DEFAULT_BUSINESS_ZONE): ProjectionKit =>
  new ProjectionKit(projections, { zone });
