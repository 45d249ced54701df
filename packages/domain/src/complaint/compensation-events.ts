import { z } from 'zod';
import { Role } from '../shared/actors.js';
import { ActorId, ComplaintId, RegionId } from '../shared/ids.js';
import type { Event } from '../shared/message.js';
import { Currency, PositiveMinorUnits } from '../shared/money.js';
import { IsoDateTime } from '../shared/time.js';

const Text = z.string().min(1);

/**
 * The handler asked a manager to approve a compensation above the threshold. `reason` is personal data;
 * `region` is the complaint's, so the approvals inbox knows whose managers may decide.
 */
export const ComplaintCompensationRequested = z.object({
  complaintId: ComplaintId,
  amount: PositiveMinorUnits,
  currency: Currency,
  reason: Text,
  region: RegionId,
  requestedBy: ActorId,
  requesterRole: Role,
  requestedAt: IsoDateTime,
});
export type ComplaintCompensationRequested = z.infer<typeof ComplaintCompensationRequested>;

/** A manager approved the pending request: its requester may resolve with up to `amount` in `currency`. */
export const ComplaintCompensationApproved = z.object({
  complaintId: ComplaintId,
  amount: PositiveMinorUnits,
  currency: Currency,
  requestedBy: ActorId,
  approvedBy: ActorId,
  approverRole: Role,
  approvedAt: IsoDateTime,
});
export type ComplaintCompensationApproved = z.infer<typeof ComplaintCompensationApproved>;

/** A manager rejected the pending request, saying why (personal data); the handler may ask again. */
export const ComplaintCompensationRejected = z.object({
  complaintId: ComplaintId,
  amount: PositiveMinorUnits,
  currency: Currency,
  requestedBy: ActorId,
  reason: Text,
  rejectedBy: ActorId,
  rejecterRole: Role,
  rejectedAt: IsoDateTime,
});
export type ComplaintCompensationRejected = z.infer<typeof ComplaintCompensationRejected>;

/** ComplaintCompensationRequested event. */
export type ComplaintCompensationRequestedEvent = Event<
  'ComplaintCompensationRequested',
  ComplaintCompensationRequested
>;
/** ComplaintCompensationApproved event. */
export type ComplaintCompensationApprovedEvent = Event<'ComplaintCompensationApproved', ComplaintCompensationApproved>;
/** ComplaintCompensationRejected event. */
export type ComplaintCompensationRejectedEvent = Event<'ComplaintCompensationRejected', ComplaintCompensationRejected>;

/** The events of a compensation's approval. */
export type ComplaintCompensationEvent =
  ComplaintCompensationRequestedEvent | ComplaintCompensationApprovedEvent | ComplaintCompensationRejectedEvent;
