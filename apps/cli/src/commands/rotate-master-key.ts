import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { generateMasterKey, parseMasterKey } from '@salesbook/keystore';
import { CliError } from '../support/cli-error.js';
import type { StoreContext } from '../support/infrastructure.js';
import { developmentKeyFile, oneLine } from '../support/key-store.js';
import { out } from '../support/output.js';

/** Options of `salesbook rotate-master-key`. */
export interface RotateOptions {
  /** A file holding the new key in base64 (kept out of the environment and the process list). */
  readonly newKeyFile?: string;
}

interface NewKey {
  readonly key: Buffer;
  /** The development key file to replace once the rotation committed. */
  readonly developmentFile?: string;
}

/** The new master key: SALESBOOK_NEW_MASTER_KEY or `--new-key-file`; in development mode without either, a new random key. */
function newMasterKey(context: StoreContext, options: RotateOptions): NewKey {
  const { config } = context;
  const developmentFile =
    config.masterKey === undefined && config.development && config.keyStore.kind === 'sqlite'
      ? developmentKeyFile(config)
      : undefined;
  if (config.newMasterKey !== undefined && options.newKeyFile !== undefined)
    throw new CliError('rotate-master-key: give the new key once: SALESBOOK_NEW_MASTER_KEY or --new-key-file', 2);
  if (options.newKeyFile !== undefined) {
    const file = options.newKeyFile;
    if (!existsSync(file)) throw new CliError(`--new-key-file: ${file}: no such file`, 2);
    return {
      key: oneLine(() => parseMasterKey(readFileSync(file, 'utf8'), file)),
      ...(developmentFile === undefined ? {} : { developmentFile }),
    };
  }
  if (config.newMasterKey !== undefined) {
    const value = config.newMasterKey;
    return {
      key: oneLine(() => parseMasterKey(value, 'SALESBOOK_NEW_MASTER_KEY')),
      ...(developmentFile === undefined ? {} : { developmentFile }),
    };
  }
  if (developmentFile !== undefined)
    return { key: parseMasterKey(generateMasterKey(), 'the generated key'), developmentFile };
  throw new CliError(
    'rotate-master-key: the new master key is missing: set SALESBOOK_NEW_MASTER_KEY or give --new-key-file <file> (32 random bytes in base64)',
    2,
  );
}

/**
 * `salesbook rotate-master-key`: re-wraps every customer's data key with a new master key in one
 * transaction of the key store; no event is read or rewritten (events are sealed with the data keys, which
 * do not change). Afterwards only the new key opens the key store. In development mode (no
 * SALESBOOK_MASTER_KEY) the key file beside the key store is replaced once the rotation committed.
 */
export async function rotateMasterKey(context: StoreContext, options: RotateOptions): Promise<void> {
  if (context.config.store.kind === 'memory')
    throw new CliError('rotate-master-key: the memory: store keeps its keys in memory; there is nothing to rotate', 2);
  const next = newMasterKey(context, options);
  const keys = context.keyStore('existing');
  const staged = next.developmentFile === undefined ? undefined : `${next.developmentFile}.new`;
  // The new development key is on disk before the rotation commits, so a crash in between never loses it.
  if (staged !== undefined) writeFileSync(staged, `${next.key.toString('base64')}\n`, { mode: 0o600 });
  let rewrapped: number;
  let warning: string | undefined;
  try {
    ({ rewrapped, warning } = await keys.rotateMasterKey(next.key));
  } catch (error) {
    if (staged !== undefined) rmSync(staged, { force: true });
    throw error;
  }
  if (staged !== undefined && next.developmentFile !== undefined) renameSync(staged, next.developmentFile);
  out(
    `rotate-master-key: ${rewrapped} data key${rewrapped === 1 ? '' : 's'} re-wrapped with the new master key in ${keys.location}; no event rewritten`,
  );
  if (warning !== undefined) out(`rotate-master-key: warning: ${warning}`);
  out(
    next.developmentFile === undefined
      ? 'rotate-master-key: the old master key no longer opens the key store: set SALESBOOK_MASTER_KEY to the new key before starting the API or the next command'
      : `rotate-master-key: development mode: the new key replaced ${next.developmentFile}`,
  );
}
