import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { domainError, type DomainError } from '@salesbook/domain';
import type { Json } from './port.js';

/**
 * Checks that `value` is plain JSON (objects, arrays, strings, finite numbers, booleans, null) and
 * returns it with `undefined` members dropped, as every store would store it. Anything else (a Date,
 * a bigint, NaN, a class instance) is refused rather than silently changed on its way to the log.
 */
export function toJson(value: unknown, path = '$'): Either<DomainError<'EVENT_DATA_NOT_JSON'>, Json> {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return right(value);
  if (typeof value === 'number') return Number.isFinite(value) ? right(value) : notJson(path, String(value));
  if (Array.isArray(value)) {
    const items: Json[] = [];
    for (const [index, item] of value.entries()) {
      const converted = toJson(item === undefined ? null : item, `${path}[${index}]`);
      if (converted._tag === 'Left') return converted;
      items.push(converted.right);
    }
    return right(items);
  }
  if (typeof value === 'object' && isPlainObject(value)) {
    const members: Record<string, Json> = {};
    for (const [key, member] of Object.entries(value)) {
      if (member === undefined) continue;
      const converted = toJson(member, `${path}.${key}`);
      if (converted._tag === 'Left') return converted;
      members[key] = converted.right;
    }
    return right(members);
  }
  return notJson(path, typeof value === 'object' ? (value.constructor?.name ?? 'object') : typeof value);
}

const isPlainObject = (value: object): boolean => {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

const notJson = (path: string, what: string): Either<DomainError<'EVENT_DATA_NOT_JSON'>, never> =>
  left(domainError('EVENT_DATA_NOT_JSON', `${path} is ${what}, which is not JSON`, { path }));
