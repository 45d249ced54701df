import { drawKeyMaterial } from './key-material.js';

describe('drawKeyMaterial', () => {
  it('hands out parts of the right sizes, no byte shared between two keys', () => {
    const take = drawKeyMaterial(3);
    const parts = [take(), take(), take()];
    for (const { keyId, key, iv } of parts) {
      expect(keyId).toMatch(/^[0-9a-f]{32}$/);
      expect(key).toHaveLength(32);
      expect(iv).toHaveLength(12);
    }
    expect(new Set(parts.map((part) => part.keyId)).size).toBe(3);
    const [first, second] = parts;
    first?.key.fill(0);
    first?.iv.fill(0);
    expect(second?.key.equals(Buffer.alloc(32))).toBe(false);
    expect(second?.iv.equals(Buffer.alloc(12))).toBe(false);
  });

  it('refuses to hand out more keys than it drew', () => {
    const take = drawKeyMaterial(1);
    take();
    expect(() => take()).toThrow('more than 1 new keys were taken');
    expect(() => drawKeyMaterial(0)()).toThrow();
  });
});
