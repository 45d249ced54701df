/**
 * The keys written to a table that started empty, kept compactly: `mightHave` never answers `false` for a key that
 * was added (so a `false` means the row is certainly absent and needs no read), and answers `true` for a key never
 * added only rarely (about 1 in 200). A Bloom filter of layers: when the newest layer holds as many keys as it was
 * sized for, a layer twice its size is added, so the filter grows with the table without knowing its size first and
 * costs about 2 to 3 bytes per key. Hand-written because it is small and hashes the key texts the row store already
 * builds, in place, where a library would hash through its own encoding first.
 */
export class KeyFilter {
  private readonly layers: Layer[] = [];

  constructor(private readonly firstCapacity = 1_024) {}

  /** Adds `text`: `mightHave(text)` is `true` from now on. */
  add(text: string): void {
    let layer = this.layers.at(-1);
    if (layer === undefined || layer.count >= layer.capacity) {
      layer = new Layer(layer === undefined ? this.firstCapacity : layer.capacity * 2);
      this.layers.push(layer);
    }
    hash(text);
    layer.add(hashed.first, hashed.second);
  }

  /** `false` only when `text` was never added. */
  mightHave(text: string): boolean {
    if (this.layers.length === 0) return false;
    hash(text);
    for (const layer of this.layers) if (layer.has(hashed.first, hashed.second)) return true;
    return false;
  }
}

/** Bits per key and probes per key of a layer: about 0.3% false positives at capacity (k = 8 is near the optimum for 12). */
const BITS_PER_KEY = 12;
const PROBES = 8;

/** One Bloom filter of a fixed capacity, probed by double hashing (`first + i * second`). */
class Layer {
  private readonly bits: Uint32Array;
  private readonly mask: number;
  count = 0;

  constructor(readonly capacity: number) {
    // A power of two of bits, so a probe is a mask, not a division.
    const words = 2 ** Math.ceil(Math.log2(Math.max(1, (capacity * BITS_PER_KEY) / 32)));
    this.bits = new Uint32Array(words);
    this.mask = words * 32 - 1;
  }

  add(first: number, second: number): void {
    for (let probe = 0; probe < PROBES; probe += 1) {
      const bit = (first + Math.imul(probe, second)) & this.mask;
      this.bits[bit >>> 5] = (this.bits[bit >>> 5] as number) | (1 << (bit & 31));
    }
    this.count += 1;
  }

  has(first: number, second: number): boolean {
    for (let probe = 0; probe < PROBES; probe += 1) {
      const bit = (first + Math.imul(probe, second)) & this.mask;
      if (((this.bits[bit >>> 5] as number) & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }
}

/** The two hashes of the last {@link hash}: kept in one place rather than returned, so a probe allocates nothing. */
const hashed = { first: 0, second: 1 };

/** Two 32-bit hashes of `text` in one pass (FNV-1a, and a multiply-xor with another seed), each finished by a mix. */
function hash(text: string): void {
  let first = 0x811c9dc5;
  let second = 0x9747b28c;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    first = Math.imul(first ^ code, 0x01000193);
    second = Math.imul(second ^ code, 0x5bd1e995);
    second ^= second >>> 15;
  }
  hashed.first = mix(first);
  // An odd step, so the probes of one key visit distinct bits.
  hashed.second = mix(second) | 1;
}

/** The finisher of MurmurHash3: spreads every input bit over every output bit. */
function mix(value: number): number {
  let mixed = value ^ (value >>> 16);
  mixed = Math.imul(mixed, 0x85ebca6b);
  mixed ^= mixed >>> 13;
  mixed = Math.imul(mixed, 0xc2b2ae35);
  return (mixed ^ (mixed >>> 16)) >>> 0;
}
