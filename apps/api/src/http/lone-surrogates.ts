import type { InputIssue } from './failures.js';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The depth past which nesting is left to the schemas (which refuse it): keeps the walk's stack bounded. */
const MAX_DEPTH = 64;

/** Whether any string (value or member name) of `value` holds a lone surrogate: a walk that allocates nothing. */
function holdsLoneSurrogate(value: unknown, depth: number): boolean {
  if (typeof value === 'string') return LONE_SURROGATE.test(value);
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return false;
  if (Array.isArray(value)) return value.some((item) => holdsLoneSurrogate(item, depth + 1));
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (LONE_SURROGATE.test(key) || holdsLoneSurrogate((value as Record<string, unknown>)[key], depth + 1)) return true;
  }
  return false;
}

/**
 * An issue for every string (value or member name) of `value` that holds a lone UTF-16 surrogate. JSON can carry one
 * (`"\ud800"`), but it is no character: stored, it would come back as U+FFFD once encoded as UTF-8 (personal fields are
 * sealed as UTF-8), so every text field refuses it, naming the field.
 */
export function loneSurrogateIssues(
  where: InputIssue['in'],
  value: unknown,
  path: readonly PropertyKey[] = [],
  depth = 0,
): InputIssue[] {
  // Nearly every request holds none: checked first without building paths (the walk below made a registration's
  // most allocations of the API's own code in a heap profile under load).
  if (depth === 0 && !holdsLoneSurrogate(value, 0)) return [];
  if (typeof value === 'string')
    return LONE_SURROGATE.test(value)
      ? [{ in: where, path, message: 'must not hold a lone UTF-16 surrogate (\\ud800-\\udfff without its pair)' }]
      : [];
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return [];
  const entries: [PropertyKey, unknown][] = Array.isArray(value)
    ? value.map((item, index): [number, unknown] => [index, item])
    : Object.entries(value);
  return entries.flatMap(([key, item]) => {
    const named =
      typeof key === 'string' && LONE_SURROGATE.test(key)
        ? [{ in: where, path: [...path, key], message: 'the member name must not hold a lone UTF-16 surrogate' }]
        : [];
    return [...named, ...loneSurrogateIssues(where, item, [...path, key], depth + 1)];
  });
}
