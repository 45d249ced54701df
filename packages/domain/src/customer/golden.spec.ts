import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isRight } from 'fp-ts/lib/Either.js';
import { createEventRegistry } from '../shared/event-registry.js';
import { customerEventDefinitions } from './events.js';

const golden = JSON.parse(readFileSync(join(__dirname, '../../golden/customer.json'), 'utf8')) as {
  type: string;
  version: number;
  data: unknown;
}[];
const registry = createEventRegistry(customerEventDefinitions);

describe('golden/customer.json', () => {
  it('holds every Customer event type at its current version, and v1 registrations', () => {
    const current = new Set(
      golden.filter((entry) => entry.version === registry.versionOf(entry.type)).map((entry) => entry.type),
    );
    expect([...current].sort()).toEqual([...registry.types].sort());
    expect(golden.some((entry) => entry.type === 'CustomerRegistered' && entry.version === 1)).toBe(true);
  });
  it.each(golden.map((entry, index) => [index, entry.type, entry.version, entry] as const))(
    'entry %i (%s v%i) decodes',
    (_index, type, version, entry) => {
      expect(isRight(registry.decode(type, entry.data, version))).toBe(true);
    },
  );
});
