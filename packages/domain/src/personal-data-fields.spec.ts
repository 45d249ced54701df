import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { COMPLAINT_PERSONAL_DATA_FIELDS, salesbookEventDefinitions, salesbookEventRegistry } from './index.js';
import { PERSONAL_DATA_FIELDS } from './personal-data-fields.js';

// Every string field of every event schema, as dot paths (`lines[].sku`), read from the zod definitions.
function stringPaths(schema: any, prefix: string): string[] {
  const def = schema._zod.def;
  switch (def.type) {
    case 'string':
    case 'enum':
    case 'literal':
      return [prefix];
    case 'object':
      return Object.entries(def.shape).flatMap(([key, field]) =>
        stringPaths(field, prefix === '' ? key : `${prefix}.${key}`),
      );
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
      return stringPaths(def.innerType, prefix);
    case 'array':
      return stringPaths(def.element, `${prefix}[]`);
    case 'pipe':
      return stringPaths(def.in, prefix);
    case 'union':
      return [...new Set(def.options.flatMap((option: unknown) => stringPaths(option, prefix)))] as string[];
    case 'number':
    case 'int':
    case 'boolean':
    case 'null':
      return [];
    default:
      throw new Error(`${prefix}: schema kind ${def.type} is not known to this test; teach it`);
  }
}

// String paths in a JSON value, the same notation.
function valuePaths(value: unknown, prefix: string): string[] {
  if (typeof value === 'string') return [prefix];
  if (Array.isArray(value)) return value.flatMap((item) => valuePaths(item, `${prefix}[]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, field]) => valuePaths(field, prefix === '' ? key : `${prefix}.${key}`));
  }
  return [];
}

const sorted = (paths: Iterable<string>): string[] => [...new Set(paths)].sort();

describe('the personal data field map', () => {
  it('classifies every event type of the registry, at its current version', () => {
    expect(Object.keys(PERSONAL_DATA_FIELDS).sort()).toEqual([...salesbookEventRegistry.types].sort());
    for (const [type, entry] of Object.entries(PERSONAL_DATA_FIELDS)) {
      expect({ type, version: entry.version }).toEqual({ type, version: salesbookEventRegistry.versionOf(type) });
    }
  });

  it.each(salesbookEventDefinitions.map((definition) => [definition.type, definition] as const))(
    '%s: every string field of the schema is classified personal or not, exactly once',
    (type, definition) => {
      const entry = PERSONAL_DATA_FIELDS[type];
      expect(entry).toBeDefined();
      expect(sorted([...(entry?.personal ?? []), ...(entry?.other ?? [])])).toEqual(
        sorted(stringPaths(definition.schema, '')),
      );
      expect((entry?.personal ?? []).filter((field) => entry?.other.includes(field))).toEqual([]);
    },
  );

  it('names an owner wherever there is personal data, and a subject link for every subject an owner refers to', () => {
    const linked = new Set(
      Object.values(PERSONAL_DATA_FIELDS).flatMap((entry) => (entry.links ? [entry.links.subjectCategory] : [])),
    );
    for (const [type, entry] of Object.entries(PERSONAL_DATA_FIELDS)) {
      if (entry.personal.length === 0) continue;
      expect({ type, owner: entry.owner }).toEqual({ type, owner: expect.anything() });
      if (entry.owner && 'subjectCategory' in entry.owner) expect(linked).toContain(entry.owner.subjectCategory);
      // Personal fields are never inside arrays: a sealed value is addressed by one path.
      expect(entry.personal.filter((field) => field.includes('[]'))).toEqual([]);
    }
  });

  it("agrees with the domain's own list of complaint personal data", () => {
    for (const [type, fields] of Object.entries(COMPLAINT_PERSONAL_DATA_FIELDS)) {
      expect({ type, personal: PERSONAL_DATA_FIELDS[type]?.personal }).toEqual({ type, personal: fields });
    }
  });

  it('covers every string field the golden events carry (history as releases wrote it)', () => {
    const dir = path.join(__dirname, '..', 'golden');
    const golden = readdirSync(dir)
      .filter((file) => file.endsWith('.json'))
      .flatMap(
        (file) =>
          JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as { type: string; version: number; data: unknown }[],
      );
    const current = golden.filter((event) => event.version === salesbookEventRegistry.versionOf(event.type));
    expect(current.length).toBeGreaterThan(30);
    for (const event of current) {
      const entry = PERSONAL_DATA_FIELDS[event.type];
      const known = new Set([...(entry?.personal ?? []), ...(entry?.other ?? [])]);
      expect({
        type: event.type,
        unclassified: valuePaths(event.data, '').filter((field) => !known.has(field)),
      }).toEqual({ type: event.type, unclassified: [] });
    }
  });
});
