import type Database from 'better-sqlite3';
import type { PersonalDataRead, PersonalDataReadFilter, PersonalDataReadLog } from '@salesbook/personal-data';

interface ReadRow {
  readonly at: string;
  readonly actor_id: string;
  readonly role: string;
  readonly purpose: string;
  readonly customer_ids: string;
  readonly streams: string;
}

const toRead = (row: ReadRow): PersonalDataRead => ({
  actorId: row.actor_id,
  role: row.role,
  purpose: row.purpose,
  at: row.at,
  customerIds: JSON.parse(row.customer_ids) as string[],
  streams: JSON.parse(row.streams) as string[],
});

/**
 * The personal data read log in the key store's file: append-only, ids and times, never the data read.
 * `durable` makes a recorded read durable before `record` resolves (the key store passes its -wal sync; a
 * connection at `synchronous=FULL`, or one that only lists, needs none).
 */
export function createSqliteReadLog(db: Database.Database, durable?: () => Promise<void>): PersonalDataReadLog {
  const insert = db.prepare(
    'INSERT INTO reads (at, actor_id, role, purpose, customer_ids, streams) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertCustomer = db.prepare('INSERT INTO read_customers (seq, customer_id) VALUES (?, ?)');
  const record = db.transaction((read: PersonalDataRead) => {
    const { lastInsertRowid } = insert.run(
      read.at,
      read.actorId,
      read.role,
      read.purpose,
      JSON.stringify(read.customerIds),
      JSON.stringify(read.streams),
    );
    for (const customerId of new Set(read.customerIds)) insertCustomer.run(lastInsertRowid, customerId);
  });
  const select = db.prepare<[{ customerId: string | null; actorId: string | null; since: string | null }], ReadRow>(
    `SELECT at, actor_id, role, purpose, customer_ids, streams FROM reads r
     WHERE (@customerId IS NULL OR EXISTS (SELECT 1 FROM read_customers c WHERE c.seq = r.seq AND c.customer_id = @customerId))
       AND (@actorId IS NULL OR actor_id = @actorId) AND (@since IS NULL OR at >= @since)
     ORDER BY seq`,
  );
  return {
    async record(read) {
      record(read);
      await durable?.();
    },
    async list(filter: PersonalDataReadFilter = {}) {
      return select
        .all({ customerId: filter.customerId ?? null, actorId: filter.actorId ?? null, since: filter.since ?? null })
        .map(toRead);
    },
  };
}
