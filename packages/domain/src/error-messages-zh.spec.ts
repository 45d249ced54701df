import { DOMAIN_ERROR_MESSAGES_ZH, isDomainErrorCode, messageValues } from './error-messages-zh.js';

describe('the Chinese catalogue of domain refusals', () => {
  it('knows the codes it has a line for, and nothing else (not even inherited object keys)', () => {
    expect(isDomainErrorCode('ORDER_NOT_FOUND')).toBe(true);
    expect(isDomainErrorCode('PERIOD_CLOSED')).toBe(true);
    expect(isDomainErrorCode('NOT_A_CODE')).toBe(false);
    expect(isDomainErrorCode('toString')).toBe(false);
    expect(isDomainErrorCode('__proto__')).toBe(false);
  });

  it('has a non-empty Chinese message for every code, whose placeholders name a value (with an optional ICU format)', () => {
    for (const [code, message] of Object.entries(DOMAIN_ERROR_MESSAGES_ZH)) {
      expect({ code, empty: message.trim() === '' }).toEqual({ code, empty: false });
      expect({ code, han: /\p{Script=Han}/u.test(message) }).toEqual({ code, han: true });
      for (const [, name] of message.matchAll(/\{([^}]*)\}/g))
        expect({ code, name }).toEqual({
          code,
          name: expect.stringMatching(/^[A-Za-z][A-Za-z0-9]*(, (number|date|time))?$/),
        });
    }
  });

  it('takes texts and numbers from a refusal’s details, joins lists with 、 and leaves out anything else', () => {
    expect(
      messageValues({
        limit: 500_00,
        currency: 'CNY',
        skus: ['A-1', 'B-2'],
        nested: { a: 1 },
        flag: true,
        missing: undefined,
      }),
    ).toEqual({
      limit: 500_00,
      currency: 'CNY',
      skus: 'A-1、B-2',
    });
    expect(messageValues(undefined)).toEqual({});
    expect(messageValues({})).toEqual({});
  });
});
