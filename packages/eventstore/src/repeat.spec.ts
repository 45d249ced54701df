import { EventIdConflictError } from './errors.js';
import type { NewEvent } from './port.js';
import { findRepeat, type StoredPlace } from './repeat.js';

const event = (eventId: string): NewEvent => ({ eventId, type: 'Noted', data: {}, metadata: {} });
const stored = new Map<string, StoredPlace>([
  ['a', { streamName: 's-1', revision: 3, position: 10n }],
  ['b', { streamName: 's-1', revision: 4, position: 11n }],
  ['c', { streamName: 's-2', revision: 0, position: 12n }],
]);
const lookUp = (eventId: string): StoredPlace | undefined => stored.get(eventId);

describe('findRepeat', () => {
  it('answers the original result for the same consecutive events of the stream', () => {
    expect(findRepeat('s-1', [event('a'), event('b')], lookUp)).toEqual({ nextExpectedRevision: 4, position: 11n });
  });

  it('finds nothing when no id is stored', () => {
    expect(findRepeat('s-1', [event('x'), event('y')], lookUp)).toBeUndefined();
  });

  it.each([
    ['a batch repeating an id within itself', 's-1', ['x', 'x']],
    ['ids stored in another stream', 's-1', ['c']],
    ['a batch of stored and new ids', 's-1', ['a', 'x']],
    ['stored ids out of order', 's-1', ['b', 'a']],
  ])('refuses %s', (_case, streamName, ids) => {
    expect(() => findRepeat(streamName, ids.map(event), lookUp)).toThrow(EventIdConflictError);
  });
});
