import {
  ApproveWriteOff,
  DisputeReceivable,
  IssueCreditNote,
  LogCollectionFollowUp,
  OpenReceivable,
  receivableCommandSchemas,
  RecordPayment,
  RequestWriteOff,
  ResolveDispute,
  ReversePayment,
} from './commands.js';
import { openData } from './testing.js';

type Parsed = { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } };
const paths = (result: Parsed) => (result.error?.issues ?? []).map((issue) => issue.path.map(String).join('.'));
const messages = (result: Parsed) => (result.error?.issues ?? []).map((issue) => issue.message);
const open = (overrides: Record<string, unknown> = {}) =>
  OpenReceivable.safeParse({ ...JSON.parse(JSON.stringify(openData())), ...overrides });
const payment = (overrides: Record<string, unknown> = {}) =>
  RecordPayment.safeParse({
    receivableId: 'inv-1',
    paymentId: 'p1',
    amount: { amount: 100, currency: 'CNY' },
    receivedOn: '2026-03-20',
    method: 'cash',
    ...overrides,
  });
const followUp = (overrides: Record<string, unknown> = {}) =>
  LogCollectionFollowUp.safeParse({ receivableId: 'inv-1', channel: 'visit', note: 'met the buyer', ...overrides });

describe('OpenReceivable schema', () => {
  it('accepts an invoice with or without a schedule', () => {
    expect(open().success).toBe(true);
    expect(open({ installments: undefined }).success).toBe(true);
  });

  it('rejects unknown fields, at the top, in the amount and in installments', () => {
    expect(paths(open({ outstanding: 5 }))).toEqual(['']);
    expect(open({ amount: { amount: 1, currency: 'CNY', fx: 1 } }).success).toBe(false);
    expect(open({ installments: [{ installmentNo: 1, dueDate: '2026-05-10', amount: 10_000, paid: 0 }] }).success).toBe(
      false,
    );
  });

  it.each([
    ['amount.amount', { amount: { amount: 0, currency: 'CNY' } }],
    ['amount.amount', { amount: { amount: 1.5, currency: 'CNY' } }],
    ['amount.currency', { amount: { amount: 1, currency: 'XXX1' } }],
    ['receivableId', { receivableId: 'no spaces' }],
    ['issueDate', { issueDate: '2026-02-30' }],
    ['dueDate', { dueDate: '2026-03-09', installments: undefined }],
    ['installments', { installments: [] }],
    ['installments.0.amount', { installments: [{ installmentNo: 1, dueDate: '2026-05-10', amount: -1 }] }],
    ['installments.0.installmentNo', { installments: [{ installmentNo: 0, dueDate: '2026-05-10', amount: 1 }] }],
    ['installments.0.dueDate', { installments: [{ installmentNo: 1, dueDate: '2026-03-09', amount: 10_000 }] }],
    ['installments.0.dueDate', { installments: [{ installmentNo: 1, dueDate: '2026-05-11', amount: 10_000 }] }],
    [
      'installments.1.installmentNo',
      {
        installments: [
          { installmentNo: 1, dueDate: '2026-05-10', amount: 5_000 },
          { installmentNo: 1, dueDate: '2026-05-10', amount: 5_000 },
        ],
      },
    ],
  ])('names %s when it is wrong', (path, overrides) => {
    expect(paths(open(overrides))).toEqual([path]);
  });
});

describe('RecordPayment schema', () => {
  it('accepts a payment, aimed at an installment or not', () => {
    expect(payment().success).toBe(true);
    expect(payment({ installmentNo: 2 }).success).toBe(true);
  });

  it.each([
    ['amount.amount', { amount: { amount: 0, currency: 'CNY' } }],
    ['amount.amount', { amount: { amount: -1, currency: 'CNY' } }],
    ['method', { method: 'barter' }],
    ['receivedOn', { receivedOn: '20.03.2026' }],
    ['installmentNo', { installmentNo: 1.5 }],
    ['paymentId', { paymentId: '' }],
    ['', { payer: 'x' }],
  ])('names %s when it is wrong', (path, overrides) => {
    expect(paths(payment(overrides))).toEqual([path]);
  });

  it('explains the method it expects', () => {
    expect(messages(payment({ method: 'barter' }))).toEqual([
      'method must be bank_transfer, cash, check, card or other',
    ]);
  });
});

describe('the other command schemas', () => {
  it('accept valid data', () => {
    expect(ReversePayment.safeParse({ receivableId: 'inv-1', paymentId: 'p1', reason: 'bounced' }).success).toBe(true);
    expect(
      IssueCreditNote.safeParse({
        receivableId: 'inv-1',
        creditNoteId: 'cn-1',
        amount: { amount: 5, currency: 'CNY' },
        reason: 'damaged',
        creditedOn: '2026-03-22',
      }).success,
    ).toBe(true);
    expect(RequestWriteOff.safeParse({ receivableId: 'inv-1', reason: 'insolvent' }).success).toBe(true);
    expect(ApproveWriteOff.safeParse({ receivableId: 'inv-1', writtenOffOn: '2026-03-31' }).success).toBe(true);
    expect(
      followUp({ promiseToPay: { date: '2026-03-31', amount: { amount: 5, currency: 'CNY' } }, loggedOn: '2026-03-21' })
        .success,
    ).toBe(true);
    expect(DisputeReceivable.safeParse({ receivableId: 'inv-1', reason: 'wrong price' }).success).toBe(true);
    expect(ResolveDispute.safeParse({ receivableId: 'inv-1', resolution: 'price confirmed' }).success).toBe(true);
  });

  it.each([
    ['reason', ReversePayment.safeParse({ receivableId: 'inv-1', paymentId: 'p1', reason: 'changed mind' })],
    [
      'creditNoteId',
      IssueCreditNote.safeParse({
        receivableId: 'inv-1',
        creditNoteId: 'cn 1',
        amount: { amount: 5, currency: 'CNY' },
        reason: 'x',
      }),
    ],
    [
      'reason',
      IssueCreditNote.safeParse({
        receivableId: 'inv-1',
        creditNoteId: 'cn-1',
        amount: { amount: 5, currency: 'CNY' },
        reason: '  ',
      }),
    ],
    ['reason', RequestWriteOff.safeParse({ receivableId: 'inv-1', reason: 'x'.repeat(1_001) })],
    ['', ApproveWriteOff.safeParse({ receivableId: 'inv-1', approvedBy: 'sm-1' })],
    ['channel', followUp({ channel: 'fax' })],
    ['note', followUp({ note: '' })],
    [
      'promiseToPay.amount.amount',
      followUp({ promiseToPay: { date: '2026-03-31', amount: { amount: 0, currency: 'CNY' } } }),
    ],
    ['promiseToPay.date', followUp({ promiseToPay: { date: 'soon', amount: { amount: 1, currency: 'CNY' } } })],
    ['resolution', ResolveDispute.safeParse({ receivableId: 'inv-1' })],
    ['', DisputeReceivable.safeParse({ receivableId: 'inv-1', reason: 'x', severity: 'high' })],
  ])('name %s when it is wrong', (path, result) => {
    expect(paths(result)).toEqual([path]);
  });

  it('are listed by command type for the HTTP API', () => {
    expect(Object.keys(receivableCommandSchemas)).toEqual([
      'OpenReceivable',
      'RecordPayment',
      'ReversePayment',
      'IssueCreditNote',
      'RequestWriteOff',
      'ApproveWriteOff',
      'LogCollectionFollowUp',
      'DisputeReceivable',
      'ResolveDispute',
    ]);
  });
});
