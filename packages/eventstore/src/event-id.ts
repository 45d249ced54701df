import { hash } from 'node:crypto';

/**
 * The id of the `index`-th event a command appends to a stream: a UUID derived from
 * sha256(commandId, streamName, index), so a retried command produces the same ids and the store's
 * idempotent append acknowledges it instead of writing twice. RFC 4122 variant with version nibble 5
 * (name-based): the EventStoreDB client's UUID parser accepts versions 1 to 5 only.
 */
export function deterministicEventId(commandId: string, streamName: string, index: number): string {
  // One-shot hash to hex, nibbles set in the text: a Hash object and a Buffer per id cost most of a command's id.
  const hex = hash('sha256', `${commandId}\u0000${streamName}\u0000${index}`, 'hex');
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
