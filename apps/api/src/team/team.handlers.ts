import type { z } from 'zod';
import {
  spellOn,
  standingOn,
  teamDecider,
  teamEventRegistry,
  TEAM_STREAM,
  type Actor,
  type CommandPayload,
  type TeamCommand,
  type TeamState,
} from '@salesbook/domain';
import { AggregateCommand } from '../commands/command-request.js';
import { singleStreamHandler } from '../commands/single-stream-handler.js';
import type { TeamMemberRowSchema } from './team.routes.js';

/** A command on the sales team register, on the CommandBus: one of the Team payloads. */
export class TeamCommandMessage extends AggregateCommand<CommandPayload<TeamCommand>> {}

/** Decides register commands on its one stream (the decider checks who may, from the register itself). */
export const TeamCommandHandler = singleStreamHandler(TeamCommandMessage, {
  decider: teamDecider,
  registry: teamEventRegistry,
  stream: () => TEAM_STREAM,
  // The register's decider checks who may change it from its own state: it needs no access facts.
  command: ({ payload, metadata }) => ({ ...payload, metadata }),
});

/** One person on the register on a date (its schema documents the list's answer). */
export type TeamMemberRow = z.infer<typeof TeamMemberRowSchema>;

/** Whether `reader` may see `row`: everyone for sales managers, analysts, auditors and the system; a regional manager their region; a rep themselves. */
const visible = (reader: Actor, row: TeamMemberRow): boolean => {
  if (reader.role === 'regional_manager') return row.region === reader.region || row.memberId === reader.id;
  if (reader.role === 'sales_rep') return row.memberId === reader.id;
  return true;
};

/** The people on the team on `on` whom `reader` may see, by id. */
export function teamOn(register: TeamState, on: string, reader: Actor): TeamMemberRow[] {
  const rows: TeamMemberRow[] = [];
  for (const memberId of Object.keys(register.members).sort()) {
    const spell = spellOn(register, memberId, on);
    const standing = standingOn(register, memberId, on);
    if (spell === undefined || standing === null) continue;
    const row = {
      memberId,
      role: standing.role,
      region: standing.region ?? null,
      managerId: standing.managerId ?? null,
      since: spell.from,
    };
    if (visible(reader, row)) rows.push(row);
  }
  return rows;
}
