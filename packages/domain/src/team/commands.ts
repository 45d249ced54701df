import { z } from 'zod';
import { TeamRole } from '../shared/access.js';
import { ActorId, RegionId } from '../shared/ids.js';
import type { Command } from '../shared/message.js';
import { BusinessDate } from '../shared/time.js';

const needsRegion = (role: TeamRole): boolean => role === 'regional_manager' || role === 'sales_rep';

/**
 * Put a person on the sales team from `joinedOn`: their `sub`, role, region (required for regional managers
 * and reps, absent otherwise) and manager. A person who left may join again with a later date.
 */
export const JoinTeam = z
  .object({
    memberId: ActorId,
    role: TeamRole,
    region: RegionId.optional(),
    managerId: ActorId.optional(),
    joinedOn: BusinessDate,
  })
  .strict()
  .refine((data) => needsRegion(data.role) === (data.region !== undefined), {
    message: 'region is required for regional managers and reps, and absent for other roles',
    path: ['region'],
  });
export type JoinTeam = z.infer<typeof JoinTeam>;

/** Move a regional manager or rep to another region from `transferredOn`, with their new manager. */
export const TransferTeamMember = z
  .object({ memberId: ActorId, toRegion: RegionId, managerId: ActorId.optional(), transferredOn: BusinessDate })
  .strict();
export type TransferTeamMember = z.infer<typeof TransferTeamMember>;

/** A person leaves the team; from `leftOn` they may no longer act. */
export const LeaveTeam = z.object({ memberId: ActorId, leftOn: BusinessDate }).strict();
export type LeaveTeam = z.infer<typeof LeaveTeam>;

/** JoinTeam as a command. */
export type JoinTeamCommand = Command<'JoinTeam', JoinTeam>;
/** TransferTeamMember as a command. */
export type TransferTeamMemberCommand = Command<'TransferTeamMember', TransferTeamMember>;
/** LeaveTeam as a command. */
export type LeaveTeamCommand = Command<'LeaveTeam', LeaveTeam>;

/** Every command of the sales team register (stream `team-register`). */
export type TeamCommand = JoinTeamCommand | TransferTeamMemberCommand | LeaveTeamCommand;

/** Schemas of the Team commands' data, by command type (HTTP validation and OpenAPI). */
export const teamCommandSchemas = { JoinTeam, TransferTeamMember, LeaveTeam } as const;
