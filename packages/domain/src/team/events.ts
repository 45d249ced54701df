import { z } from 'zod';
import { TeamRole } from '../shared/access.js';
import { createEventRegistry, defineEvent, type EventDefinition } from '../shared/event-registry.js';
import { ActorId, RegionId } from '../shared/ids.js';
import type { Event } from '../shared/message.js';
import { IsoDate, IsoDateTime } from '../shared/time.js';

/** A person joined the sales team on `joinedOn`. */
export const TeamMemberJoined = z.object({
  memberId: ActorId,
  role: TeamRole,
  region: RegionId.optional(),
  managerId: ActorId.optional(),
  joinedOn: IsoDate,
  recordedBy: ActorId,
  recordedAt: IsoDateTime,
});
export type TeamMemberJoined = z.infer<typeof TeamMemberJoined>;

/** A regional manager or rep moved from one region to another on `transferredOn`. */
export const TeamMemberTransferred = z.object({
  memberId: ActorId,
  fromRegion: RegionId,
  toRegion: RegionId,
  managerId: ActorId.optional(),
  transferredOn: IsoDate,
  recordedBy: ActorId,
  recordedAt: IsoDateTime,
});
export type TeamMemberTransferred = z.infer<typeof TeamMemberTransferred>;

/** A person left the team on `leftOn`. */
export const TeamMemberLeft = z.object({
  memberId: ActorId,
  leftOn: IsoDate,
  recordedBy: ActorId,
  recordedAt: IsoDateTime,
});
export type TeamMemberLeft = z.infer<typeof TeamMemberLeft>;

/** TeamMemberJoined as an event. */
export type TeamMemberJoinedEvent = Event<'TeamMemberJoined', TeamMemberJoined>;
/** TeamMemberTransferred as an event. */
export type TeamMemberTransferredEvent = Event<'TeamMemberTransferred', TeamMemberTransferred>;
/** TeamMemberLeft as an event. */
export type TeamMemberLeftEvent = Event<'TeamMemberLeft', TeamMemberLeft>;

/** Every event of the sales team register. */
export type TeamEvent = TeamMemberJoinedEvent | TeamMemberTransferredEvent | TeamMemberLeftEvent;

/** Schemas and versions of the Team events, for the event registry. */
export const teamEventDefinitions: readonly EventDefinition<TeamEvent>[] = [
  defineEvent('TeamMemberJoined', TeamMemberJoined),
  defineEvent('TeamMemberTransferred', TeamMemberTransferred),
  defineEvent('TeamMemberLeft', TeamMemberLeft),
];

/** Reads the events of the register's stream, validated, as Team events. */
export const teamEventRegistry = createEventRegistry(teamEventDefinitions);
