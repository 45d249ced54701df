import type { Access } from './access.js';
import type { Faults, LeaderEndpoint } from './faults.js';
import type { EsdbLog, ProposedEvent } from './log.js';

/** What every handler of the double works with. */
export interface DoubleContext {
  readonly log: EsdbLog;
  readonly faults: Faults;
  readonly access: Access;
  /** Where a `not-leader` answer points: the double itself, so the client's reconnection finds it. */
  readonly leader: LeaderEndpoint;
  /** The server's `MaxAppendSize`, in its own measure (see {@link appendSize}). */
  readonly maxAppendSize: number;
}

/** An append's size as the server counts it (`Event.SizeOnDisk`): data and metadata bytes plus twice the type's length. */
export const appendSize = (events: readonly ProposedEvent[]): number =>
  events.reduce((sum, event) => sum + event.data.length + event.customMetadata.length + event.type.length * 2, 0);
