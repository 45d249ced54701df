/**
 * What a terminal would act on instead of showing: C0 controls but the tab (escape sequences start with ESC, a
 * newline would forge a line of its own), DEL, C1 controls (U+009B is a one-character CSI), the bidirectional
 * overrides and isolates (they reorder what is shown), and lone UTF-16 surrogates.
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const escaped = (character: string): string => {
  const code = character.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/**
 * `text` with every character a terminal would act on written out as `\xHH` or `\uHHHH`, so a reason, a name or a
 * file line read from the store or a CSV cannot clear the screen, set the title or print a forged line. Printable
 * text (Chinese included) is unchanged.
 *
 * @example
 * safeText('late\u001b[2J\nverify: OK'); // 'late\\x1b[2J\\x0averify: OK'
 */
export const safeText = (text: string): string => text.replace(UNSAFE, escaped);

/** What `JSON.stringify` leaves raw that a terminal may act on: DEL, C1 controls, bidirectional controls, lone surrogates. */
const UNSAFE_IN_JSON =
  /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** JSON text with those characters written as `\uHHHH` escapes: the same JSON value, safe to print to a terminal. */
export const safeJson = (json: string): string =>
  json.replace(UNSAFE_IN_JSON, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
