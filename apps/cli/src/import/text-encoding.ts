/** How an import file's bytes are read: found from the bytes, or named by `--encoding`. */
export type TextEncodingChoice = 'auto' | 'utf-8' | 'gb18030';

/** The encodings `--encoding` takes. */
export const TEXT_ENCODINGS: readonly TextEncodingChoice[] = ['auto', 'utf-8', 'gb18030'];

const decode = (encoding: 'utf-8' | 'gb18030', bytes: Uint8Array): string | undefined => {
  try {
    // Node 20's full ICU decodes GB18030 (a superset of GBK and GB2312) itself: no decoder package is needed.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
};

/**
 * The text of `bytes` and the encoding it was read in, or `undefined` when the bytes are not text in it. `auto`
 * takes UTF-8 (with or without a BOM) when the bytes are valid UTF-8, else GB18030; Chinese text in GB18030 is
 * practically never valid UTF-8, so the guess is safe, and `--encoding` settles any doubt.
 */
export function decodeText(
  bytes: Uint8Array,
  choice: TextEncodingChoice,
): { text: string; encoding: 'utf-8' | 'gb18030' } | undefined {
  const hasUtf8Bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  for (const encoding of choice === 'auto'
    ? hasUtf8Bom
      ? (['utf-8'] as const)
      : (['utf-8', 'gb18030'] as const)
    : [choice]) {
    const text = decode(encoding, bytes);
    if (text !== undefined) return { text, encoding };
  }
  return undefined;
}
