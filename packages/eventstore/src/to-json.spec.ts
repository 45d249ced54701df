import { isLeft } from 'fp-ts/lib/Either.js';
import { toJson } from './to-json.js';

describe('toJson', () => {
  it('keeps plain JSON and drops undefined members (an undefined array item becomes null)', () => {
    expect(
      toJson({
        a: 1,
        b: undefined,
        c: [true, undefined, 'x', { d: null }],
        e: Object.assign(Object.create(null), { f: 2 }),
      }),
    ).toEqual({
      _tag: 'Right',
      right: { a: 1, c: [true, null, 'x', { d: null }], e: { f: 2 } },
    });
  });

  it.each([
    ['a Date', { at: new Date(0) }, '$.at'],
    ['NaN', { n: Number.NaN }, '$.n'],
    ['Infinity', [Number.POSITIVE_INFINITY], '$[0]'],
    ['a bigint', { big: 1n }, '$.big'],
    ['a function', { f: () => 1 }, '$.f'],
    ['a Map', { m: new Map() }, '$.m'],
    ['undefined at the top', undefined, '$'],
  ])('refuses %s, naming where it is', (_label, value, path) => {
    const result = toJson(value);
    expect(isLeft(result) && result.left).toMatchObject({ code: 'EVENT_DATA_NOT_JSON', details: { path } });
  });
});
