import { safeJson, safeText } from './safe-text.js';

describe('safeText', () => {
  it.each([
    ['an ANSI clear screen', 'a\u001b[2Jb', 'a\\x1b[2Jb'],
    ['an OSC title with BEL', '\u001b]0;x\u0007', '\\x1b]0;x\\x07'],
    ['a forged line', 'ok\r\nverify: OK', 'ok\\x0d\\x0averify: OK'],
    ['a one-character CSI (C1) and DEL', '\u009b31m\u007f', '\\x9b31m\\x7f'],
    ['a right-to-left override', 'abc\u202edef', 'abc\\u202edef'],
    ['a lone surrogate', 'x\ud800y', 'x\\ud800y'],
  ])('writes out %s', (_name, input, shown) => {
    expect(safeText(input)).toBe(shown);
  });

  it('leaves printable text, tabs and surrogate pairs as they are', () => {
    const text = '李雷\t订单 O-1 (rep-1) 🙂 ü';
    expect(safeText(text)).toBe(text);
  });
});

describe('safeJson', () => {
  it('escapes what JSON leaves raw and keeps the same JSON value', () => {
    const value = { reason: 'a\u009b31m\u202e\ud800' };
    const json = safeJson(JSON.stringify(value));
    expect(json).not.toMatch(/[\u0080-\u009f\u202e]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});
