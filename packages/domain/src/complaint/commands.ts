import { z } from 'zod';
import { ActorId, ComplaintId, CustomerId, OrderId, RegionId } from '../shared/ids.js';
import type { Command } from '../shared/message.js';
import { Currency, PositiveMinorUnits } from '../shared/money.js';
import {
  ComplaintCategory,
  ComplaintChannel,
  ComplaintSeverity,
  complaintText,
  HandlingSatisfaction,
  ComplaintRootCause,
} from './vocabulary.js';

/** File a complaint of a customer, optionally about one of their orders. `description` is personal data. */
export const FileComplaint = z
  .object({
    complaintId: ComplaintId,
    customerId: CustomerId,
    orderId: OrderId.optional(),
    channel: ComplaintChannel,
    category: ComplaintCategory,
    severity: ComplaintSeverity,
    description: complaintText('description', 4_000),
  })
  .strict();
export type FileComplaint = z.infer<typeof FileComplaint>;

/** Assign (or reassign) the person who handles the complaint; never the customer's own rep. */
export const AssignComplaint = z.object({ complaintId: ComplaintId, handlerId: ActorId }).strict();
export type AssignComplaint = z.infer<typeof AssignComplaint>;

/** Tell the customer we have the complaint: stops the acknowledgement clock. */
export const AcknowledgeComplaint = z.object({ complaintId: ComplaintId }).strict();
export type AcknowledgeComplaint = z.infer<typeof AcknowledgeComplaint>;

/** Record what the investigation found; the root cause may still be unknown. `findings` may hold personal data. */
export const RecordInvestigation = z
  .object({
    complaintId: ComplaintId,
    rootCause: ComplaintRootCause.optional(),
    findings: complaintText('findings', 4_000),
  })
  .strict();
export type RecordInvestigation = z.infer<typeof RecordInvestigation>;

/** Wait on the customer (information, samples, a visit): pauses the SLA clock. `note` may hold personal data. */
export const AwaitCustomer = z.object({ complaintId: ComplaintId, note: complaintText('note', 2_000) }).strict();
export type AwaitCustomer = z.infer<typeof AwaitCustomer>;

/** The customer answered: the investigation and the SLA clock resume. `note` may hold personal data. */
export const RecordCustomerResponse = z
  .object({ complaintId: ComplaintId, note: complaintText('note', 2_000).optional() })
  .strict();
export type RecordCustomerResponse = z.infer<typeof RecordCustomerResponse>;

/** Escalate the complaint to someone (usually a manager), with the reason. */
export const EscalateComplaint = z
  .object({ complaintId: ComplaintId, escalateTo: ActorId, reason: complaintText('reason', 1_000) })
  .strict();
export type EscalateComplaint = z.infer<typeof EscalateComplaint>;

/** Compensation offered to the customer: a positive amount in minor units. */
export const ComplaintCompensation = z
  .object({
    amount: PositiveMinorUnits,
    currency: Currency,
  })
  .strict();
export type ComplaintCompensation = z.infer<typeof ComplaintCompensation>;

/**
 * Resolve the complaint. The root cause comes from here or from an earlier investigation
 * (this one wins); compensation above 100000 minor units needs a manager, or a manager's approval
 * of the resolver's own request (up to the approved amount, in its currency).
 */
export const ResolveComplaint = z
  .object({
    complaintId: ComplaintId,
    resolution: complaintText('resolution', 4_000),
    rootCause: ComplaintRootCause.optional(),
    compensation: ComplaintCompensation.optional(),
  })
  .strict();
export type ResolveComplaint = z.infer<typeof ResolveComplaint>;

/** Ask a manager to approve a compensation above the threshold; `reason` (why it is due) may hold personal data. */
export const RequestCompensationApproval = z
  .object({
    complaintId: ComplaintId,
    amount: PositiveMinorUnits,
    currency: Currency,
    reason: complaintText('reason', 1_000),
  })
  .strict();
export type RequestCompensationApproval = z.infer<typeof RequestCompensationApproval>;

/** A manager of the complaint's region approves the pending compensation request. */
export const ApproveCompensation = z.object({ complaintId: ComplaintId }).strict();
export type ApproveCompensation = z.infer<typeof ApproveCompensation>;

/** A manager of the complaint's region rejects the pending compensation request; `reason` may hold personal data. */
export const RejectCompensation = z
  .object({ complaintId: ComplaintId, reason: complaintText('reason', 1_000) })
  .strict();
export type RejectCompensation = z.infer<typeof RejectCompensation>;

/** Close a resolved complaint with the customer's satisfaction with the handling (1-5). */
export const CloseComplaint = z.object({ complaintId: ComplaintId, satisfaction: HandlingSatisfaction }).strict();
export type CloseComplaint = z.infer<typeof CloseComplaint>;

/** Reopen a closed complaint (within 30 days of closing): back to investigating. */
export const ReopenComplaint = z.object({ complaintId: ComplaintId, reason: complaintText('reason', 1_000) }).strict();
export type ReopenComplaint = z.infer<typeof ReopenComplaint>;

/** What the command handler knows of the complaint's customer, loaded from the customer's stream. */
export const ComplaintCustomerSnapshot = z.object({ ownerRepId: ActorId, region: RegionId }).strict();
export type ComplaintCustomerSnapshot = z.infer<typeof ComplaintCustomerSnapshot>;

/** Inputs of FileComplaint: `customer` is `null` when no such customer exists. Never sent by clients. */
export interface ComplaintCustomerInputs {
  readonly customer: ComplaintCustomerSnapshot | null;
}

/** FileComplaint with the customer's owner rep and region the handler loaded. */
export type FileComplaintCommand = Command<'FileComplaint', FileComplaint> & {
  readonly inputs: ComplaintCustomerInputs;
};
/** AssignComplaint command. */
export type AssignComplaintCommand = Command<'AssignComplaint', AssignComplaint>;
/** AcknowledgeComplaint command. */
export type AcknowledgeComplaintCommand = Command<'AcknowledgeComplaint', AcknowledgeComplaint>;
/** RecordInvestigation command. */
export type RecordInvestigationCommand = Command<'RecordInvestigation', RecordInvestigation>;
/** AwaitCustomer command. */
export type AwaitCustomerCommand = Command<'AwaitCustomer', AwaitCustomer>;
/** RecordCustomerResponse command. */
export type RecordCustomerResponseCommand = Command<'RecordCustomerResponse', RecordCustomerResponse>;
/** EscalateComplaint command. */
export type EscalateComplaintCommand = Command<'EscalateComplaint', EscalateComplaint>;
/** ResolveComplaint command. */
export type ResolveComplaintCommand = Command<'ResolveComplaint', ResolveComplaint>;
/** RequestCompensationApproval command. */
export type RequestCompensationApprovalCommand = Command<'RequestCompensationApproval', RequestCompensationApproval>;
/** ApproveCompensation command. */
export type ApproveCompensationCommand = Command<'ApproveCompensation', ApproveCompensation>;
/** RejectCompensation command. */
export type RejectCompensationCommand = Command<'RejectCompensation', RejectCompensation>;
/** CloseComplaint command. */
export type CloseComplaintCommand = Command<'CloseComplaint', CloseComplaint>;
/** ReopenComplaint command. */
export type ReopenComplaintCommand = Command<'ReopenComplaint', ReopenComplaint>;

/** Every command of the Complaint aggregate (stream `complaint-<id>`). */
export type ComplaintCommand =
  | FileComplaintCommand
  | AssignComplaintCommand
  | AcknowledgeComplaintCommand
  | RecordInvestigationCommand
  | AwaitCustomerCommand
  | RecordCustomerResponseCommand
  | EscalateComplaintCommand
  | ResolveComplaintCommand
  | RequestCompensationApprovalCommand
  | ApproveCompensationCommand
  | RejectCompensationCommand
  | CloseComplaintCommand
  | ReopenComplaintCommand;

/** Schemas of the commands' `data`, by command type (HTTP validation and OpenAPI). */
export const complaintCommandSchemas = {
  FileComplaint,
  AssignComplaint,
  AcknowledgeComplaint,
  RecordInvestigation,
  AwaitCustomer,
  RecordCustomerResponse,
  EscalateComplaint,
  ResolveComplaint,
  RequestCompensationApproval,
  ApproveCompensation,
  RejectCompensation,
  CloseComplaint,
  ReopenComplaint,
} as const;
