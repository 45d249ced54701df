/** Who reads personal data, and why: a person, never the system deciding a command. */
export interface PersonalDataReader {
  readonly actorId: string;
  readonly role: string;
  /** What the read served, e.g. `GET /audit/streams/customer-42/events` or `salesbook history customer-42`. */
  readonly purpose: string;
}

/** One logged read of personal data. */
export interface PersonalDataRead extends PersonalDataReader {
  /** When (ISO 8601 UTC). */
  readonly at: string;
  /** The customers whose personal data was opened. */
  readonly customerIds: readonly string[];
  /** The streams read. */
  readonly streams: readonly string[];
}

/** Which reads to list. */
export interface PersonalDataReadFilter {
  readonly customerId?: string;
  readonly actorId?: string;
  /** Reads at or after this ISO time. */
  readonly since?: string;
}

/**
 * The log of reads of personal data by people (docs/data-protection.md). It holds ids and times, never the
 * data read, so it survives a customer's erasure. A read is logged before its plaintext is returned.
 *
 * @example
 * const reads = createMemoryReadLog();
 * const codec = createPersonalDataCodec({ inner, keys, reads: { log: reads, reader: { actorId: 'mgr-1', role: 'sales_manager', purpose: 'GET /customers/42' } } });
 * await reads.list({ customerId: '42' });
 */
export interface PersonalDataReadLog {
  record(read: PersonalDataRead): Promise<void>;
  /** Reads in the order they were logged. */
  list(filter?: PersonalDataReadFilter): Promise<readonly PersonalDataRead[]>;
}

/** Whether a read matches a filter. */
export const matchesReadFilter = (read: PersonalDataRead, filter: PersonalDataReadFilter = {}): boolean =>
  (filter.customerId === undefined || read.customerIds.includes(filter.customerId)) &&
  (filter.actorId === undefined || read.actorId === filter.actorId) &&
  (filter.since === undefined || read.at >= filter.since);

/** A read log in memory, for tests and the `memory:` store. */
export function createMemoryReadLog(): PersonalDataReadLog {
  const reads: PersonalDataRead[] = [];
  return {
    async record(read) {
      reads.push(read);
    },
    async list(filter) {
      return reads.filter((read) => matchesReadFilter(read, filter));
    },
  };
}
