import { z } from 'zod';
import { ActorId, CustomerId, OpportunityId, QuotationId, RegionId, type OrderId } from '../shared/ids.js';
import type { Command } from '../shared/message.js';
import { BasisPoints, Currency, NonNegativeMinorUnits } from '../shared/money.js';
import { BusinessDate, YearMonth, type IsoDate } from '../shared/time.js';
import type { PricingFacts } from '../order/list-pricing.js';
import { OrderLines } from '../order/order-line.js';
import { PaymentTerms } from '../order/payment-terms.js';

/** The stages an opportunity moves through while open. */
export const OpenStage = z.enum(['qualified', 'proposal', 'negotiation'], {
  message: 'stage must be qualified, proposal or negotiation',
});
export type OpenStage = z.infer<typeof OpenStage>;
/** Every stage: the open ones, then won or lost. */
export const OpportunityStage = z.enum(['qualified', 'proposal', 'negotiation', 'won', 'lost']);
export type OpportunityStage = z.infer<typeof OpportunityStage>;
/** Why an opportunity was lost. */
export const LostReason = z.enum(['price', 'competitor', 'no_budget', 'no_decision', 'timing', 'other'], {
  message: 'reason must be price, competitor, no_budget, no_decision, timing or other',
});
export type LostReason = z.infer<typeof LostReason>;

const Probability = BasisPoints.describe('Probability in basis points (0-10000), overriding the stage default');

/** Open an opportunity for a customer: its value, the month it is expected to close, the stage (default qualified). */
export const OpenOpportunity = z
  .object({
    opportunityId: OpportunityId,
    customerId: CustomerId,
    repId: ActorId,
    region: RegionId.optional(),
    title: z
      .string({ message: 'title must be a text' })
      .trim()
      .min(1, 'title must not be empty')
      .max(200, 'title must be at most 200 characters'),
    amount: NonNegativeMinorUnits,
    currency: Currency,
    expectedCloseMonth: YearMonth,
    stage: OpenStage.optional(),
    probabilityBp: Probability.optional(),
  })
  .strict();
export type OpenOpportunity = z.infer<typeof OpenOpportunity>;

/** Revise an open opportunity's amount, expected close month or probability (`null` returns to the stage default). */
export const ReviseOpportunity = z
  .object({
    opportunityId: OpportunityId,
    amount: NonNegativeMinorUnits.optional(),
    expectedCloseMonth: YearMonth.optional(),
    probabilityBp: Probability.nullable().optional(),
  })
  .strict()
  .refine((d) => d.amount !== undefined || d.expectedCloseMonth !== undefined || d.probabilityBp !== undefined, {
    message: 'a revision changes amount, expectedCloseMonth or probabilityBp',
    path: ['amount'],
  });
export type ReviseOpportunity = z.infer<typeof ReviseOpportunity>;

/** Move an open opportunity to another open stage; its probability becomes the stage's default unless one is given. */
export const MoveOpportunityStage = z
  .object({ opportunityId: OpportunityId, stage: OpenStage, probabilityBp: Probability.optional() })
  .strict();
export type MoveOpportunityStage = z.infer<typeof MoveOpportunityStage>;

/** The opportunity is lost, and why. */
export const LoseOpportunity = z
  .object({
    opportunityId: OpportunityId,
    reason: LostReason,
    note: z
      .string({ message: 'note must be a text' })
      .trim()
      .min(1, 'note must not be empty')
      .max(1_000, 'note must be at most 1000 characters')
      .optional(),
  })
  .strict();
export type LoseOpportunity = z.infer<typeof LoseOpportunity>;

/** Send a quotation from an open opportunity: lines priced as an order's, valid until a date, the order's terms. */
export const SendQuotation = z
  .object({
    opportunityId: OpportunityId,
    quotationId: QuotationId,
    lines: OrderLines,
    validUntil: BusinessDate,
    promisedDeliveryDate: BusinessDate,
    paymentTerms: PaymentTerms,
  })
  .strict();
export type SendQuotation = z.infer<typeof SendQuotation>;

/** The customer accepted a quotation: its order is placed and the opportunity is won by it. */
export const AcceptQuotation = z.object({ opportunityId: OpportunityId, quotationId: QuotationId }).strict();
export type AcceptQuotation = z.infer<typeof AcceptQuotation>;

/** What the handler knows of the customer when an opportunity is opened (`null`: no such customer). */
export interface OpportunityCustomer {
  readonly active: boolean;
  readonly ownerRep: ActorId;
  readonly homeRegion: RegionId;
  readonly segment: string;
}

/** OpenOpportunity as a command, with the customer the handler loaded. */
export type OpenOpportunityCommand = Command<'OpenOpportunity', OpenOpportunity> & {
  readonly inputs: { readonly customer: OpportunityCustomer | null };
};
/** ReviseOpportunity as a command. */
export type ReviseOpportunityCommand = Command<'ReviseOpportunity', ReviseOpportunity>;
/** MoveOpportunityStage as a command. */
export type MoveOpportunityStageCommand = Command<'MoveOpportunityStage', MoveOpportunityStage>;
/** LoseOpportunity as a command. */
export type LoseOpportunityCommand = Command<'LoseOpportunity', LoseOpportunity>;
/** SendQuotation as a command, with the business date and the pricing facts of that day (none: every line names its price). */
export type SendQuotationCommand = Command<'SendQuotation', SendQuotation> & {
  readonly inputs: { readonly on: IsoDate; readonly pricing?: PricingFacts };
};
/** AcceptQuotation as a command, with the business date and the order the handler placed from the quotation. */
export type AcceptQuotationCommand = Command<'AcceptQuotation', AcceptQuotation> & {
  readonly inputs: { readonly on: IsoDate; readonly orderId: OrderId };
};

/** Every Opportunity command (stream `opportunity-<id>`). */
export type OpportunityCommand =
  | OpenOpportunityCommand
  | ReviseOpportunityCommand
  | MoveOpportunityStageCommand
  | LoseOpportunityCommand
  | SendQuotationCommand
  | AcceptQuotationCommand;

/** Schemas of the Opportunity commands' data, by command type (HTTP validation and OpenAPI). */
export const opportunityCommandSchemas = {
  OpenOpportunity,
  ReviseOpportunity,
  MoveOpportunityStage,
  LoseOpportunity,
  SendQuotation,
  AcceptQuotation,
} as const;
