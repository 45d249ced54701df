import type { EventStore } from '../../port.js';

/** What an adapter's test gives the contract suite: a store, and hooks for what only the adapter can do. */
export interface ContractSubject {
  readonly store: EventStore;
  /** Appends a system event (type starting with '$') directly to the underlying log, if the store has such events. */
  readonly appendSystemEvent?: () => Promise<void>;
  /** Opens a second store instance on the same underlying log, if the adapter supports it (multi-process/instance). */
  readonly openAnother?: () => Promise<EventStore>;
  /** Releases the subject; the suite may already have closed `store` (close must be idempotent). */
  dispose(): Promise<void>;
}

/** Knobs for adapters whose log or guarantees differ. */
export interface ContractOptions {
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
export type ResolvedContractOptions = Required<ContractOptions>;

/** What each part of the suite reads: the subject of the current test and the options. */
export interface ContractContext {
  readonly options: ResolvedContractOptions;
  subject(): ContractSubject;
  store(): EventStore;
}
