import { registeredAccess } from '../testing/access.js';
import { testActor as actor } from '../testing/actors.js';
import { deciderSpec } from '../testing/decider-spec.js';
import type { AccessFacts } from '../shared/access.js';
import type { Actor } from '../shared/actors.js';
import { ActorId, RegionId } from '../shared/ids.js';
import { Currency } from '../shared/money.js';
import { quarterMonths, type AssessEvaluation, type EvaluationCommand, type EvaluationSnapshot } from './commands.js';
import { evaluationDecider } from './decide.js';
import type { EvaluationAssessed, EvaluationEvent } from './events.js';

const given = deciderSpec(evaluationDecider);
const east = RegionId.parse('east');
const repId = ActorId.parse('rep-1');
const rep = actor('rep-1', 'sales_rep', 'east');
const otherRep = actor('rep-2', 'sales_rep', 'east');
const rmEast = actor('rm-east', 'regional_manager', 'east');
const rmWest = actor('rm-west', 'regional_manager', 'west');
const sm = actor('sm-1', 'sales_manager');
const analyst = actor('ana-1', 'market_analyst');
const at = '2026-04-02T02:00:00Z';
const snapshot: EvaluationSnapshot = { scorecards: JSON.stringify([{ month: '2026-01', rows: [] }]), position: '42' };
const key = { repId, quarter: '2026-Q1' };
type Sent = EvaluationCommand & { access: AccessFacts };

const meta = (by: Actor, occurredAt = at, access: AccessFacts = registeredAccess(by, east)) => ({
  metadata: { actor: by, occurredAt },
  access,
});
const open = (by: Actor = rmEast, occurredAt = at, access?: AccessFacts) =>
  ({ type: 'OpenEvaluation', data: key, inputs: { snapshot }, ...meta(by, occurredAt, access) }) as Sent;
const assessment: AssessEvaluation = {
  ...key,
  rating: 4,
  strengths: 'Opened three key accounts; reliable follow-up',
  actions: [{ action: 'Bring overdue receivables under 10%', dueOn: '2026-06-30' }],
  outcomes: [
    { kind: 'bonus', amount: 300_000, currency: Currency.parse('CNY'), note: 'Q1 over target' },
    { kind: 'recognition', note: 'Rep of the quarter, east' },
  ],
};
const assess = (data: Partial<AssessEvaluation> = {}, by: Actor = rmEast) =>
  ({ type: 'AssessEvaluation', data: { ...assessment, ...data }, ...meta(by) }) as Sent;
const finalise = (by: Actor = rmEast) => ({ type: 'FinaliseEvaluation', data: key, ...meta(by) }) as Sent;
const acknowledge = (by: Actor = rep, comment?: string) =>
  ({
    type: 'AcknowledgeEvaluation',
    data: { ...key, ...(comment === undefined ? {} : { comment }) },
    ...meta(by),
  }) as Sent;

const opened: EvaluationEvent = {
  type: 'EvaluationOpened',
  data: { ...key, region: east, snapshot, openedBy: rmEast.id, openedAt: at },
};
const assessedData = (data: Partial<AssessEvaluation> = {}, by: Actor = rmEast): EvaluationAssessed => {
  const { comments, ...rest } = { ...assessment, ...data };
  return { ...rest, comments: comments ?? null, assessedBy: by.id, assessedAt: at };
};
const assessed: EvaluationEvent = { type: 'EvaluationAssessed', data: assessedData() };
const finalised: EvaluationEvent = {
  type: 'EvaluationFinalised',
  data: { ...key, rating: 4, finalisedBy: rmEast.id, finalisedAt: at },
};
const acknowledged: EvaluationEvent = {
  type: 'EvaluationAcknowledged',
  data: { ...key, comment: null, acknowledgedAt: at },
};

describe('quarterMonths', () => {
  it('names the three months of a quarter', () => {
    expect(quarterMonths('2026-Q1')).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(quarterMonths('2025-Q4')).toEqual(['2025-10', '2025-11', '2025-12']);
  });
});

describe('OpenEvaluation', () => {
  it("keeps the snapshot the handler read and the rep's region, from the quarter's last day on", () => {
    given([]).when(open()).then([opened]);
    given([])
      .when(open(sm))
      .then([{ ...opened, data: { ...opened.data, openedBy: sm.id } } as EvaluationEvent]);
    given([])
      .when(open(rmEast, '2026-03-30T17:00:00Z'))
      .then([{ ...opened, data: { ...opened.data, openedAt: '2026-03-30T17:00:00Z' } } as EvaluationEvent]);
    given([]).when(open(rmEast, '2026-03-29T09:00:00Z')).then('EVALUATION_TOO_EARLY');
  });
  it("is a manager's of the rep's scope, for an active rep", () => {
    given([])
      .when(open(rmWest, at, registeredAccess(rmWest, east)))
      .then('FORBIDDEN_SCOPE');
    given([])
      .when(open(otherRep, at, registeredAccess(otherRep, east)))
      .then('FORBIDDEN_SCOPE');
    given([]).when(open(rep)).then('EVALUATION_NOT_AUTHORIZED');
    given([]).when(open(analyst)).then('EVALUATION_NOT_AUTHORIZED');
    given([])
      .when(open(sm, at, registeredAccess(sm)))
      .then('REP_NOT_REGISTERED');
    given([])
      .when(open(rmEast, at, registeredAccess(rmEast)))
      .then('FORBIDDEN_SCOPE');
    given([])
      .when(open(sm, at, { ...registeredAccess(sm), rep: { active: false, role: 'sales_rep', region: east } }))
      .then('REP_NOT_REGISTERED');
    given([])
      .when(open(rmEast, at, { actor: null, rep: { active: true, role: 'sales_rep', region: east } }))
      .then('ACTOR_NOT_REGISTERED');
  });
  it('happens once per rep and quarter', () => {
    given([opened]).when(open(sm)).then('EVALUATION_ALREADY_OPENED');
    given([opened, assessed, finalised]).when(open()).then('EVALUATION_ALREADY_OPENED');
  });
});

describe('AssessEvaluation', () => {
  it('records the rating, strengths, actions and rewards, replaceable until finalised', () => {
    given([opened]).when(assess()).then([assessed]);
    given([opened, assessed])
      .when(assess({ rating: 5, comments: 'Best quarter yet' }, sm))
      .then([{ type: 'EvaluationAssessed', data: assessedData({ rating: 5, comments: 'Best quarter yet' }, sm) }]);
    given([opened, assessed, finalised]).when(assess()).then('EVALUATION_FINALISED');
    given([]).when(assess({}, sm)).then('EVALUATION_NOT_OPENED');
  });
  it("is the managers' in scope", () => {
    given([opened]).when(assess({}, rmWest)).then('FORBIDDEN_SCOPE');
    given([opened]).when(assess({}, rep)).then('EVALUATION_NOT_AUTHORIZED');
    given([]).when(assess()).then('FORBIDDEN_SCOPE');
  });
  it('gives rewards for a good rating and a warning for a poor one', () => {
    given([opened])
      .when(assess({ rating: 3 }))
      .then('EVALUATION_REWARD_NEEDS_RATING');
    given([opened])
      .when(assess({ rating: 3, outcomes: [{ kind: 'recognition', note: 'steady' }] }))
      .then('EVALUATION_REWARD_NEEDS_RATING');
    given([opened])
      .when(assess({ rating: 3, outcomes: [{ kind: 'warning', note: 'late reports' }] }))
      .then('EVALUATION_WARNING_NEEDS_RATING');
    given([opened])
      .when(assess({ rating: 3, outcomes: [{ kind: 'coaching', note: 'negotiation' }], actions: [] }))
      .then([
        {
          type: 'EvaluationAssessed',
          data: assessedData({ rating: 3, outcomes: [{ kind: 'coaching', note: 'negotiation' }], actions: [] }),
        },
      ]);
    const poor = {
      rating: 2,
      outcomes: [
        { kind: 'warning' as const, note: 'two quarters under 60%' },
        { kind: 'coaching' as const, note: 'weekly with the manager' },
      ],
    };
    given([opened])
      .when(assess(poor))
      .then([{ type: 'EvaluationAssessed', data: assessedData(poor) }]);
  });
  it('needs improvement actions for a poor rating, none already past due', () => {
    given([opened])
      .when(assess({ rating: 1, outcomes: [], actions: [] }))
      .then('EVALUATION_ACTIONS_REQUIRED');
    given([opened])
      .when(assess({ actions: [{ action: 'late already', dueOn: '2026-03-31' }] }))
      .then('EVALUATION_ACTION_DUE_PASSED');
    given([opened])
      .when(assess({ actions: [{ action: 'by tomorrow', dueOn: '2026-04-01' }] }))
      .then([
        {
          type: 'EvaluationAssessed',
          data: assessedData({ actions: [{ action: 'by tomorrow', dueOn: '2026-04-01' }] }),
        },
      ]);
  });
});

describe('FinaliseEvaluation', () => {
  it('freezes the assessed evaluation with its rating', () => {
    given([opened, assessed]).when(finalise()).then([finalised]);
    given([opened]).when(finalise()).then('EVALUATION_NOT_ASSESSED');
    given([opened, assessed, finalised]).when(finalise()).then('EVALUATION_FINALISED');
    given([]).when(finalise(sm)).then('EVALUATION_NOT_OPENED');
    given([opened, assessed]).when(finalise(rep)).then('EVALUATION_NOT_AUTHORIZED');
  });
});

describe('AcknowledgeEvaluation', () => {
  it("is the rep's own, once, after finalising", () => {
    given([opened, assessed, finalised]).when(acknowledge()).then([acknowledged]);
    given([opened, assessed, finalised])
      .when(acknowledge(rep, 'Agreed; I will chase the overdue accounts'))
      .then([
        {
          type: 'EvaluationAcknowledged',
          data: { ...key, comment: 'Agreed; I will chase the overdue accounts', acknowledgedAt: at },
        } as EvaluationEvent,
      ]);
    given([opened, assessed]).when(acknowledge()).then('EVALUATION_NOT_FINALISED');
    given([opened, assessed, finalised, acknowledged]).when(acknowledge()).then('EVALUATION_ALREADY_ACKNOWLEDGED');
  });
  it("is no one else's", () => {
    given([opened, assessed, finalised]).when(acknowledge(otherRep)).then('FORBIDDEN_SCOPE');
    given([opened, assessed, finalised]).when(acknowledge(rmEast)).then('EVALUATION_NOT_AUTHORIZED');
    given([]).when(acknowledge(sm)).then('EVALUATION_NOT_AUTHORIZED');
    given([]).when(acknowledge()).then('FORBIDDEN_SCOPE');
  });
});

describe('evolve', () => {
  it('ignores events before the opening (a stream never starts with them)', () => {
    const { evolve, initialState } = evaluationDecider;
    for (const event of [assessed, finalised, acknowledged])
      expect(evolve(initialState(), event)).toEqual({ status: 'none' });
  });
});
