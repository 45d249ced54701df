import { KeyFilter } from './key-filter.js';

describe('KeyFilter: the keys written to a table that started empty', () => {
  it('never answers "absent" for a key it was given, across the layers it grows', () => {
    const filter = new KeyFilter(64);
    const keys = Array.from({ length: 50_000 }, (_, index) => `order-${index}`);
    for (const key of keys) filter.add(key);
    expect(keys.filter((key) => !filter.mightHave(key))).toEqual([]);
  });

  it('answers "absent" for nearly every key it was not given (a present answer only costs a read)', () => {
    const filter = new KeyFilter(64);
    for (let index = 0; index < 50_000; index += 1) filter.add(`${index}:customer-${index}`);
    let present = 0;
    for (let index = 50_000; index < 150_000; index += 1)
      if (filter.mightHave(`${index}:customer-${index}`)) present += 1;
    // Sized for about 0.3% per layer at capacity; ten layers at most could sum to a few percent, far below this.
    expect(present).toBeLessThan(2_000);
    expect(new KeyFilter().mightHave('anything')).toBe(false);
  });
});
