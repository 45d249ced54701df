import { randomBytes } from 'node:crypto';
import { open, parseSealed, seal } from './sealed-value.js';

describe('seal', () => {
  it('gives every field its own IV, across the blocks of random bytes the IVs are cut from, and each opens back', () => {
    const key = { keyId: 'k1', key: randomBytes(32) };
    const ivs = new Set<string>();
    // 512 IVs per block: 2,000 seals use four blocks.
    for (let i = 0; i < 2_000; i++) {
      const sealed = seal('+8613800000000', key, `event-${i}`, 'contact.phone');
      const parts = parseSealed(sealed);
      if (parts === undefined) throw new Error(`not a sealed value: ${sealed}`);
      ivs.add(parts.iv.toString('hex'));
      expect(open(parts, key.key, `event-${i}`, 'contact.phone')).toBe('+8613800000000');
    }
    expect(ivs.size).toBe(2_000);
  });

  it('binds the ciphertext to its event and field: another event id or path does not open it', () => {
    const key = { keyId: 'k1', key: randomBytes(32) };
    const parts = parseSealed(seal('Li Wei', key, 'event-1', 'contact.name'));
    if (parts === undefined) throw new Error('not a sealed value');
    expect(open(parts, key.key, 'event-2', 'contact.name')).toBeUndefined();
    expect(open(parts, key.key, 'event-1', 'contact.email')).toBeUndefined();
    expect(open(parts, randomBytes(32), 'event-1', 'contact.name')).toBeUndefined();
  });
});
