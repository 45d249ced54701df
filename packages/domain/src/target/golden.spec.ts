import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isRight } from 'fp-ts/lib/Either.js';
import { createEventRegistry } from '../shared/event-registry.js';
import { targetEventDefinitions } from './events.js';

const golden = JSON.parse(readFileSync(join(__dirname, '../../golden/target.json'), 'utf8')) as {
  type: string;
  version: number;
  data: unknown;
}[];
const registry = createEventRegistry(targetEventDefinitions);

describe('golden/target.json', () => {
  it('holds every Target event type at its current version', () => {
    const current = new Set(
      golden.filter((entry) => entry.version === registry.versionOf(entry.type)).map((entry) => entry.type),
    );
    expect([...current].sort()).toEqual([...registry.types].sort());
  });
  it('reads a version 1 target (a month, booked sales) as a booked target of that month', () => {
    const v1 = golden.find((entry) => entry.version === 1 && entry.type === 'SalesTargetSet');
    const decoded = registry.decode('SalesTargetSet', v1?.data, 1);
    expect(isRight(decoded) && decoded.right.data).toMatchObject({ period: '2026-04', measure: 'booked' });
    expect(isRight(decoded) && 'month' in decoded.right.data).toBe(false);
  });
  it.each(golden.map((entry, index) => [index, entry.type, entry.version, entry] as const))(
    'entry %i (%s v%i) decodes',
    (_index, type, version, entry) => {
      expect(isRight(registry.decode(type, entry.data, version))).toBe(true);
    },
  );
});
