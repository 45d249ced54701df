import { deterministicEventId } from './event-id.js';

describe('deterministicEventId', () => {
  it('is a stable RFC 4122 UUID (variant 10, version nibble 5) per command, stream and index', () => {
    const id = deterministicEventId('cmd-1', 'order-1', 0);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deterministicEventId('cmd-1', 'order-1', 0)).toBe(id);
    const others = [
      deterministicEventId('cmd-1', 'order-1', 1),
      deterministicEventId('cmd-1', 'order-2', 0),
      deterministicEventId('cmd-2', 'order-1', 0),
    ];
    expect(new Set([id, ...others]).size).toBe(4);
  });

  it('does not confuse fields whose concatenation is equal', () => {
    expect(deterministicEventId('a', 'bc', 0)).not.toBe(deterministicEventId('ab', 'c', 0));
  });
});
