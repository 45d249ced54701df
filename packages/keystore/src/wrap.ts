import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** A wrapped (encrypted) key: IV (12 bytes) || ciphertext || GCM tag (16 bytes). */
export type Wrapped = Buffer;

/** Encrypts `secret` with `masterKey` (AES-256-GCM); `context` is bound as associated data; `iv` is a fresh random 96 bits. */
export function wrap(
  masterKey: Uint8Array,
  secret: Uint8Array,
  context: string,
  iv: Buffer = randomBytes(12),
): Wrapped {
  const cipher = createCipheriv('aes-256-gcm', masterKey, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  return Buffer.concat([iv, cipher.update(secret), cipher.final(), cipher.getAuthTag()]);
}

/** Decrypts a {@link wrap}ped secret, or `undefined` when the master key or context does not match. */
export function unwrap(masterKey: Uint8Array, wrapped: Uint8Array, context: string): Buffer | undefined {
  if (wrapped.length < 28) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', masterKey, wrapped.subarray(0, 12));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(wrapped.subarray(wrapped.length - 16));
    return Buffer.concat([decipher.update(wrapped.subarray(12, wrapped.length - 16)), decipher.final()]);
  } catch {
    return undefined;
  }
}

/** The associated data of a customer's wrapped data key: a wrapped key cannot be moved to another row. */
export const dataKeyContext = (keyId: string, customerId: string): string =>
  `salesbook-data-key\u0000${keyId}\u0000${customerId}`;

/** The associated data of the check value that proves a master key opens this key store. */
export const MASTER_CHECK_CONTEXT = 'salesbook-keystore-master-check';
