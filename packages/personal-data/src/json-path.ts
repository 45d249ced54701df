import type { Json } from '@salesbook/eventstore';

/** The value at a dot path of a JSON object, or `undefined`. */
export function getPath(data: Json, path: string): Json | undefined {
  let current: Json | undefined = data;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = (current as { readonly [key: string]: Json })[key];
  }
  return current;
}

/** A copy of `data` with the value at a dot path replaced (the path must exist). */
export function setPath(data: Json, path: string, value: Json): Json {
  const [head = '', ...rest] = path.split('.');
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  const record = data as { readonly [key: string]: Json };
  const field = record[head];
  if (field === undefined) return data;
  return { ...record, [head]: rest.length === 0 ? value : setPath(field, rest.join('.'), value) };
}
