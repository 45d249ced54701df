import { registeredAccess } from '../testing/access.js';
import { testActor as actor } from '../testing/actors.js';
import { deciderSpec } from '../testing/decider-spec.js';
import type { Actor } from '../shared/actors.js';
import { ApprovedStatementFigures, type CommissionStatementCommand } from './commands.js';
import { commissionStatementDecider } from './decide.js';
import type { CommissionStatementEvent } from './events.js';

const given = deciderSpec(commissionStatementDecider);
const sm = actor('sm-1', 'sales_manager');
const fin = actor('fin-1', 'finance');
const finAsApprover = actor('sm-1', 'finance');
const rmEast = actor('rm-east', 'regional_manager', 'east');
const rep = actor('rep-1', 'sales_rep', 'east');
const at = '2026-04-02T02:00:00Z';
const figures = ApprovedStatementFigures.parse({
  rows: [
    {
      repId: 'rep-1',
      region: 'east',
      planId: 'east-2026',
      planVersion: 1,
      currency: 'CNY',
      base: 130_000,
      target: 100_000,
      attainmentBps: 13_000,
      tier: 2,
      rateBps: 300,
      commission: 4_100,
      clawbacks: 0,
      total: 4_100,
    },
  ],
  included: [{ stream: 'receivable-r-1', revision: 2 }],
  position: '42',
});
const meta = (by: Actor, occurredAt = at) => ({ metadata: { actor: by, occurredAt }, access: registeredAccess(by) });
const approve = (by: Actor = sm, occurredAt = at) =>
  ({
    type: 'ApproveCommissionStatement',
    data: { month: '2026-03' },
    inputs: { figures },
    ...meta(by, occurredAt),
  }) as CommissionStatementCommand & ReturnType<typeof meta>;
const confirm = (by: Actor = fin) =>
  ({ type: 'ConfirmCommissionStatement', data: { month: '2026-03' }, ...meta(by) }) as CommissionStatementCommand &
    ReturnType<typeof meta>;
const approved = (occurredAt = at): CommissionStatementEvent => ({
  type: 'CommissionStatementApproved',
  data: { month: '2026-03', figures, approvedBy: sm.id, approvedAt: occurredAt },
});
const confirmed: CommissionStatementEvent = {
  type: 'CommissionStatementConfirmed',
  data: { month: '2026-03', confirmedBy: fin.id, confirmedAt: at },
};

describe('ApproveCommissionStatement', () => {
  it("freezes the figures and position the handler read, from the month's last day on", () => {
    given([]).when(approve()).then([approved()]);
    given([])
      .when(approve(sm, '2026-03-30T17:00:00Z'))
      .then([approved('2026-03-30T17:00:00Z')]);
    given([]).when(approve(sm, '2026-03-29T09:00:00Z')).then('COMMISSION_STATEMENT_TOO_EARLY');
  });
  it("is the sales manager's only, refused alike to every other role whatever the state", () => {
    for (const who of [fin, rmEast, rep]) {
      given([]).when(approve(who)).then('COMMISSION_STATEMENT_NOT_AUTHORIZED');
      given([approved()]).when(approve(who)).then('COMMISSION_STATEMENT_NOT_AUTHORIZED');
    }
  });
  it('needs the token to agree with the team register', () => {
    given([])
      .when({ ...approve(), access: { actor: null } })
      .then('ACTOR_NOT_REGISTERED');
  });
  it('happens once: an approved statement stays as approved', () => {
    given([approved()]).when(approve()).then('COMMISSION_STATEMENT_ALREADY_APPROVED');
    given([approved(), confirmed]).when(approve()).then('COMMISSION_STATEMENT_ALREADY_APPROVED');
  });
});

describe('ConfirmCommissionStatement', () => {
  it("is finance's, on an approved statement", () => {
    given([approved()]).when(confirm()).then([confirmed]);
    given([]).when(confirm()).then('COMMISSION_STATEMENT_NOT_APPROVED');
    given([approved()]).when(confirm(sm)).then('COMMISSION_STATEMENT_NOT_AUTHORIZED');
  });
  it('takes another person than the approver, and happens once', () => {
    given([approved()]).when(confirm(finAsApprover)).then('COMMISSION_STATEMENT_SAME_PERSON');
    given([approved(), confirmed]).when(confirm()).then('COMMISSION_STATEMENT_ALREADY_CONFIRMED');
  });
  it('leaves a confirmation without an approval where it found it (folding only)', () => {
    const state = commissionStatementDecider.evolve(commissionStatementDecider.initialState(), confirmed);
    expect(state).toEqual({ status: 'open' });
  });
});
