import type { EventStore } from '../../port.js';

/** What an adapter's test gives the contract suite for each test: a store, and whatever its hooks need. */
export interface ContractSubject {
  readonly store: EventStore;
  /** Releases the subject; the suite may already have closed `store` (close must be idempotent). */
  dispose(): Promise<void>;
}

/**
 * What only the adapter can do, given at registration: a test that needs a hook is registered only when
 * the hook is given, so an adapter without it shows fewer tests rather than tests that pass doing nothing.
 */
export interface ContractHooks<S extends ContractSubject> {
  /** Appends a system event (type starting with '$') directly to the subject's underlying log. */
  readonly appendSystemEvent?: (subject: S) => Promise<void>;
  /** Opens a second store instance on the subject's log (another process on one file, another client of one server). */
  readonly openAnother?: (subject: S) => Promise<EventStore>;
}

/** Knobs for adapters whose log or guarantees differ, and the adapter's hooks. */
export interface ContractOptions<S extends ContractSubject = ContractSubject> {
  /** The adapter's hooks; the tests that need a missing one are not registered. */
  readonly hooks?: ContractHooks<S>;
  /** Why the whole suite cannot run here (a server not configured): registered as skipped, the reason in its title. */
  readonly skip?: string;
  /** Events in the large-stream test (default 10,000). */
  readonly largeStreamSize?: number;
  /** Whether `appendMany` is all or nothing across streams (default true; EventStoreDB: false). */
  readonly transactionalAppendMany?: boolean;
  /** Whether `open()` gives an empty store (default true; false for a shared real server). */
  readonly emptyOnOpen?: boolean;
  /** Timeout of each test in milliseconds (default 30,000). */
  readonly timeoutMs?: number;
}

/** The options with their defaults filled in. */
export type ResolvedContractOptions = Required<Omit<ContractOptions, 'hooks' | 'skip'>>;

/** What each part of the suite reads: the subject of the current test, the options and the hooks. */
export interface ContractContext<S extends ContractSubject = ContractSubject> {
  readonly options: ResolvedContractOptions;
  readonly hooks: ContractHooks<S>;
  subject(): S;
  store(): EventStore;
}
