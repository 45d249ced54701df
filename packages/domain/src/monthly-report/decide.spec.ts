import { registeredAccess } from '../testing/access.js';
import { testActor as actor } from '../testing/actors.js';
import { deciderSpec } from '../testing/decider-spec.js';
import type { Actor } from '../shared/actors.js';
import { RegionId } from '../shared/ids.js';
import type { MonthlyReportCommand, MonthlyReportFigures } from './commands.js';
import { monthlyReportDecider } from './decide.js';
import type { MonthlyReportEvent } from './events.js';

const given = deciderSpec(monthlyReportDecider);
const east = RegionId.parse('east');
const rmEast = actor('rm-east', 'regional_manager', 'east');
const rmWest = actor('rm-west', 'regional_manager', 'west');
const sm = actor('sm-1', 'sales_manager');
const sm2 = actor('sm-2', 'sales_manager');
const rep = actor('rep-1', 'sales_rep', 'east');
const at = '2026-04-01T02:00:00Z';
const figures: MonthlyReportFigures = {
  sales: JSON.stringify([{ group: 'rep-1', booked: 11_000 }]),
  collections: JSON.stringify([{ group: 'rep-1', collected: 4_000 }]),
  position: '42',
};
const meta = (by: Actor, occurredAt = at) => ({ metadata: { actor: by, occurredAt }, access: registeredAccess(by) });

const submit = (by: Actor = rmEast, occurredAt = at) =>
  ({
    type: 'SubmitMonthlyReport',
    data: { month: '2026-03', region: east, commentary: 'East beat its target; two late payers chased' },
    inputs: { figures },
    ...meta(by, occurredAt),
  }) as MonthlyReportCommand & ReturnType<typeof meta>;
const accept = (by: Actor = sm) =>
  ({ type: 'AcceptMonthlyReport', data: { month: '2026-03', region: east }, ...meta(by) }) as MonthlyReportCommand &
    ReturnType<typeof meta>;
const sendBack = (by: Actor = sm) =>
  ({
    type: 'ReturnMonthlyReport',
    data: { month: '2026-03', region: east, reason: 'explain the drop in SMB' },
    ...meta(by),
  }) as MonthlyReportCommand & ReturnType<typeof meta>;

const submitted = (submission = 1, submittedAt = at): MonthlyReportEvent => ({
  type: 'MonthlyReportSubmitted',
  data: {
    month: '2026-03',
    region: east,
    commentary: 'East beat its target; two late payers chased',
    submission,
    figures,
    submittedBy: rmEast.id,
    submittedAt,
  },
});
const returned: MonthlyReportEvent = {
  type: 'MonthlyReportReturned',
  data: {
    month: '2026-03',
    region: east,
    submission: 1,
    reason: 'explain the drop in SMB',
    returnedBy: sm.id,
    returnedAt: at,
  },
};

describe('SubmitMonthlyReport', () => {
  it("keeps the figures and position the handler read, from the month's last day on", () => {
    given([]).when(submit()).then([submitted()]);
    given([])
      .when(submit(rmEast, '2026-03-30T17:00:00Z'))
      .then([submitted(1, '2026-03-30T17:00:00Z')]);
    given([]).when(submit(rmEast, '2026-03-29T09:00:00Z')).then('MONTHLY_REPORT_TOO_EARLY');
  });
  it("is the regional manager's of that region", () => {
    given([]).when(submit(rmWest)).then('FORBIDDEN_SCOPE');
    given([]).when(submit(rep)).then('FORBIDDEN_SCOPE');
    given([]).when(submit(sm)).then('MONTHLY_REPORT_NOT_AUTHORIZED');
  });
  it('waits for the sales manager, may be submitted again once returned, never after acceptance', () => {
    given([submitted()]).when(submit()).then('MONTHLY_REPORT_PENDING');
    given([submitted(), returned])
      .when(submit())
      .then([submitted(2)]);
    given([
      submitted(),
      {
        type: 'MonthlyReportAccepted',
        data: { month: '2026-03', region: east, submission: 1, acceptedBy: sm.id, acceptedAt: at },
      },
    ])
      .when(submit())
      .then('MONTHLY_REPORT_ALREADY_ACCEPTED');
  });
});

describe('AcceptMonthlyReport and ReturnMonthlyReport', () => {
  it('decide on the pending submission, by a sales manager', () => {
    given([submitted()])
      .when(accept(sm2))
      .then([
        {
          type: 'MonthlyReportAccepted',
          data: { month: '2026-03', region: east, submission: 1, acceptedBy: sm2.id, acceptedAt: at },
        },
      ]);
    given([submitted()]).when(sendBack()).then([returned]);
    given([submitted()]).when(accept(rmEast)).then('MONTHLY_REPORT_NOT_AUTHORIZED');
  });
  it('need a submission awaiting a decision', () => {
    given([]).when(accept()).then('MONTHLY_REPORT_NOT_SUBMITTED');
    given([submitted(), returned]).when(sendBack()).then('MONTHLY_REPORT_NOT_SUBMITTED');
  });
});
