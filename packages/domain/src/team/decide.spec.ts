import { deciderSpec } from '../testing/decider-spec.js';
import { testActor as actor } from '../testing/actors.js';
import { ActorId, RegionId } from '../shared/ids.js';
import { fold } from '../shared/decider.js';
import type { Actor } from '../shared/actors.js';
import type { JoinTeam, TeamCommand } from './commands.js';
import { teamDecider } from './decide.js';
import type { TeamEvent } from './events.js';
import { standingOn } from './state.js';

const given = deciderSpec(teamDecider);
const sm = actor('sm-01', 'sales_manager');
const rmEast = actor('rm-east', 'regional_manager', 'east');
const system = actor('importer', 'system');
const at = (date: string): string => `${date}T09:00:00Z`;
const id = (value: string) => ActorId.parse(value);
const east = RegionId.parse('east');
const west = RegionId.parse('west');

const join = (
  data: Partial<JoinTeam> & Pick<JoinTeam, 'memberId' | 'role'>,
  by: Actor = sm,
  on = '2026-03-01',
): TeamCommand => ({
  type: 'JoinTeam',
  data: { joinedOn: on, ...data },
  metadata: { actor: by, occurredAt: at(on) },
});
const joined = (
  data: Partial<JoinTeam> & Pick<JoinTeam, 'memberId' | 'role'>,
  by: Actor = sm,
  on = '2026-03-01',
): TeamEvent => ({
  type: 'TeamMemberJoined',
  data: { joinedOn: on, ...data, recordedBy: by.id, recordedAt: at(on) },
});
const founded = [
  joined({ memberId: id('sm-01'), role: 'sales_manager' }, sm, '2026-01-01'),
  joined({ memberId: id('rm-east'), role: 'regional_manager', region: east }, sm, '2026-01-01'),
];
const repEast = joined(
  { memberId: id('rep-east-01'), role: 'sales_rep', region: east, managerId: id('rm-east') },
  sm,
  '2026-01-02',
);

describe('JoinTeam', () => {
  it('bootstraps an empty register with a sales manager entered by themselves or by the system, and nothing else', () => {
    given([])
      .when(join({ memberId: id('sm-01'), role: 'sales_manager' }))
      .then([joined({ memberId: id('sm-01'), role: 'sales_manager' })]);
    given([])
      .when(join({ memberId: id('sm-01'), role: 'sales_manager' }, system))
      .then([joined({ memberId: id('sm-01'), role: 'sales_manager' }, system)]);
    given([])
      .when(join({ memberId: id('sm-02'), role: 'sales_manager' }))
      .then('TEAM_BOOTSTRAP_REQUIRED');
    given([])
      .when(join({ memberId: id('rep-1'), role: 'sales_rep', region: east }, system))
      .then('TEAM_BOOTSTRAP_REQUIRED');
  });

  it('lets a registered regional manager add reps to their own region only', () => {
    given(founded)
      .when(join({ memberId: id('rep-east-01'), role: 'sales_rep', region: east }, rmEast))
      .then([joined({ memberId: id('rep-east-01'), role: 'sales_rep', region: east }, rmEast)]);
    given(founded)
      .when(join({ memberId: id('rep-west-01'), role: 'sales_rep', region: west }, rmEast))
      .then('TEAM_NOT_AUTHORIZED');
    given(founded)
      .when(join({ memberId: id('rm-2'), role: 'regional_manager', region: east }, rmEast))
      .then('TEAM_NOT_AUTHORIZED');
  });

  it('refuses a token the register does not back (unknown person, other region claimed)', () => {
    given(founded)
      .when(join({ memberId: id('rep-1'), role: 'sales_rep', region: east }, actor('sm-99', 'sales_manager')))
      .then('TEAM_NOT_AUTHORIZED');
    given(founded)
      .when(
        join({ memberId: id('rep-1'), role: 'sales_rep', region: west }, actor('rm-east', 'regional_manager', 'west')),
      )
      .then('TEAM_NOT_AUTHORIZED');
  });

  it('refuses a second join while on the team, a future date and a date before the last change', () => {
    given([...founded, repEast])
      .when(join({ memberId: id('rep-east-01'), role: 'sales_rep', region: east }))
      .then('TEAM_MEMBER_ALREADY_ACTIVE');
    const early: TeamCommand = {
      type: 'JoinTeam',
      data: { memberId: id('rep-1'), role: 'sales_rep', region: east, joinedOn: '2026-03-05' },
      metadata: { actor: sm, occurredAt: at('2026-03-03') },
    };
    given(founded).when(early).then('TEAM_DATE_IN_FUTURE');
  });
});

describe('TransferTeamMember and LeaveTeam', () => {
  const transfer = (by: Actor, on = '2026-03-10'): TeamCommand => ({
    type: 'TransferTeamMember',
    data: { memberId: id('rep-east-01'), toRegion: west, managerId: id('rm-west'), transferredOn: on },
    metadata: { actor: by, occurredAt: at(on) },
  });
  const leave = (by: Actor, on: string): TeamCommand => ({
    type: 'LeaveTeam',
    data: { memberId: id('rep-east-01'), leftOn: on },
    metadata: { actor: by, occurredAt: at(on) },
  });

  it('moves a rep to another region from the transfer date, keeping the history', () => {
    const events = given([...founded, repEast])
      .when(transfer(rmEast))
      .then([
        {
          type: 'TeamMemberTransferred',
          data: {
            memberId: id('rep-east-01'),
            fromRegion: east,
            toRegion: west,
            managerId: id('rm-west'),
            transferredOn: '2026-03-10',
            recordedBy: rmEast.id,
            recordedAt: at('2026-03-10'),
          },
        },
      ]);
    const register = fold(teamDecider, [...founded, repEast, ...events]);
    expect(standingOn(register, 'rep-east-01', '2026-03-09')).toEqual({
      active: true,
      role: 'sales_rep',
      region: east,
      managerId: id('rm-east'),
    });
    expect(standingOn(register, 'rep-east-01', '2026-03-10')).toEqual({
      active: true,
      role: 'sales_rep',
      region: west,
      managerId: id('rm-west'),
    });
    expect(standingOn(register, 'rep-east-01', '2025-12-31')).toMatchObject({ active: false });
    expect(standingOn(register, 'nobody', '2026-03-10')).toBeNull();
  });

  it('refuses a transfer to the same region, of someone not on the team, or dated before their last change', () => {
    const same: TeamCommand = {
      type: 'TransferTeamMember',
      data: { memberId: id('rep-east-01'), toRegion: east, transferredOn: '2026-03-10' },
      metadata: { actor: sm, occurredAt: at('2026-03-10') },
    };
    given([...founded, repEast])
      .when(same)
      .then('TEAM_TRANSFER_NOT_APPLICABLE');
    given(founded).when(transfer(sm)).then('TEAM_MEMBER_NOT_ACTIVE');
    given([...founded, repEast])
      .when(transfer(system, '2025-12-01'))
      .then('TEAM_DATE_OUT_OF_ORDER');
  });

  it('ends the spell on the leaving date: active before, inactive from then', () => {
    const events = given([...founded, repEast])
      .when(leave(sm, '2026-03-20'))
      .then([
        {
          type: 'TeamMemberLeft',
          data: { memberId: id('rep-east-01'), leftOn: '2026-03-20', recordedBy: sm.id, recordedAt: at('2026-03-20') },
        },
      ]);
    const register = fold(teamDecider, [...founded, repEast, ...events]);
    expect(standingOn(register, 'rep-east-01', '2026-03-19')?.active).toBe(true);
    expect(standingOn(register, 'rep-east-01', '2026-03-20')?.active).toBe(false);
    given([...founded, repEast, ...events])
      .when(leave(sm, '2026-03-21'))
      .then('TEAM_MEMBER_NOT_ACTIVE');
  });

  it('lets a regional manager of another region neither move nor release the rep', () => {
    const rmWest = actor('rm-west', 'regional_manager', 'west');
    const withWest = [
      ...founded,
      joined({ memberId: id('rm-west'), role: 'regional_manager', region: west }, sm, '2026-01-01'),
      repEast,
    ];
    given(withWest).when(transfer(rmWest)).then('TEAM_NOT_AUTHORIZED');
    given(withWest).when(leave(rmWest, '2026-03-20')).then('TEAM_NOT_AUTHORIZED');
  });
});
