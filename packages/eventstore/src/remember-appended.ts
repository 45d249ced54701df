import { fold, type Command, type Event } from '@salesbook/domain';
import { stateOwner, type CommandStart, type CommandStateInput } from './command-state.js';
import type { AppendResult, NewEvent, RecordedEvent } from './port.js';

/**
 * Keeps the state a command's append left its stream in, so the next command on it reads nothing. The events are
 * folded as a read would decode them (written form, then the codec), not as the decider returned them, so the kept
 * state is the one a fold from zero would give. An append that did not land right after the state read (an
 * idempotent repeat answered by the store) forgets the stream instead.
 */
export async function rememberAppended<C extends Command, E extends Event, S>(
  input: CommandStateInput<C, E, S>,
  start: Extract<CommandStart<S>, { kind: 'state' }>,
  written: readonly NewEvent[],
  links: ReadonlyArray<NewEvent['metadata'] & { hash: string }>,
  appended: AppendResult,
): Promise<void> {
  const owner = stateOwner(input);
  const cache = input.stateCache;
  if (owner === undefined || cache === undefined) return;
  const first = (start.head?.revision ?? -1) + 1;
  const lastHash = links[links.length - 1]?.hash;
  if (appended.nextExpectedRevision !== first + written.length - 1 || lastHash === undefined) {
    cache.delete(input.streamName);
    return;
  }
  const recorded: RecordedEvent[] = written.map((event, index) => ({
    streamName: input.streamName,
    revision: first + index,
    position: appended.position,
    eventId: event.eventId,
    type: event.type,
    data: event.data,
    metadata: links[index] ?? { hash: lastHash },
    recordedAt: '',
  }));
  const decoded = await input.codec.decode(recorded, input.registry);
  if (decoded._tag === 'Left') {
    cache.delete(input.streamName);
    return;
  }
  const commandIds = start.commandIds ?? new Set<string>();
  commandIds.add(input.commandId);
  const head = { revision: appended.nextExpectedRevision, position: appended.position, hash: lastHash };
  cache.set(owner, input.streamName, { state: fold(input.decider, decoded.right, start.state), head, commandIds });
}
