import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isRight } from 'fp-ts/lib/Either.js';
import { createEventRegistry } from '../shared/event-registry.js';
import { registeredReceivableDecider as receivableDecider } from './testing.js';
import { receivableEventDefinitions, type ReceivableEvent } from './events.js';

interface GoldenEntry {
  readonly type: string;
  readonly version: number;
  readonly data: unknown;
}

const golden = JSON.parse(readFileSync(join(__dirname, '../../golden/receivable.json'), 'utf8')) as GoldenEntry[];
const registry = createEventRegistry(receivableEventDefinitions);

describe('golden Receivable events', () => {
  it('hold every event type at its current version', () => {
    const current = receivableEventDefinitions.filter((d) =>
      golden.some((e) => e.type === d.type && e.version === d.version),
    );
    expect(current.map((d) => d.type)).toEqual(receivableEventDefinitions.map((d) => d.type));
  });

  it('decode through the registry unchanged', () => {
    for (const entry of golden) {
      const decoded = registry.decode(entry.type, entry.data, entry.version);
      expect(isRight(decoded) && decoded.right).toEqual({ type: entry.type, data: entry.data });
    }
  });

  it('fold into a settled and a written-off receivable', () => {
    const byStream = new Map<string, ReceivableEvent[]>();
    for (const entry of golden) {
      const event = { type: entry.type, data: entry.data } as ReceivableEvent;
      byStream.set(event.data.receivableId, [...(byStream.get(event.data.receivableId) ?? []), event]);
    }
    const states = [...byStream.values()].map((events) =>
      events.reduce(receivableDecider.evolve, receivableDecider.initialState()),
    );
    expect(states.map((s) => s.status)).toEqual(['settled', 'written_off']);
  });
});
