import { deciderSpec } from '../../testing/decider-spec.js';
import { registeredReceivableDecider as receivableDecider } from '../testing.js';
import * as t from '../testing.js';

const given = deciderSpec(receivableDecider);

describe('OpenReceivable', () => {
  it('opens the invoice with its installment schedule', () => {
    given([]).when(t.openReceivable()).then([t.receivableOpened()]);
  });

  it('without a schedule, one installment of the whole amount falls due on the due date', () => {
    const [opened] = given([])
      .when(t.openReceivable({ installments: undefined }))
      .then([
        {
          type: 'ReceivableOpened',
          data: {
            receivableId: t.RECEIVABLE_ID,
            orderId: t.ORDER_ID,
            customerId: t.CUSTOMER_ID,
            repId: t.rep.id,
            region: t.EAST,
            currency: t.CNY,
            outstanding: 10_000,
            amount: 10_000,
            issueDate: t.on(10),
            dueDate: t.on(10, 5),
            installments: [{ installmentNo: 1, dueDate: t.on(10, 5), amount: 10_000 }],
            openedAt: t.at(10),
          },
        },
      ]);
    expect(opened?.type).toBe('ReceivableOpened');
  });

  it('refuses installments that do not add up to the amount, saying both sums', () => {
    const short = [
      { installmentNo: 1, dueDate: t.on(10, 4), amount: 6_000 },
      { installmentNo: 2, dueDate: t.on(10, 5), amount: 3_999 },
    ];
    const error = given([])
      .when(t.openReceivable({ installments: short }))
      .thenError('RECEIVABLE_INSTALLMENTS_MISMATCH');
    expect(error.details).toEqual({ amount: 10_000, installmentsTotal: 9_999 });
    const over = [{ installmentNo: 1, dueDate: t.on(10, 4), amount: 10_001 }];
    given([])
      .when(t.openReceivable({ installments: over }))
      .then('RECEIVABLE_INSTALLMENTS_MISMATCH');
  });

  it('refuses a schedule whose sum goes beyond safe integers', () => {
    const huge = [
      { installmentNo: 1, dueDate: t.on(10, 4), amount: Number.MAX_SAFE_INTEGER },
      { installmentNo: 2, dueDate: t.on(10, 5), amount: Number.MAX_SAFE_INTEGER },
    ];
    given([])
      .when(t.openReceivable({ installments: huge }))
      .then('RECEIVABLE_INSTALLMENTS_MISMATCH');
  });

  it('opens a receivable once', () => {
    given([t.receivableOpened()]).when(t.openReceivable()).then('RECEIVABLE_ALREADY_OPENED');
  });

  it('refuses an amount of zero (an embedder skipping the schema)', () => {
    given([])
      .when(t.openReceivable({ amount: { amount: 0, currency: t.CNY }, installments: undefined }))
      .then('RECEIVABLE_AMOUNT_NOT_POSITIVE');
  });

  it.each([
    ['finance', t.finance],
    ['the system (the order policy)', t.system],
    ['a sales manager', t.salesManager],
    ['the regional manager of the region', t.eastManager],
  ])('is allowed to %s', (_label, by) => {
    given([])
      .when(t.openReceivable({}, by))
      .then([{ ...t.receivableOpened() }]);
  });

  it.each([
    ['a sales rep', t.rep, 'RECEIVABLE_NOT_AUTHORIZED'],
    ['a regional manager of another region', t.westManager, 'FORBIDDEN_SCOPE'],
    ['a market analyst', t.analyst, 'RECEIVABLE_NOT_AUTHORIZED'],
    ['an auditor', t.auditor, 'RECEIVABLE_NOT_AUTHORIZED'],
  ])('is refused to %s', (_label, by, code) => {
    given([]).when(t.openReceivable({}, by)).then(code);
  });
});
