import type { PersonalDataRead, PersonalDataReadFilter, PersonalDataReadLog } from '@salesbook/personal-data';
import pg from 'pg';

interface ReadRow {
  readonly at: string;
  readonly actor_id: string;
  readonly role: string;
  readonly purpose: string;
  readonly customer_ids: string[];
  readonly streams: string[];
}

const toRead = (row: ReadRow): PersonalDataRead => ({
  actorId: row.actor_id,
  role: row.role,
  purpose: row.purpose,
  at: row.at,
  customerIds: row.customer_ids,
  streams: row.streams,
});

/**
 * The personal data read log in the key store's database: append-only, ids and times, never the data read. One
 * INSERT per read, committed (synchronous_commit=on) before `record` resolves.
 */
export function createPostgresReadLog(
  pool: pg.Pool,
  guarded: <T>(work: () => Promise<T>) => Promise<T>,
): PersonalDataReadLog {
  return {
    async record(read) {
      await guarded(() =>
        pool.query(
          'INSERT INTO personal_data_reads (at, actor_id, role, purpose, customer_ids, streams) VALUES ($1, $2, $3, $4, $5, $6)',
          [read.at, read.actorId, read.role, read.purpose, read.customerIds, read.streams],
        ),
      );
    },
    async list(filter: PersonalDataReadFilter = {}) {
      const { rows } = await guarded(() =>
        pool.query<ReadRow>(
          `SELECT at, actor_id, role, purpose, customer_ids, streams FROM personal_data_reads
           WHERE ($1::text IS NULL OR customer_ids @> ARRAY[$1::text]) AND ($2::text IS NULL OR actor_id = $2) AND ($3::text IS NULL OR at >= $3)
           ORDER BY seq`,
          [filter.customerId ?? null, filter.actorId ?? null, filter.since ?? null],
        ),
      );
      return rows.map(toRead);
    },
  };
}

/**
 * Lists the read log of a PostgreSQL key store without the master key (auditors read ids and times only), on one
 * connection closed afterwards.
 */
export async function listPostgresReads(
  url: string,
  filter: PersonalDataReadFilter = {},
): Promise<readonly PersonalDataRead[]> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  pool.on('error', () => undefined);
  try {
    return await createPostgresReadLog(pool, (work) => work()).list(filter);
  } finally {
    await pool.end();
  }
}
