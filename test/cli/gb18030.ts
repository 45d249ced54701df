/**
 * Encodes text as GB18030 for test files, built from Node's own GB18030 decoder (the two-byte range holds every
 * Chinese character a test uses); a character outside it is an error, not a silent '?'.
 */
let table: Map<string, readonly number[]> | undefined;

function twoByteTable(): Map<string, readonly number[]> {
  const decoder = new TextDecoder('gb18030', { fatal: true });
  const map = new Map<string, readonly number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (!map.has(char)) map.set(char, [lead, trail]);
    }
  }
  return map;
}

/** `text` as GB18030 bytes. */
export function encodeGb18030(text: string): Buffer {
  table ??= twoByteTable();
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = table.get(char);
      if (pair === undefined) throw new Error(`no two-byte GB18030 code for ${char}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}
