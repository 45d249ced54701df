import type { DataKeyStore, PersonalDataReadLog } from '@salesbook/personal-data';

/**
 * What every key store of this package offers beyond the port: the personal data read log kept beside the keys,
 * master key rotation and closing. The API and the command line hold one of these, whichever backs it.
 *
 * @example
 * const keys: ManagedKeyStore = await openKeyStore('postgres://keys@db.internal/salesbook', masterKey);
 * await keys.reads.record({ actorId: 'rm-east', role: 'regional_manager', purpose: 'GET /customers/c-1', customerIds: ['c-1'], streams: ['customer-c-1'], at: new Date().toISOString() });
 * await keys.close();
 */
export interface ManagedKeyStore extends DataKeyStore {
  /** Where the keys are: a file path, or a PostgreSQL URL without its password. */
  readonly location: string;
  /** The personal data read log, kept with the keys. */
  readonly reads: PersonalDataReadLog;
  /**
   * Re-wraps every data key with `newMasterKey` in one transaction; events are not touched. `warning` says when
   * the rotation committed but a clean-up of old copies did not complete.
   */
  rotateMasterKey(newMasterKey: Uint8Array): Promise<{ readonly rewrapped: number; readonly warning?: string }>;
  close(): Promise<void>;
}
