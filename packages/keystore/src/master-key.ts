import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import { preparePrivateFolder, StoreConfigurationError } from '@salesbook/eventstore';

/** The variable that holds the master key: 32 random bytes in base64. */
export const MASTER_KEY_VARIABLE = 'SALESBOOK_MASTER_KEY';

/** Reads a base64 master key; one clear line naming the variable when it is not 32 bytes of base64. */
export function parseMasterKey(base64: string, variable = MASTER_KEY_VARIABLE): Buffer {
  const trimmed = base64.trim();
  const key = Buffer.from(trimmed, 'base64');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) || key.length !== 32) {
    throw new StoreConfigurationError(
      `${variable} must be 32 random bytes in base64 (e.g. \`openssl rand -base64 32\`), got ${key.length} bytes`,
    );
  }
  return key;
}

/** A new random master key in base64. */
export const generateMasterKey = (): string => randomBytes(32).toString('base64');

/** What {@link resolveMasterKey} needs. */
export interface ResolveMasterKeyInput {
  /** The value of SALESBOOK_MASTER_KEY, if set. */
  readonly value: string | undefined;
  /** Development mode: without the variable, a key is made and kept in `developmentKeyFile`. */
  readonly development: boolean;
  /** Where development mode keeps its key, e.g. `./data/master.key` beside the data. */
  readonly developmentKeyFile: string;
  /** Told once when development mode makes or uses a key file (default: console.warn). */
  readonly warn?: (line: string) => void;
}

/** The master key and where it came from. */
export interface ResolvedMasterKey {
  readonly key: Buffer;
  readonly source: 'environment' | 'development-file';
}

/**
 * The master key of the key store: SALESBOOK_MASTER_KEY when set; in development mode a key file beside
 * the data (made on first use, mode 0600) with a warning, because a key stored beside what it protects
 * protects nothing against whoever copies the folder. Outside development mode the variable is required.
 */
export function resolveMasterKey(input: ResolveMasterKeyInput): ResolvedMasterKey {
  if (input.value !== undefined && input.value.trim() !== '')
    return { key: parseMasterKey(input.value), source: 'environment' };
  if (!input.development) {
    throw new StoreConfigurationError(
      `${MASTER_KEY_VARIABLE} is required: 32 random bytes in base64 (e.g. \`openssl rand -base64 32\`)`,
    );
  }
  const warn = input.warn ?? ((line: string) => console.warn(line));
  if (!existsSync(input.developmentKeyFile)) {
    preparePrivateFolder(dirname(input.developmentKeyFile));
    writeFileSync(input.developmentKeyFile, `${generateMasterKey()}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(input.developmentKeyFile, 0o600);
  }
  warn(
    `development mode: the master key is in ${input.developmentKeyFile}, beside the data it protects; set ${MASTER_KEY_VARIABLE} in production and keep it elsewhere`,
  );
  return {
    key: parseMasterKey(readFileSync(input.developmentKeyFile, 'utf8'), input.developmentKeyFile),
    source: 'development-file',
  };
}
