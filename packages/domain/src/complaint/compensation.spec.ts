import { deciderSpec } from '../testing/decider-spec.js';
import { Currency } from '../shared/money.js';
import type { Actor } from '../shared/actors.js';
import type {
  ComplaintCompensationApprovedEvent,
  ComplaintCompensationRejectedEvent,
  ComplaintCompensationRequestedEvent,
} from './compensation-events.js';
import type { ComplaintEvent } from './events.js';
import { evolve, initialState, type Complaint } from './state.js';
import {
  actors,
  at,
  cmd,
  ev,
  historyUntil,
  ids,
  registeredComplaintDecider as complaintDecider,
  withData,
} from './testing.js';

const given = deciderSpec(complaintDecider);
const CNY = Currency.parse('CNY');
const AMOUNT = 250_000;

const requested = (when = 6, by: Actor = actors.handler, amount = AMOUNT): ComplaintCompensationRequestedEvent => ({
  type: 'ComplaintCompensationRequested',
  data: {
    complaintId: ids.complaint,
    amount,
    currency: CNY,
    reason: 'Ms. Li lost a day of production.',
    region: ids.east,
    requestedBy: by.id,
    requesterRole: by.role,
    requestedAt: at(when),
  },
});
const approved = (
  when = 7,
  by: Actor = actors.eastManager,
  requester: Actor = actors.handler,
): ComplaintCompensationApprovedEvent => ({
  type: 'ComplaintCompensationApproved',
  data: {
    complaintId: ids.complaint,
    amount: AMOUNT,
    currency: CNY,
    requestedBy: requester.id,
    approvedBy: by.id,
    approverRole: by.role,
    approvedAt: at(when),
  },
});
const rejected = (when = 7, by: Actor = actors.eastManager): ComplaintCompensationRejectedEvent => ({
  type: 'ComplaintCompensationRejected',
  data: {
    complaintId: ids.complaint,
    amount: AMOUNT,
    currency: CNY,
    requestedBy: ids.handler,
    reason: 'Replacement covers it.',
    rejectedBy: by.id,
    rejecterRole: by.role,
    rejectedAt: at(when),
  },
});

const investigating = historyUntil('investigating');
const request = (by: Actor = actors.handler, when = 6, amount = AMOUNT) =>
  cmd('RequestCompensationApproval', { amount, currency: CNY, reason: 'Ms. Li lost a day of production.' }, by, when);
const approve = (by: Actor = actors.eastManager, when = 7) => cmd('ApproveCompensation', {}, by, when);
const reject = (by: Actor = actors.eastManager, when = 7) =>
  cmd('RejectCompensation', { reason: 'Replacement covers it.' }, by, when);
const resolve = (amount: number, currency = CNY, by: Actor = actors.handler) =>
  cmd('ResolveComplaint', { resolution: 'Replaced two pallets.', compensation: { amount, currency } }, by, 8);
const resolvedWith = (amount: number): ComplaintEvent => withData(ev.resolved(8, { amount, currency: 'CNY' }), {});

describe('RequestCompensationApproval', () => {
  it("records the handler's request with the complaint's region", () => {
    given(investigating).when(request()).then([requested()]);
  });

  it('lets a manager of the region ask too (another manager decides)', () => {
    given(investigating)
      .when(request(actors.eastManager))
      .then([requested(6, actors.eastManager)]);
  });

  it('needs no approval at or below the threshold', () => {
    given(investigating)
      .when(request(actors.handler, 6, 100_000))
      .then('COMPLAINT_COMPENSATION_WITHIN_LIMIT');
  });

  it('refuses a second request while one is pending', () => {
    given([...investigating, requested()])
      .when(request(actors.handler, 7))
      .then('COMPLAINT_COMPENSATION_ALREADY_REQUESTED');
  });

  it('refuses a request while an approved compensation stands', () => {
    given([...investigating, requested(), approved()])
      .when(request(actors.handler, 8))
      .then('COMPLAINT_COMPENSATION_ALREADY_APPROVED');
  });

  it('may ask again once rejected', () => {
    given([...investigating, requested(), rejected()])
      .when(request(actors.handler, 8))
      .then([requested(8)]);
  });

  it('is refused once the complaint is resolved', () => {
    given(historyUntil('resolved')).when(request(actors.handler, 41)).then('COMPLAINT_INVALID_TRANSITION');
  });

  it('is refused to finance, who may not work on complaints', () => {
    given(investigating).when(request(actors.finance)).then('COMPLAINT_NOT_AUTHORIZED');
  });

  it.each([
    ['another rep', actors.otherRep],
    ['a manager of another region', actors.westManager],
    ["the customer's own rep", actors.ownerRep],
  ])('is out of scope for %s', (_who, by) => {
    given(investigating).when(request(by)).then('FORBIDDEN_SCOPE');
  });
});

describe.each([
  ['ApproveCompensation', approve, approved],
  ['RejectCompensation', reject, rejected],
] as const)('%s', (_name, decide, decided) => {
  const pending = [...investigating, requested()];

  it('is decided by a manager of the region', () => {
    given(pending).when(decide()).then([decided()]);
  });

  it('is decided by the sales manager', () => {
    given(pending)
      .when(decide(actors.salesManager))
      .then([decided(7, actors.salesManager)]);
  });

  it('needs a pending request', () => {
    given(investigating).when(decide()).then('COMPLAINT_NO_COMPENSATION_REQUESTED');
    given([...pending, decided()])
      .when(decide(actors.eastManager, 8))
      .then('COMPLAINT_NO_COMPENSATION_REQUESTED');
  });

  it('is never decided by the person who asked', () => {
    given(pending).when(decide(actors.handler)).then('COMPLAINT_COMPENSATION_SAME_PERSON');
    given([...investigating, requested(6, actors.eastManager)])
      .when(decide(actors.eastManager))
      .then('COMPLAINT_COMPENSATION_SAME_PERSON');
  });

  it('is decided by a manager only', () => {
    given([...investigating, requested(6, actors.eastManager)])
      .when(decide(actors.handler))
      .then('COMPLAINT_APPROVER_NOT_AUTHORIZED');
    given(pending).when(decide(actors.system)).then('COMPLAINT_APPROVER_NOT_AUTHORIZED');
  });

  it("is never decided by the customer's own rep, even as the regional manager", () => {
    given(pending).when(decide(actors.ownerAsManager)).then('COMPLAINT_HANDLER_NOT_OBJECTIVE');
  });

  it.each([
    ['another rep', actors.otherRep],
    ['a manager of another region', actors.westManager],
  ])('is out of scope for %s', (_who, by) => {
    given(pending).when(decide(by)).then('FORBIDDEN_SCOPE');
  });

  it('is refused on a resolved complaint', () => {
    given(
      [...pending, resolvedWith(AMOUNT)].map((e) =>
        e.type === 'ComplaintResolved'
          ? withData(e, { resolvedBy: actors.eastManager.id, resolverRole: 'regional_manager' })
          : e,
      ),
    )
      .when(decide(actors.eastManager, 9))
      .then('COMPLAINT_INVALID_TRANSITION');
  });
});

describe('ResolveComplaint with an approved compensation', () => {
  const approvedHistory = [...investigating, requested(), approved()];

  it('lets the requester resolve with the approved amount or less', () => {
    given(approvedHistory)
      .when(resolve(AMOUNT))
      .then([resolvedWith(AMOUNT)]);
    given(approvedHistory)
      .when(resolve(150_000))
      .then([resolvedWith(150_000)]);
  });

  it('refuses more than approved', () => {
    given(approvedHistory)
      .when(resolve(AMOUNT + 1))
      .then('COMPLAINT_COMPENSATION_ABOVE_APPROVED');
  });

  it('refuses another currency', () => {
    given(approvedHistory)
      .when(resolve(AMOUNT, Currency.parse('USD')))
      .then('COMPLAINT_COMPENSATION_CURRENCY_MISMATCH');
  });

  it("is the requester's approval: a new handler still needs a manager", () => {
    const reassigned = withData(ev.assigned(7.5, ids.otherHandler, ids.handler), {});
    given([...approvedHistory, reassigned])
      .when(resolve(AMOUNT, CNY, actors.otherRep))
      .then('COMPLAINT_COMPENSATION_NEEDS_MANAGER');
  });

  it('still needs a manager while the request is pending or after a rejection', () => {
    given([...investigating, requested()])
      .when(resolve(AMOUNT))
      .then('COMPLAINT_COMPENSATION_NEEDS_MANAGER');
    given([...investigating, requested(), rejected()])
      .when(resolve(AMOUNT))
      .then('COMPLAINT_COMPENSATION_NEEDS_MANAGER');
  });
});

describe('the compensation in the state', () => {
  const fold = (events: readonly ComplaintEvent[]): Complaint => {
    const state = events.reduce(evolve, initialState());
    if (state.status === 'none') throw new Error('no complaint');
    return state;
  };

  it('holds the pending request, then the approval, and a resolution uses it up', () => {
    expect(fold([...investigating, requested()]).compensationRequest).toEqual({
      amount: AMOUNT,
      currency: 'CNY',
      requestedBy: ids.handler,
    });
    const approvedState = fold([...investigating, requested(), approved()]);
    expect([approvedState.compensationRequest, approvedState.approvedCompensation]).toEqual([
      null,
      { amount: AMOUNT, currency: 'CNY', requestedBy: ids.handler },
    ]);
    const resolved = fold([...investigating, requested(), approved(), resolvedWith(AMOUNT)]);
    expect([resolved.status, resolved.compensationRequest, resolved.approvedCompensation]).toEqual([
      'resolved',
      null,
      null,
    ]);
  });

  it('ends a pending request when a manager resolves the complaint, and moves the latest instant', () => {
    const resolved = fold([...investigating, requested(), resolvedWith(AMOUNT)]);
    expect(resolved.compensationRequest).toBeNull();
    expect(fold([...investigating, requested(), rejected(9)]).lastAt).toBe(at(9));
  });
});
