import { customerCommandSchemas, RegisterCustomer, SetCreditLimit, UpdateCustomerProfile } from './commands.js';
import * as t from './testing.js';
import { Email, Phone } from './vocabulary.js';

const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));

describe('Customer command schemas', () => {
  it('accept valid data', () => {
    expect(
      RegisterCustomer.safeParse(t.registerData({ size: 'small', businessScope: 'Bolts', purchasingHabits: 'Monthly' }))
        .success,
    ).toBe(true);
    expect(customerCommandSchemas.RecordSatisfactionSurvey.safeParse(t.surveyData()).success).toBe(true);
    expect(
      customerCommandSchemas.ReassignCustomer.safeParse({ customerId: 'c-1', ownerRepId: 'rep-2', region: 'west' })
        .success,
    ).toBe(true);
    expect(customerCommandSchemas.DeactivateCustomer.safeParse({ customerId: 'c-1', reason: 'closed' }).success).toBe(
      true,
    );
    expect(
      customerCommandSchemas.ForgetCustomerPersonalData.safeParse({ customerId: 'c-1', reason: 'request' }).success,
    ).toBe(true);
    expect(
      customerCommandSchemas.ChangeCustomerContact.safeParse({ customerId: 'c-1', contact: t.newContact() }).success,
    ).toBe(true);
  });

  it.each(['+86 21 5555-0100', '13800000000', '021-5555 0100', '123456', '+12345678901234567890'])(
    'accept the phone %s',
    (phone) => {
      expect(Phone.safeParse(phone).success).toBe(true);
    },
  );
  it.each([
    ['12345', 'phone must have 6 to 20 digits'],
    ['+123456789012345678901', 'phone must have 6 to 20 digits'],
    ['(021) 5555', 'phone may hold digits, spaces, dashes and a leading +'],
    ['5555 0100 ext 2', 'phone may hold digits, spaces, dashes and a leading +'],
    ['1+23456789', 'phone may hold digits, spaces, dashes and a leading +'],
  ])('refuse the phone %s', (phone, message) => {
    expect(issuesOf(Phone.safeParse(phone))).toEqual([{ path: '', message }]);
  });
  it.each(['not-an-email', 'a@b', 'wang fang@example.com', `${'a'.repeat(250)}@example.com`])(
    'refuse the e-mail %s',
    (email) => {
      expect(Email.safeParse(email).success).toBe(false);
    },
  );

  it('name the failing field of a registration', () => {
    const result = RegisterCustomer.safeParse(
      t.registerData({ contact: t.contact({ email: 'nope' }), segment: 'vip' as never, companyName: ' ' }),
    );
    expect(issuesOf(result)).toEqual([
      { path: 'companyName', message: 'companyName must not be empty' },
      { path: 'contact.email', message: 'email must be an e-mail address' },
      { path: 'segment', message: 'segment must be one of key_account, enterprise, smb, retail' },
    ]);
  });
  it('refuse unknown fields, at the top and inside the contact', () => {
    expect(issuesOf(RegisterCustomer.safeParse({ ...t.registerData(), vip: true }))[0]?.message).toMatch(/vip/);
    expect(
      issuesOf(RegisterCustomer.safeParse({ ...t.registerData(), contact: { ...t.contact(), fax: '1' } }))[0]?.path,
    ).toBe('contact');
  });
  it('refuse the segment `unassigned`, which only v1 history carries', () => {
    expect(issuesOf(UpdateCustomerProfile.safeParse({ customerId: 'c-1', segment: 'unassigned' }))[0]?.path).toBe(
      'segment',
    );
  });
  it('take null to clear a profile field', () => {
    expect(UpdateCustomerProfile.parse({ customerId: 'c-1', size: null })).toEqual({ customerId: 'c-1', size: null });
  });
  it('refuse out-of-range survey answers and a period that is not a month', () => {
    const result = customerCommandSchemas.RecordSatisfactionSurvey.safeParse(
      t.surveyData({
        nps: 11,
        csat: 0,
        period: '2026-Q1',
        scores: { productQuality: 6, delivery: 1, service: 2.5, price: 5 },
      }),
    );
    expect(issuesOf(result)).toEqual([
      { path: 'period', message: 'must be a month YYYY-MM' },
      { path: 'nps', message: 'nps must be 0 to 10' },
      { path: 'csat', message: 'csat must be 1 to 5' },
      { path: 'scores.productQuality', message: 'productQuality must be 1 to 5' },
      { path: 'scores.service', message: 'service must be a whole number' },
    ]);
  });
  it('refuse a negative or fractional credit limit and an unknown currency', () => {
    const result = SetCreditLimit.safeParse({ customerId: 'c-1', creditLimit: { amount: -1, currency: 'XXX' } });
    expect(issuesOf(result).map((issue) => issue.path)).toEqual(['creditLimit.amount', 'creditLimit.currency']);
    expect(SetCreditLimit.safeParse({ customerId: 'c-1', creditLimit: { amount: 1.5, currency: 'CNY' } }).success).toBe(
      false,
    );
    expect(SetCreditLimit.safeParse({ customerId: 'c-1', creditLimit: { amount: 0, currency: 'CNY' } }).success).toBe(
      true,
    );
  });
});
