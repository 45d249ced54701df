import { testActor as actor } from '../testing/actors.js';
import { ActorId, RegionId } from '../shared/ids.js';
import { JoinTeam, LeaveTeam, TransferTeamMember } from './commands.js';
import { accessFacts, namedRepOf } from './access-facts.js';
import { evolve, initialState, type TeamState } from './state.js';
import type { TeamEvent } from './events.js';

const issuesOf = (result: {
  success: boolean;
  error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] };
}) => result.error?.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })) ?? [];

describe('team commands', () => {
  it('require a region of regional managers and reps, and refuse one for every other role', () => {
    expect(
      JoinTeam.safeParse({ memberId: 'rep-1', role: 'sales_rep', region: 'east', joinedOn: '2026-03-01' }).success,
    ).toBe(true);
    expect(JoinTeam.safeParse({ memberId: 'sm-1', role: 'sales_manager', joinedOn: '2026-03-01' }).success).toBe(true);
    expect(issuesOf(JoinTeam.safeParse({ memberId: 'rep-1', role: 'sales_rep', joinedOn: '2026-03-01' }))).toEqual([
      { path: 'region', message: 'region is required for regional managers and reps, and absent for other roles' },
    ]);
    expect(
      issuesOf(JoinTeam.safeParse({ memberId: 'sm-1', role: 'sales_manager', region: 'east', joinedOn: '2026-03-01' })),
    ).toEqual([
      { path: 'region', message: 'region is required for regional managers and reps, and absent for other roles' },
    ]);
  });

  it('refuse unknown fields and impossible dates', () => {
    expect(
      TransferTeamMember.safeParse({ memberId: 'rep-1', toRegion: 'west', transferredOn: '2026-04-01', extra: 1 })
        .success,
    ).toBe(false);
    expect(LeaveTeam.safeParse({ memberId: 'rep-1', leftOn: '2026-02-30' }).success).toBe(false);
    expect(LeaveTeam.safeParse({ memberId: 'rep-1', leftOn: '2026-02-28' }).success).toBe(true);
  });
});

describe('access facts from the register', () => {
  const at = '2026-03-01T09:00:00Z';
  const register: TeamState = (
    [
      {
        type: 'TeamMemberJoined',
        data: {
          memberId: ActorId.parse('rm-east'),
          role: 'regional_manager',
          region: RegionId.parse('east'),
          joinedOn: '2026-01-01',
          recordedBy: ActorId.parse('sm-1'),
          recordedAt: at,
        },
      },
      {
        type: 'TeamMemberJoined',
        data: {
          memberId: ActorId.parse('rep-1'),
          role: 'sales_rep',
          region: RegionId.parse('east'),
          managerId: ActorId.parse('rm-east'),
          joinedOn: '2026-01-02',
          recordedBy: ActorId.parse('sm-1'),
          recordedAt: at,
        },
      },
    ] satisfies TeamEvent[]
  ).reduce(evolve, initialState());
  const by = actor('rm-east', 'regional_manager', 'east');
  const command = (type: string, data: unknown) => ({ type, data, metadata: { actor: by } });

  it('name the rep an order, a customer or a rep target is about, and no one for other commands', () => {
    expect(namedRepOf(command('PlaceOrder', { repId: 'rep-1' }))).toBe('rep-1');
    expect(namedRepOf(command('RegisterCustomer', { ownerRepId: 'rep-2' }))).toBe('rep-2');
    expect(namedRepOf(command('ReassignCustomer', { ownerRepId: 'rep-3' }))).toBe('rep-3');
    expect(namedRepOf(command('SetSalesTarget', { scope: 'rep', scopeId: 'rep-1' }))).toBe('rep-1');
    expect(namedRepOf(command('SetSalesTarget', { scope: 'region', scopeId: 'east' }))).toBeUndefined();
    expect(namedRepOf(command('SetSalesTarget', { scope: 'rep', scopeId: 'not an id!' }))).toBeUndefined();
    expect(namedRepOf(command('ConfirmOrder', { orderId: 'o-1' }))).toBeUndefined();
  });

  it('give the actor’s standing, and the named rep’s only when there is one', () => {
    expect(accessFacts(register, command('PlaceOrder', { repId: 'rep-1' }), '2026-03-02')).toEqual({
      actor: { active: true, role: 'regional_manager', region: 'east' },
      rep: { active: true, role: 'sales_rep', region: 'east', managerId: 'rm-east' },
    });
    expect(accessFacts(register, command('PlaceOrder', { repId: 'rep-9' }), '2026-03-02')).toEqual({
      actor: { active: true, role: 'regional_manager', region: 'east' },
      rep: null,
    });
    expect(accessFacts(register, command('ConfirmOrder', { orderId: 'o-1' }), '2025-12-31')).toEqual({
      actor: { active: false, role: 'regional_manager', region: 'east' },
    });
  });
});
