import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import type { Actor } from '../shared/actors.js';
import type { ActorId, RegionId } from '../shared/ids.js';
import { registeredAccess } from '../testing/access.js';
import { CancelCompetition, CreateCompetition, type CompetitionCommand } from './commands.js';
import { competitionDecider } from './decide.js';
import type { CompetitionEvent } from './events.js';
import { periodDays } from './vocabulary.js';

const at = '2026-03-20T08:00:00.000Z';
const who = (id: string, role: Actor['role'], region?: string): Actor => ({
  id: id as ActorId,
  role,
  ...(region === undefined ? {} : { region: region as RegionId }),
});
const manager = who('sm-1', 'sales_manager');
const create = {
  competitionId: 'q2-east',
  name: '二季度回款冲刺',
  period: '2026-Q2',
  metric: 'collectionRate',
  scope: 'east',
  prize: '带薪休假两天',
};
const created: CompetitionEvent = {
  type: 'CompetitionCreated',
  data: {
    ...CreateCompetition.parse(create),
    startsOn: '2026-04-01',
    endsOn: '2026-06-30',
    createdBy: manager.id,
    createdAt: at,
  },
};

const run = (
  type: CompetitionCommand['type'],
  data: Record<string, unknown>,
  options: { actor?: Actor; history?: readonly CompetitionEvent[]; today?: string } = {},
) => {
  const actor = options.actor ?? manager;
  const state = (options.history ?? []).reduce(competitionDecider.evolve, competitionDecider.initialState());
  const schema = type === 'CreateCompetition' ? CreateCompetition : CancelCompetition;
  // Parsed as the API parses the body; the handler adds the business date.
  const command = {
    type,
    data: schema.parse(data),
    metadata: { actor, occurredAt: at },
    access: registeredAccess(actor),
    inputs: { today: options.today ?? '2026-03-20' },
  } as Parameters<typeof competitionDecider.decide>[0];
  return competitionDecider.decide(command, state);
};
const codeOf = (result: ReturnType<typeof run>) => (isLeft(result) ? result.left.code : 'accepted');

describe('competition decider', () => {
  it('announces a competition with its first and last days, who and when', () => {
    expect(run('CreateCompetition', create)).toEqual({ _tag: 'Right', right: [created] });
  });

  it('lets only a registered sales manager or the system set one up or cancel it', () => {
    for (const actor of [
      who('rm-east', 'regional_manager', 'east'),
      who('rep-1', 'sales_rep', 'east'),
      who('fin-1', 'finance'),
      who('an-1', 'market_analyst'),
    ]) {
      expect([actor.role, codeOf(run('CreateCompetition', create, { actor }))]).toEqual([
        actor.role,
        'FORBIDDEN_SCOPE',
      ]);
      expect([
        actor.role,
        codeOf(run('CancelCompetition', { competitionId: 'q2-east', reason: 'x' }, { actor, history: [created] })),
      ]).toEqual([actor.role, 'FORBIDDEN_SCOPE']);
    }
    expect(codeOf(run('CreateCompetition', create, { actor: who('system', 'system') }))).toBe('accepted');
    const command = {
      type: 'CreateCompetition' as const,
      data: CreateCompetition.parse(create),
      metadata: { actor: manager, occurredAt: at },
      access: { actor: null },
      inputs: { today: '2026-03-20' },
    };
    const unknown = competitionDecider.decide(command, competitionDecider.initialState());
    expect(isLeft(unknown) && unknown.left.code).toBe('ACTOR_NOT_REGISTERED');
  });

  it('takes the same announcement again as a no-op, and refuses another one under its id', () => {
    expect(run('CreateCompetition', create, { history: [created] })).toEqual({ _tag: 'Right', right: [] });
    for (const change of [
      { name: 'other' },
      { period: '2026-Q3' },
      { metric: 'csat' },
      { scope: 'all' },
      { prize: 'other' },
    ]) {
      expect([change, codeOf(run('CreateCompetition', { ...create, ...change }, { history: [created] }))]).toEqual([
        change,
        'COMPETITION_ALREADY_EXISTS',
      ]);
    }
  });

  it('announces for a period not yet over (one running is fine), never for one that ended', () => {
    expect(codeOf(run('CreateCompetition', create, { today: '2026-06-30' }))).toBe('accepted');
    const over = run('CreateCompetition', create, { today: '2026-07-01' });
    expect(isLeft(over) && [over.left.code, over.left.details]).toEqual([
      'COMPETITION_PERIOD_OVER',
      { period: '2026-Q2', endsOn: '2026-06-30' },
    ]);
  });

  it('cancels before the first day only, once; an unknown competition is not found', () => {
    const cancelled = run(
      'CancelCompetition',
      { competitionId: 'q2-east', reason: '与年度评比合并' },
      { history: [created], today: '2026-03-31' },
    );
    expect(cancelled).toEqual({
      _tag: 'Right',
      right: [
        {
          type: 'CompetitionCancelled',
          data: { competitionId: 'q2-east', reason: '与年度评比合并', cancelledBy: 'sm-1', cancelledAt: at },
        },
      ],
    });
    const history = isRight(cancelled) ? [created, ...cancelled.right] : [];
    expect(
      run('CancelCompetition', { competitionId: 'q2-east', reason: 'again' }, { history, today: '2026-05-01' }),
    ).toEqual({ _tag: 'Right', right: [] });
    const started = run(
      'CancelCompetition',
      { competitionId: 'q2-east', reason: 'late' },
      { history: [created], today: '2026-04-01' },
    );
    expect(isLeft(started) && [started.left.code, started.left.details]).toEqual([
      'COMPETITION_ALREADY_STARTED',
      { startsOn: '2026-04-01' },
    ]);
    expect(codeOf(run('CancelCompetition', { competitionId: 'nope', reason: 'x' }))).toBe('COMPETITION_NOT_FOUND');
  });

  it('keeps a cancellation without an announcement out of the state', () => {
    const cancelled: CompetitionEvent = {
      type: 'CompetitionCancelled',
      data: {
        ...CancelCompetition.parse({ competitionId: 'x', reason: 'r' }),
        cancelledBy: manager.id,
        cancelledAt: at,
      },
    };
    expect(competitionDecider.evolve(competitionDecider.initialState(), cancelled)).toEqual({ status: 'none' });
  });
});

describe('competition vocabulary', () => {
  it('gives the first and last days of a month, a quarter and a year', () => {
    expect(periodDays('2026-02')).toEqual({ startsOn: '2026-02-01', endsOn: '2026-02-28' });
    expect(periodDays('2026-Q4')).toEqual({ startsOn: '2026-10-01', endsOn: '2026-12-31' });
    expect(periodDays('2028')).toEqual({ startsOn: '2028-01-01', endsOn: '2028-12-31' });
  });

  it('validates the terms at the schema', () => {
    const issues = (data: unknown) => CreateCompetition.safeParse(data).error?.issues.map((issue) => issue.message);
    expect(issues({ ...create, period: '2026-Q5' })).toEqual([
      'must be a month YYYY-MM, a quarter YYYY-Qn or a year YYYY',
    ]);
    expect(issues({ ...create, period: '1800' })).toEqual(['must be in the years 1900-2999']);
    expect(issues({ ...create, metric: 'booked' })).toEqual([
      'must be one of attainment, collected, collectionRate, csat',
    ]);
    // Not `all`: read as a region id, and refused as one.
    expect(issues({ ...create, scope: 'a b' })?.[0]).toMatch(/^must be 1-64 characters/);
    expect(issues({ ...create, name: '  ' })).toEqual(['name must not be empty']);
    expect(issues({ ...create, prize: 'x'.repeat(501) })).toEqual(['prize must be at most 500 characters']);
    expect(
      CancelCompetition.safeParse({ competitionId: 'q2', reason: '' }).error?.issues.map((issue) => issue.message),
    ).toEqual(['reason must not be empty']);
  });
});
