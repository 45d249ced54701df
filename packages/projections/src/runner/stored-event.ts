import type { Json, RecordedEvent } from '@salesbook/eventstore';

/** A recorded event as JSON text (the position as a decimal string), for the dead-letter table. */
export const serializeEvent = (event: RecordedEvent): string =>
  JSON.stringify({ ...event, position: event.position.toString() });

/** The inverse of {@link serializeEvent}. */
export function deserializeEvent(text: string): RecordedEvent {
  const parsed = JSON.parse(text) as Omit<RecordedEvent, 'position'> & { position: string; data: Json };
  return { ...parsed, position: BigInt(parsed.position) };
}

/** The message of whatever was thrown, with the error's name when it is not a plain Error. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.name === 'Error' ? error.message : `${error.name}: ${error.message}`;
  return String(error);
}
