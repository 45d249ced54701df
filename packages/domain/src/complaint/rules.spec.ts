import { isRight } from 'fp-ts/lib/Either.js';
import { Currency } from '../shared/money.js';
import { deciderSpec } from '../testing/decider-spec.js';
import type { ComplaintCommand } from './commands.js';
import { registeredComplaintDecider as complaintDecider } from './testing.js';
import type { Complaint } from './state.js';
import { actors, at, cmd, ev, historyUntil, ids, withData } from './testing.js';

const given = deciderSpec(complaintDecider);
const stateOf = (events: ReturnType<typeof historyUntil>) =>
  events.reduce(complaintDecider.evolve, complaintDecider.initialState());

describe("objectivity: the handler is never the customer's own rep", () => {
  it('refuses to assign the owner rep and accepts another rep', () => {
    given([ev.filed()])
      .when(cmd('AssignComplaint', { handlerId: ids.ownerRep }, actors.eastManager))
      .then('COMPLAINT_HANDLER_NOT_OBJECTIVE');
    given([ev.filed()])
      .when(cmd('AssignComplaint', { handlerId: ids.otherHandler }, actors.eastManager, 0.5))
      .then([ev.assigned(0.5, ids.otherHandler)]);
  });

  it('keeps the owner rep from acting on the complaint, even as the regional manager', () => {
    given(historyUntil('assigned'))
      .when(cmd('AcknowledgeComplaint', {}, actors.ownerAsManager, 2))
      .then('COMPLAINT_HANDLER_NOT_OBJECTIVE');
    given([ev.filed()])
      .when(cmd('AssignComplaint', { handlerId: ids.handler }, actors.ownerAsManager))
      .then('COMPLAINT_HANDLER_NOT_OBJECTIVE');
    given(historyUntil('investigating'))
      .when(cmd('ResolveComplaint', { resolution: 'x' }, actors.ownerRep, 6))
      .then('FORBIDDEN_SCOPE');
  });

  it('refuses to escalate to the owner rep', () => {
    given(historyUntil('acknowledged'))
      .when(cmd('EscalateComplaint', { escalateTo: ids.ownerRep, reason: 'x' }, actors.handler, 3))
      .then('COMPLAINT_HANDLER_NOT_OBJECTIVE');
  });
});

describe('who may act', () => {
  const acknowledge = (by: ComplaintCommand['metadata']['actor']) => cmd('AcknowledgeComplaint', {}, by, 2);

  it('lets the handler, a manager of the region, a sales manager and the system act', () => {
    for (const by of [actors.handler, actors.eastManager, actors.salesManager, actors.system]) {
      expect(isRight(complaintDecider.decide(acknowledge(by), stateOf(historyUntil('assigned'))))).toBe(true);
    }
  });

  it('refuses another rep and a manager of another region', () => {
    given(historyUntil('assigned')).when(acknowledge(actors.otherRep)).then('FORBIDDEN_SCOPE');
    given(historyUntil('assigned')).when(acknowledge(actors.westManager)).then('FORBIDDEN_SCOPE');
  });

  it.each([
    ['AcknowledgeComplaint', historyUntil('assigned'), cmd('AcknowledgeComplaint', {}, actors.otherRep, 9)],
    [
      'RecordInvestigation',
      historyUntil('acknowledged'),
      cmd('RecordInvestigation', { findings: 'x' }, actors.otherRep, 9),
    ],
    ['AwaitCustomer', historyUntil('investigating'), cmd('AwaitCustomer', { note: 'x' }, actors.otherRep, 9)],
    ['RecordCustomerResponse', historyUntil('awaiting'), cmd('RecordCustomerResponse', {}, actors.otherRep, 9)],
    [
      'EscalateComplaint',
      historyUntil('filed'),
      cmd('EscalateComplaint', { escalateTo: ids.handler, reason: 'x' }, actors.otherRep, 9),
    ],
    [
      'ResolveComplaint',
      historyUntil('investigating'),
      cmd('ResolveComplaint', { resolution: 'x' }, actors.otherRep, 9),
    ],
    ['CloseComplaint', historyUntil('resolved'), cmd('CloseComplaint', { satisfaction: 2 }, actors.otherRep, 49)],
  ])('refuses %s from a rep who is not the handler', (_type, history, command) => {
    given(history).when(command).then('FORBIDDEN_SCOPE');
  });

  it('lets only managers of the region assign', () => {
    given([ev.filed()])
      .when(cmd('AssignComplaint', { handlerId: ids.handler }, actors.handler))
      .then('FORBIDDEN_SCOPE');
    given([ev.filed()])
      .when(cmd('AssignComplaint', { handlerId: ids.handler }, actors.westManager))
      .then('FORBIDDEN_SCOPE');
  });

  it('lets customer-facing people reopen, not analysts', () => {
    given(historyUntil('closed'))
      .when(cmd('ReopenComplaint', { reason: 'x' }, actors.analyst, 50))
      .then('COMPLAINT_NOT_AUTHORIZED');
  });
});

describe('resolving needs a root cause and a resolution', () => {
  const unknownCause = [...historyUntil('acknowledged'), ev.investigated(5, null)];

  it('refuses when no root cause was ever found', () => {
    given(unknownCause)
      .when(cmd('ResolveComplaint', { resolution: 'Replaced two pallets.' }, actors.handler, 40))
      .then('COMPLAINT_ROOT_CAUSE_REQUIRED');
  });

  it('takes the root cause from the resolve command', () => {
    given(unknownCause)
      .when(
        cmd(
          'ResolveComplaint',
          { resolution: 'Replaced two pallets.', rootCause: 'delivery_delay' },
          actors.handler,
          40,
        ),
      )
      .then([ev.resolved(40)]);
  });

  it('lets the resolve command correct an earlier root cause', () => {
    given(historyUntil('investigating'))
      .when(
        cmd(
          'ResolveComplaint',
          { resolution: 'Replaced two pallets.', rootCause: 'product_quality' },
          actors.handler,
          40,
        ),
      )
      .then([withData(ev.resolved(40), { rootCause: 'product_quality' })]);
  });

  it('keeps a known root cause when later findings leave it open', () => {
    const state = stateOf([...historyUntil('investigating'), ev.investigated(6, null)]) as Complaint;
    expect(state.rootCause).toBe('delivery_delay');
  });

  it('refuses a blank resolution that bypassed the schema', () => {
    given(historyUntil('investigating'))
      .when(cmd('ResolveComplaint', { resolution: '  ' }, actors.handler, 40))
      .then('COMPLAINT_RESOLUTION_REQUIRED');
  });
});

describe('compensation above 100000 minor units needs a manager', () => {
  const resolve = (amount: number, by = actors.handler) =>
    cmd(
      'ResolveComplaint',
      { resolution: 'Replaced two pallets.', compensation: { amount, currency: Currency.parse('CNY') } },
      by,
      40,
    );

  it('lets the handler grant up to 100000', () => {
    given(historyUntil('investigating'))
      .when(resolve(100_000))
      .then([ev.resolved(40, { amount: 100_000, currency: 'CNY' })]);
  });

  it('refuses 100001 from a rep or a manager of another region', () => {
    given(historyUntil('investigating')).when(resolve(100_001)).thenError('COMPLAINT_COMPENSATION_NEEDS_MANAGER');
    const westHandled = [...historyUntil('investigating'), ev.assigned(5.5, actors.westManager.id, ids.handler)];
    // A regional manager acts in their own region only, even as the handler of another region's complaint.
    given(westHandled).when(resolve(100_001, actors.westManager)).then('FORBIDDEN_SCOPE');
  });

  it('accepts 100001 from a manager of the region and records who resolved', () => {
    given(historyUntil('investigating'))
      .when(resolve(100_001, actors.eastManager))
      .then([
        withData(ev.resolved(40, { amount: 100_001, currency: 'CNY' }), {
          resolvedBy: actors.eastManager.id,
          resolverRole: 'regional_manager',
        }),
      ]);
  });
});

describe('reopen only within 30 days of closing', () => {
  const closedAtHours = 48;
  const reopenAt = (occurredAt: string): ComplaintCommand => ({
    type: 'ReopenComplaint',
    data: { complaintId: ids.complaint, reason: 'One replacement pallet was also damaged.' },
    metadata: { actor: actors.ownerRep, occurredAt },
  });

  it('accepts a reopen exactly 30 days after closing', () => {
    given(historyUntil('closed'))
      .when(reopenAt(at(closedAtHours + 720)))
      .then([ev.reopened(closedAtHours + 720)]);
  });

  it('refuses a reopen one millisecond later', () => {
    const late = new Date(Date.parse(at(closedAtHours + 720)) + 1).toISOString();
    expect(
      given(historyUntil('closed')).when(reopenAt(late)).thenError('COMPLAINT_REOPEN_WINDOW_EXPIRED').details,
    ).toEqual({
      closedAt: at(closedAtHours),
      occurredAt: late,
      windowDays: 30,
    });
  });

  it('counts from the latest closing', () => {
    const history = [...historyUntil('closed'), ev.reopened(72), ev.resolved(80), ev.closed(800)];
    given(history)
      .when(reopenAt(at(800 + 700)))
      .then([ev.reopened(1500, 800, 2)]);
  });

  it('falls back to the latest instant if a state lacks closedAt', () => {
    const state = { ...(stateOf(historyUntil('closed')) as Complaint), closedAt: null };
    const result = complaintDecider.decide(reopenAt(at(closedAtHours + 721)), state);
    expect(result).toMatchObject({ _tag: 'Left', left: { code: 'COMPLAINT_REOPEN_WINDOW_EXPIRED' } });
  });
});

describe('time runs forward within a complaint', () => {
  it('refuses a command dated before the latest event', () => {
    given(historyUntil('awaiting'))
      .when(cmd('RecordCustomerResponse', {}, actors.handler, 5))
      .then('COMPLAINT_TIME_BEFORE_LAST_EVENT');
  });

  it('accepts a command at the same instant', () => {
    given(historyUntil('awaiting'))
      .when(cmd('RecordCustomerResponse', {}, actors.handler, 6))
      .then([withData(ev.responded(6, 6), { note: null })]);
  });

  it('measures the wait from the latest instant if a state lacks pausedAt', () => {
    const state = { ...(stateOf(historyUntil('awaiting')) as Complaint), pausedAt: null };
    const result = complaintDecider.decide(cmd('RecordCustomerResponse', {}, actors.handler, 7), state);
    expect(result).toMatchObject({ _tag: 'Right', right: [{ data: { pausedAt: at(6), pausedMs: 3_600_000 } }] });
  });
});
