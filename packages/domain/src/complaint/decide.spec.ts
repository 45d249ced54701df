import { deciderSpec } from '../testing/decider-spec.js';
import type { ComplaintCommand } from './commands.js';
import { registeredComplaintDecider as complaintDecider } from './testing.js';
import { actors, at, cmd, customer, ev, fileCommand, historyUntil, ids, withData } from './testing.js';

const given = deciderSpec(complaintDecider);

describe('FileComplaint', () => {
  it('files the complaint with the owner rep and region the handler loaded', () => {
    given([]).when(fileCommand()).then([ev.filed()]);
  });

  it('records a complaint about no particular order with orderId null', () => {
    given([])
      .when(fileCommand({ orderId: undefined }))
      .then([withData(ev.filed(), { orderId: null })]);
  });

  it('refuses an unknown customer', () => {
    given([]).when(fileCommand({}, null)).then('FORBIDDEN_SCOPE');
  });

  it('files once', () => {
    given([ev.filed()]).when(fileCommand()).then('COMPLAINT_ALREADY_FILED');
  });

  it.each([
    ['market_analyst', actors.analyst],
    ['auditor', actors.auditor],
  ])('refuses a %s', (_role, by) => {
    given([])
      .when(fileCommand({}, customer, by))
      .then('COMPLAINT_NOT_AUTHORIZED');
  });

  it.each([
    ['finance', actors.finance],
    ['system', actors.system],
  ])('accepts a complaint taken by %s', (_role, by) => {
    given([])
      .when(fileCommand({}, customer, by))
      .then([withData(ev.filed(), { filedBy: by.id })]);
  });
});

describe('on a stream with no complaint', () => {
  const commands: ComplaintCommand[] = [
    cmd('AssignComplaint', { handlerId: ids.handler }, actors.eastManager),
    cmd('AcknowledgeComplaint', {}),
    cmd('RecordInvestigation', { findings: 'x' }),
    cmd('AwaitCustomer', { note: 'x' }),
    cmd('RecordCustomerResponse', {}),
    cmd('EscalateComplaint', { escalateTo: ids.otherHandler, reason: 'x' }),
    cmd('ResolveComplaint', { resolution: 'x', rootCause: 'other' }),
    cmd('CloseComplaint', { satisfaction: 3 }),
    cmd('ReopenComplaint', { reason: 'x' }),
  ];
  it.each(commands.map((c) => [c.type, c] as const))('%s is refused as not found', (_type, command) => {
    given([]).when(command).then('FORBIDDEN_SCOPE');
  });
});

describe('AssignComplaint', () => {
  it('assigns a handler', () => {
    given([ev.filed()])
      .when(cmd('AssignComplaint', { handlerId: ids.handler }, actors.eastManager, 0.5))
      .then([ev.assigned()]);
  });

  it('reassigns, naming the previous handler', () => {
    given(historyUntil('acknowledged'))
      .when(cmd('AssignComplaint', { handlerId: ids.otherHandler }, actors.salesManager, 3))
      .then([withData(ev.assigned(3, ids.otherHandler, ids.handler), { assignedBy: actors.salesManager.id })]);
  });

  it('treats assigning the same handler again as a no-op', () => {
    given(historyUntil('assigned'))
      .when(cmd('AssignComplaint', { handlerId: ids.handler }, actors.eastManager, 1))
      .then([]);
  });

  it('is refused once the complaint is resolved', () => {
    given(historyUntil('resolved'))
      .when(cmd('AssignComplaint', { handlerId: ids.otherHandler }, actors.eastManager, 41))
      .then('COMPLAINT_INVALID_TRANSITION');
  });
});

describe('AcknowledgeComplaint', () => {
  it('acknowledges a filed complaint', () => {
    given(historyUntil('assigned'))
      .when(cmd('AcknowledgeComplaint', {}, actors.handler, 2))
      .then([ev.acknowledged(2)]);
  });

  it('needs a handler first', () => {
    given([ev.filed()])
      .when(cmd('AcknowledgeComplaint', {}, actors.eastManager))
      .then('COMPLAINT_NOT_ASSIGNED');
  });

  it('acknowledges once', () => {
    given(historyUntil('acknowledged'))
      .when(cmd('AcknowledgeComplaint', {}, actors.handler, 3))
      .then('COMPLAINT_INVALID_TRANSITION');
  });
});

describe('RecordInvestigation', () => {
  it('moves an acknowledged complaint to investigating', () => {
    given(historyUntil('acknowledged'))
      .when(
        cmd(
          'RecordInvestigation',
          { rootCause: 'delivery_delay', findings: 'Forklift damage at the east depot.' },
          actors.handler,
          5,
        ),
      )
      .then([ev.investigated(5)]);
  });

  it('records further findings while investigating, root cause still unknown', () => {
    given(historyUntil('investigating'))
      .when(cmd('RecordInvestigation', { findings: 'Forklift damage at the east depot.' }, actors.handler, 7))
      .then([ev.investigated(7, null)]);
  });

  it('is refused before the complaint is acknowledged', () => {
    given(historyUntil('assigned'))
      .when(cmd('RecordInvestigation', { findings: 'x' }, actors.handler, 2))
      .then('COMPLAINT_INVALID_TRANSITION');
  });
});

describe('waiting on the customer', () => {
  it('pauses an investigation', () => {
    given(historyUntil('investigating'))
      .when(cmd('AwaitCustomer', { note: 'Asked Ms. Li for photos of the pallets.' }, actors.handler, 6))
      .then([ev.awaiting(6)]);
  });

  it('resumes when the customer responds, saying how long the wait was', () => {
    given(historyUntil('awaiting'))
      .when(cmd('RecordCustomerResponse', { note: 'Photos received.' }, actors.handler, 30))
      .then([ev.responded(6, 30)]);
  });

  it('records a response without a note', () => {
    const [event] = given(historyUntil('awaiting'))
      .when(cmd('RecordCustomerResponse', {}, actors.handler, 7))
      .then([withData(ev.responded(6, 7), { note: null })]);
    expect(event).toMatchObject({ data: { pausedMs: 3_600_000 } });
  });

  it('waits only while investigating, and resumes only while waiting', () => {
    given(historyUntil('acknowledged'))
      .when(cmd('AwaitCustomer', { note: 'x' }, actors.handler, 3))
      .then('COMPLAINT_INVALID_TRANSITION');
    given(historyUntil('awaiting'))
      .when(cmd('AwaitCustomer', { note: 'x' }, actors.handler, 7))
      .then('COMPLAINT_INVALID_TRANSITION');
    given(historyUntil('investigating'))
      .when(cmd('RecordCustomerResponse', {}, actors.handler, 7))
      .then('COMPLAINT_INVALID_TRANSITION');
  });
});

describe('EscalateComplaint', () => {
  it('escalates an open complaint, level by level', () => {
    given(historyUntil('acknowledged'))
      .when(cmd('EscalateComplaint', { escalateTo: actors.eastManager.id, reason: 'Key account' }, actors.handler, 3))
      .then([ev.escalated(3, 1)]);
    given([...historyUntil('acknowledged'), ev.escalated(3, 1)])
      .when(cmd('EscalateComplaint', { escalateTo: actors.eastManager.id, reason: 'Key account' }, actors.handler, 3))
      .then([ev.escalated(3, 2)]);
  });

  it('is refused once resolved', () => {
    given(historyUntil('resolved'))
      .when(cmd('EscalateComplaint', { escalateTo: actors.eastManager.id, reason: 'x' }, actors.handler, 41))
      .then('COMPLAINT_INVALID_TRANSITION');
  });
});

describe('ResolveComplaint', () => {
  const resolve = (when: number) =>
    cmd('ResolveComplaint', { resolution: 'Replaced two pallets.' }, actors.handler, when);

  it('resolves an investigated complaint with the root cause found', () => {
    given([...historyUntil('awaiting'), ev.responded()])
      .when(resolve(40))
      .then([ev.resolved(40)]);
  });

  it('is refused while waiting on the customer or before investigating', () => {
    given(historyUntil('awaiting')).when(resolve(40)).then('COMPLAINT_INVALID_TRANSITION');
    given(historyUntil('acknowledged')).when(resolve(40)).then('COMPLAINT_INVALID_TRANSITION');
  });
});

describe('CloseComplaint', () => {
  it('closes a resolved complaint with the handling satisfaction', () => {
    given(historyUntil('resolved'))
      .when(cmd('CloseComplaint', { satisfaction: 4 }, actors.handler, 48))
      .then([ev.closed(48, 4)]);
  });

  it('closes only resolved complaints', () => {
    given(historyUntil('investigating'))
      .when(cmd('CloseComplaint', { satisfaction: 4 }, actors.handler, 48))
      .then('COMPLAINT_INVALID_TRANSITION');
    given(historyUntil('closed'))
      .when(cmd('CloseComplaint', { satisfaction: 4 }, actors.handler, 49))
      .then('COMPLAINT_INVALID_TRANSITION');
  });
});

describe('ReopenComplaint', () => {
  const reopen = (when: number) =>
    cmd('ReopenComplaint', { reason: 'One replacement pallet was also damaged.' }, actors.ownerRep, when);

  it('reopens a closed complaint back to investigating', () => {
    given(historyUntil('closed'))
      .when(reopen(72))
      .then([ev.reopened(72)]);
    const state = [...historyUntil('closed'), ev.reopened(72)].reduce(
      complaintDecider.evolve,
      complaintDecider.initialState(),
    );
    expect(state.status).toBe('investigating');
  });

  it('counts reopens', () => {
    const second = [...historyUntil('closed'), ev.reopened(72), ev.resolved(80), ev.closed(90)];
    given(second)
      .when(reopen(100))
      .then([ev.reopened(100, 90, 2)]);
  });

  it('reopens only closed complaints', () => {
    given(historyUntil('resolved')).when(reopen(45)).then('COMPLAINT_INVALID_TRANSITION');
  });
});

it('uses the business time of the command, never the clock', () => {
  given([])
    .when({ ...fileCommand(), metadata: { actor: actors.ownerRep, occurredAt: at(-1000) } })
    .then([withData(ev.filed(), { filedAt: at(-1000) })]);
});

it('fails to compile, and throws, on a command it does not know', () => {
  expect(() =>
    complaintDecider.decide(
      { type: 'Nope', metadata: { actor: actors.salesManager, occurredAt: '2026-03-01T09:00:00Z' } } as never,
      complaintDecider.initialState(),
    ),
  ).toThrow('Unhandled case');
});
