import { right, type Either } from 'fp-ts/lib/Either.js';
import { fold, type Command, type DomainError, type Event } from '@salesbook/domain';
import type { HandleCommandOptions } from './command-handler.js';
import type { RecordedEvent } from './port.js';
import type { StateOwner, StreamHead } from './state-cache.js';

/** What a command's attempt starts from: the events of its earlier run, or the state it decides on. */
export type CommandStart<S> =
  | { readonly kind: 'repeat'; readonly handled: readonly RecordedEvent[] }
  | {
      readonly kind: 'state';
      readonly state: S;
      readonly head: StreamHead | undefined;
      /** The stream's command ids, when a cache keeps them. */
      readonly commandIds: Set<string> | undefined;
      /**
       * False for a cached state taken without reading the stream: another writer may have appended since, so only
       * an append that lands right after `head` confirms it; any other outcome is decided again from a read.
       */
      readonly verified: boolean;
    };

/** What {@link loadCommandStart} needs: the parts of a command's input that say which stream to fold, and how. */
export type CommandStateInput<C extends Command, E extends Event, S> = Pick<
  HandleCommandOptions<C, E, S>,
  'store' | 'codec' | 'decider' | 'registry' | 'streamName' | 'commandId' | 'stateCache' | 'expectNewStream'
>;

/** The cache's key for this input, or none when there is no cache or the store's revisions cannot be trusted for it. */
export const stateOwner = <C extends Command, E extends Event, S>(
  input: CommandStateInput<C, E, S>,
): StateOwner | undefined =>
  input.stateCache !== undefined && input.store.revisionsExact === true ? input : undefined;

const headOf = (event: RecordedEvent | undefined): StreamHead | undefined =>
  event === undefined ? undefined : { revision: event.revision, position: event.position, hash: event.metadata.hash };

const commandIdOf = (event: RecordedEvent): unknown => event.metadata['commandId'];

/** Whether `tail` is exactly the events from revision `from` on. */
const startsAt = (tail: readonly RecordedEvent[], from: number): boolean =>
  tail.every((event, index) => event.revision === from + index);

/**
 * Reads and folds the stream for a command. With a state cache, a stream folded before is read only after its
 * cached head and its new events folded onto the cached state; a repeat of a command, or a tail that does not
 * continue the cached head, falls back to reading and folding the whole stream. With `unread: true`, a cached state is
 * answered without reading at all (unverified): the append at its head's revision is what checks it; so is the
 * decider's initial state for a stream not kept whose input says it is new (`expectNewStream`).
 */
export async function loadCommandStart<C extends Command, E extends Event, S>(
  input: CommandStateInput<C, E, S>,
  { unread = false }: { readonly unread?: boolean } = {},
): Promise<Either<DomainError, CommandStart<S>>> {
  const owner = stateOwner(input);
  const cache = input.stateCache;
  const cached = owner === undefined ? undefined : cache?.get<S>(owner, input.streamName);
  if (unread && cached !== undefined && !cached.commandIds.has(input.commandId))
    return right({ kind: 'state', ...cached, verified: false });
  // A stream said to be new: no read, no events to decode. Only an append at no_stream (that is, after no head) confirms it.
  if (unread && cached === undefined && input.expectNewStream === true && input.store.revisionsExact === true)
    return right({
      kind: 'state',
      state: input.decider.initialState(),
      head: undefined,
      commandIds: undefined,
      verified: false,
    });
  if (owner !== undefined && cache !== undefined && cached !== undefined) {
    const from = cached.head.revision + 1;
    const tail = await input.store.readStream(input.streamName, { fromRevision: from });
    const repeat = cached.commandIds.has(input.commandId) || tail.some((e) => commandIdOf(e) === input.commandId);
    if (!repeat && startsAt(tail, from)) {
      // The usual case: nothing written since, and nothing to decode.
      if (tail.length === 0) return right({ kind: 'state', ...cached, verified: true });
      const decoded = await input.codec.decode(tail, input.registry);
      if (decoded._tag === 'Left') {
        cache.delete(input.streamName);
        return decoded;
      }
      for (const event of tail) addCommandId(cached.commandIds, event);
      const entry = {
        state: fold(input.decider, decoded.right, cached.state),
        head: headOf(tail[tail.length - 1]) ?? cached.head,
        commandIds: cached.commandIds,
      };
      cache.set(owner, input.streamName, entry);
      return right({ kind: 'state', ...entry, verified: true });
    }
    cache.delete(input.streamName);
  }
  return loadWhole(input, owner);
}

function addCommandId(ids: Set<string>, event: RecordedEvent): void {
  const id = commandIdOf(event);
  if (typeof id === 'string') ids.add(id);
}

/** Reads and folds the whole stream; keeps the result when a cache is on. */
async function loadWhole<C extends Command, E extends Event, S>(
  input: CommandStateInput<C, E, S>,
  owner: StateOwner | undefined,
): Promise<Either<DomainError, CommandStart<S>>> {
  const recorded = await input.store.readStream(input.streamName);
  const handled = recorded.filter((event) => commandIdOf(event) === input.commandId);
  if (handled.length > 0) return right({ kind: 'repeat', handled });
  const decoded = await input.codec.decode(recorded, input.registry);
  if (decoded._tag === 'Left') return decoded;
  const state = fold(input.decider, decoded.right);
  const head = headOf(recorded[recorded.length - 1]);
  if (owner === undefined || input.stateCache === undefined)
    return right({ kind: 'state', state, head, commandIds: undefined, verified: true });
  const commandIds = new Set<string>();
  for (const event of recorded) addCommandId(commandIds, event);
  if (head !== undefined) input.stateCache.set(owner, input.streamName, { state, head, commandIds });
  return right({ kind: 'state', state, head, commandIds, verified: true });
}
