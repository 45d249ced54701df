import { z } from 'zod';
import { ActorId, CustomerId, InvitationId, RegionId, SurveyId } from '../shared/ids.js';
import type { Command } from '../shared/message.js';
import { Money, NonNegativeMinorUnits } from '../shared/money.js';
import { YearMonth } from '../shared/time.js';
import { Contact, CsatScore, CustomerSize, NpsScore, Segment, SurveyScores, Text } from './vocabulary.js';

const BusinessScope = Text('businessScope', 2_000);
const PurchasingHabits = Text('purchasingHabits', 2_000);

/** Register a customer with its home region, segment and owner rep; the profile fields are optional. */
export const RegisterCustomer = z
  .object({
    customerId: CustomerId,
    companyName: Text('companyName', 200),
    contact: Contact,
    region: RegionId,
    segment: Segment,
    ownerRepId: ActorId,
    size: CustomerSize.optional(),
    businessScope: BusinessScope.optional(),
    purchasingHabits: PurchasingHabits.optional(),
  })
  .strict();
export type RegisterCustomer = z.infer<typeof RegisterCustomer>;

/**
 * Update (and so review) the profile: an absent field stays as it is, `null` clears it.
 * An update with no field confirms the profile as still current. `segment` may be set too,
 * so customers upcast from v1 (`unassigned`) can be classified.
 */
export const UpdateCustomerProfile = z
  .object({
    customerId: CustomerId,
    size: CustomerSize.nullable().optional(),
    businessScope: BusinessScope.nullable().optional(),
    purchasingHabits: PurchasingHabits.nullable().optional(),
    segment: Segment.optional(),
  })
  .strict();
export type UpdateCustomerProfile = z.infer<typeof UpdateCustomerProfile>;

/** Replace the contact person (name, phone and e-mail together). */
export const ChangeCustomerContact = z.object({ customerId: CustomerId, contact: Contact }).strict();
export type ChangeCustomerContact = z.infer<typeof ChangeCustomerContact>;

/** Give the customer another owner rep and, optionally, another home region (managers only). */
export const ReassignCustomer = z
  .object({ customerId: CustomerId, ownerRepId: ActorId, region: RegionId.optional() })
  .strict();
export type ReassignCustomer = z.infer<typeof ReassignCustomer>;

/** Set the customer's credit limit (managers only); 0 means no credit at all. */
export const SetCreditLimit = z
  .object({ customerId: CustomerId, creditLimit: Money.extend({ amount: NonNegativeMinorUnits }).strict() })
  .strict();
export type SetCreditLimit = z.infer<typeof SetCreditLimit>;

/** Record one customer's answer to a satisfaction survey; `period` is the month surveyed, `YYYY-MM`. */
export const RecordSatisfactionSurvey = z
  .object({
    customerId: CustomerId,
    surveyId: SurveyId,
    period: YearMonth,
    nps: NpsScore,
    csat: CsatScore,
    scores: SurveyScores,
    comment: Text('comment', 4_000).optional(),
  })
  .strict();
export type RecordSatisfactionSurvey = z.infer<typeof RecordSatisfactionSurvey>;

/**
 * Close the follow-up an unhappy answer opened (`surveyId` names the answer): what was done, and whether the
 * customer was recovered. `actionTaken` is required, except after the customer's personal data was erased.
 */
export const CloseDetractorFollowUp = z
  .object({
    customerId: CustomerId,
    surveyId: SurveyId,
    actionTaken: Text('actionTaken', 2_000).optional(),
    recovered: z.boolean({ message: 'recovered must be true or false' }),
  })
  .strict();
export type CloseDetractorFollowUp = z.infer<typeof CloseDetractorFollowUp>;
/** The answer to a campaign's questions, as the customer gives it (link) or a rep takes it down (phone). */
export const CampaignAnswer = z
  .object({ nps: NpsScore, csat: CsatScore, scores: SurveyScores, comment: Text('comment', 4_000).optional() })
  .strict();
export type CampaignAnswer = z.infer<typeof CampaignAnswer>;

/**
 * Record the answer to a survey campaign's invitation: the handler checks the invitation may be answered and fills in
 * the campaign, the month it surveys and the customer invited. One answer per invitation, whatever it says.
 */
export const RecordCampaignAnswer = CampaignAnswer.extend({
  customerId: CustomerId,
  campaignId: SurveyId,
  invitationId: InvitationId,
  period: YearMonth,
  channel: z.enum(['link', 'phone']),
}).strict();
export type RecordCampaignAnswer = z.infer<typeof RecordCampaignAnswer>;

/** Erase the customer's personal data (contact person, survey comments): a data-subject request. */
export const ForgetCustomerPersonalData = z.object({ customerId: CustomerId, reason: Text('reason', 1_000) }).strict();
export type ForgetCustomerPersonalData = z.infer<typeof ForgetCustomerPersonalData>;

/** Deactivate the customer: no new orders, surveys or profile changes afterwards. */
export const DeactivateCustomer = z.object({ customerId: CustomerId, reason: Text('reason', 1_000) }).strict();
export type DeactivateCustomer = z.infer<typeof DeactivateCustomer>;

/** RegisterCustomer as a command. */
export type RegisterCustomerCommand = Command<'RegisterCustomer', RegisterCustomer>;
/** UpdateCustomerProfile as a command. */
export type UpdateCustomerProfileCommand = Command<'UpdateCustomerProfile', UpdateCustomerProfile>;
/** ChangeCustomerContact as a command. */
export type ChangeCustomerContactCommand = Command<'ChangeCustomerContact', ChangeCustomerContact>;
/** ReassignCustomer as a command. */
export type ReassignCustomerCommand = Command<'ReassignCustomer', ReassignCustomer>;
/** SetCreditLimit as a command. */
export type SetCreditLimitCommand = Command<'SetCreditLimit', SetCreditLimit>;
/** RecordCampaignAnswer as a command. */
export type RecordCampaignAnswerCommand = Command<'RecordCampaignAnswer', RecordCampaignAnswer>;
/** RecordSatisfactionSurvey as a command. */
export type RecordSatisfactionSurveyCommand = Command<'RecordSatisfactionSurvey', RecordSatisfactionSurvey>;
/** CloseDetractorFollowUp as a command. */
export type CloseDetractorFollowUpCommand = Command<'CloseDetractorFollowUp', CloseDetractorFollowUp>;
/** ForgetCustomerPersonalData as a command. */
export type ForgetCustomerPersonalDataCommand = Command<'ForgetCustomerPersonalData', ForgetCustomerPersonalData>;
/** DeactivateCustomer as a command. */
export type DeactivateCustomerCommand = Command<'DeactivateCustomer', DeactivateCustomer>;

/** Every Customer command. */
export type CustomerCommand =
  | RegisterCustomerCommand
  | UpdateCustomerProfileCommand
  | ChangeCustomerContactCommand
  | ReassignCustomerCommand
  | SetCreditLimitCommand
  | RecordSatisfactionSurveyCommand
  | CloseDetractorFollowUpCommand
  | RecordCampaignAnswerCommand
  | ForgetCustomerPersonalDataCommand
  | DeactivateCustomerCommand;

/** Schemas of the Customer commands' data, by command type (HTTP validation and OpenAPI). */
export const customerCommandSchemas = {
  RegisterCustomer,
  UpdateCustomerProfile,
  ChangeCustomerContact,
  ReassignCustomer,
  SetCreditLimit,
  RecordSatisfactionSurvey,
  CloseDetractorFollowUp,
  RecordCampaignAnswer,
  ForgetCustomerPersonalData,
  DeactivateCustomer,
} as const;
