import { ActorId, type Actor, type IsoDate, type JoinTeam, type TeamCommand } from '@salesbook/domain';
import { dayMs, HOUR_MS, plusDays } from '../calendar.js';
import type { Sim } from '../sim.js';

const join = (sim: Sim, by: Actor, data: JoinTeam): void => {
  sim.engine.run(
    sim.engine.team,
    { type: 'JoinTeam', data, metadata: sim.engine.metadata(by) },
    { correlationId: 'team-register' },
  );
};

/**
 * Registers the simulated sales team on the register from `joinedOn`: the sales manager first (the
 * bootstrap: their own token enters them), then each regional manager, the reps under them and a market
 * analyst. Everyone who later acts for the sales team is on the register at the business date.
 */
export function registerTeam(sim: Sim, joinedOn: IsoDate): void {
  const manager = sim.world.staff.salesManager;
  join(sim, manager, { memberId: manager.id, role: 'sales_manager', joinedOn });
  for (const region of sim.world.regions) {
    join(sim, manager, {
      memberId: region.manager.id,
      role: 'regional_manager',
      region: region.id,
      managerId: manager.id,
      joinedOn,
    });
    for (const rep of region.reps)
      join(sim, manager, {
        memberId: rep.actor.id,
        role: 'sales_rep',
        region: region.id,
        managerId: region.manager.id,
        joinedOn,
      });
  }
  join(sim, manager, {
    memberId: ActorId.parse(`${sim.prefix}analyst-01`),
    role: 'market_analyst',
    managerId: manager.id,
    joinedOn,
  });
}

/**
 * A trainee's short career, so the register's history has every kind of change: joins the first region on
 * `joinedOn`, moves to the second region 15 days later and leaves 30 days after joining. A trainee owns no
 * customers, so nobody's book changes hands.
 */
export function planTraineeCareer(sim: Sim, joinedOn: IsoDate): void {
  const [from, to] = sim.world.regions;
  if (from === undefined || to === undefined) return;
  const manager = sim.world.staff.salesManager;
  const memberId = ActorId.parse(`${sim.prefix}trainee-01`);
  const run = (command: TeamCommand): void => {
    sim.engine.run(sim.engine.team, command, { correlationId: 'team-register' });
  };
  const at = (date: IsoDate, act: () => void): void => sim.engine.at(dayMs(date) + HOUR_MS / 2, act);
  at(joinedOn, () =>
    run({
      type: 'JoinTeam',
      data: { memberId, role: 'sales_rep', region: from.id, managerId: from.manager.id, joinedOn },
      metadata: sim.engine.metadata(manager),
    }),
  );
  const movedOn = plusDays(joinedOn, 15);
  at(movedOn, () =>
    run({
      type: 'TransferTeamMember',
      data: { memberId, toRegion: to.id, managerId: to.manager.id, transferredOn: movedOn },
      metadata: sim.engine.metadata(manager),
    }),
  );
  const leftOn = plusDays(joinedOn, 30);
  at(leftOn, () => run({ type: 'LeaveTeam', data: { memberId, leftOn }, metadata: sim.engine.metadata(to.manager) }));
}
