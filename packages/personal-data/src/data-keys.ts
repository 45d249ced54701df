/** A customer's data key, unwrapped: 32 bytes for AES-256-GCM, with the id recorded beside each sealed field. */
export interface DataKey {
  readonly keyId: string;
  readonly customerId: string;
  readonly key: Uint8Array;
}

/** A data key, or the word that the customer was forgotten and has none any more. */
export type DataKeyLookup = DataKey | 'forgotten';

/** What {@link DataKeyStore.forget} did. */
export interface ForgetResult {
  readonly customerId: string;
  /** `true` when a data key was destroyed now; `false` when there was none or it was already gone. */
  readonly destroyed: boolean;
}

/**
 * Where customers' data keys live: always outside the event log (docs/data-protection.md). The embedded
 * implementation is `@salesbook/keystore` (a separate SQLite file, keys wrapped by a master key); a
 * KMS-backed one implements the same port. Every call takes a batch so a codec looks keys up once
 * per batch of events.
 *
 * @example
 * const keys = createMemoryDataKeyStore();
 * const codec = createPersonalDataCodec({ inner: createEventCodec(salesbookEventRegistry), keys });
 * await keys.forget('cust-42'); // the customer's sealed fields now read as erased
 */
export interface DataKeyStore {
  /** The key to seal new data of each customer, created on first use; `forgotten` for a forgotten customer. */
  keysForWriting(customerIds: readonly string[]): Promise<ReadonlyMap<string, DataKeyLookup>>;
  /** Keys by key id, to open sealed data; `forgotten` for a destroyed key; unknown ids are left out. */
  keysForReading(keyIds: readonly string[]): Promise<ReadonlyMap<string, DataKeyLookup>>;
  /** Ties subjects (e.g. `complaint-<id>`) to the customer whose personal data their events hold. */
  linkSubjects(links: ReadonlyMap<string, string>): Promise<void>;
  /** The customers of the given subjects; unknown subjects are left out. */
  ownersOf(subjects: readonly string[]): Promise<ReadonlyMap<string, string>>;
  /**
   * Destroys the customer's data key (crypto-shredding): every field sealed with it reads as erased
   * from now on, and later writes of the customer's personal data are erased at once. Idempotent.
   */
  forget(customerId: string): Promise<ForgetResult>;
}
