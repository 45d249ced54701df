import { createHash } from 'node:crypto';

/**
 * The id of the `index`-th event a command appends to a stream: a UUID derived from
 * sha256(commandId, streamName, index), so a retried command produces the same ids and the store's
 * idempotent append acknowledges it instead of writing twice. RFC 4122 variant with version nibble 5
 * (name-based): the EventStoreDB client's UUID parser accepts versions 1 to 5 only.
 */
export function deterministicEventId(commandId: string, streamName: string, index: number): string {
  const bytes = createHash('sha256').update(`${commandId}\u0000${streamName}\u0000${index}`).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
