import { z } from 'zod';

/** What every caller-supplied id must match (a UUID matches too). */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

const brandedId = <B extends string>(_brand: B) =>
  z
    .string()
    .regex(ID_PATTERN, 'must be 1-64 characters: letters, digits, ".", "_" or "-", starting with a letter or digit')
    .brand<B>();

/** Id of a customer (stream `customer-<id>`). */
export const CustomerId = brandedId('CustomerId');
export type CustomerId = z.infer<typeof CustomerId>;
/** Id of an opportunity (stream `opportunity-<id>`). */
export const OpportunityId = brandedId('OpportunityId');
export type OpportunityId = z.infer<typeof OpportunityId>;
/** Id of a quotation sent from an opportunity; accepting it places the order with the same id. */
export const QuotationId = brandedId('QuotationId');
export type QuotationId = z.infer<typeof QuotationId>;
/** Id of an order (stream `order-<id>`). */
export const OrderId = brandedId('OrderId');
export type OrderId = z.infer<typeof OrderId>;
/** Id of a receivable, one per invoice (stream `receivable-<id>`). */
export const ReceivableId = brandedId('ReceivableId');
export type ReceivableId = z.infer<typeof ReceivableId>;
/** Id of a complaint (stream `complaint-<id>`). */
export const ComplaintId = brandedId('ComplaintId');
export type ComplaintId = z.infer<typeof ComplaintId>;
/** Id of a person or system acting (a rep is the `sub` of their token). */
export const ActorId = brandedId('ActorId');
export type ActorId = z.infer<typeof ActorId>;
/** Id of a sales region (the `region` claim of a token). */
export const RegionId = brandedId('RegionId');
export type RegionId = z.infer<typeof RegionId>;
/** Id of a satisfaction survey campaign. */
export const SurveyId = brandedId('SurveyId');
export type SurveyId = z.infer<typeof SurveyId>;
/** Id of an improvement action (stream `action-<id>`). */
export const ActionId = brandedId('ActionId');
export type ActionId = z.infer<typeof ActionId>;
/** Id of one invitation of a survey campaign: `<campaign id>.<n>`, derived by the campaign when it is launched. */
export const InvitationId = brandedId('InvitationId');
export type InvitationId = z.infer<typeof InvitationId>;
/** Id of a payment, unique per receivable; a repeat is a no-op. */
export const PaymentId = brandedId('PaymentId');
export type PaymentId = z.infer<typeof PaymentId>;
/** Id of a shipment of an order. */
export const ShipmentId = brandedId('ShipmentId');
export type ShipmentId = z.infer<typeof ShipmentId>;
/** Id of a webhook subscription, chosen by the manager who makes it. */
export const SubscriptionId = brandedId('SubscriptionId');
export type SubscriptionId = z.infer<typeof SubscriptionId>;
/** Product code of an order line. */
export const Sku = brandedId('Sku');
export type Sku = z.infer<typeof Sku>;
/** Id of an order line, stable across amendments. */
export const LineId = brandedId('LineId');
export type LineId = z.infer<typeof LineId>;

/** Id of a price list (stream `pricelist-<id>`). */
export const PriceListId = brandedId('PriceListId');
export type PriceListId = z.infer<typeof PriceListId>;
/** Id of a promotion (stream `promotion-<id>`). */
export const PromotionId = brandedId('PromotionId');
export type PromotionId = z.infer<typeof PromotionId>;

/** Id of a commission plan, chosen by the sales manager who sets it (e.g. `east-2026`). */
export const CommissionPlanId = brandedId('CommissionPlanId');
export type CommissionPlanId = z.infer<typeof CommissionPlanId>;

/** Brands a string that is already known to be a valid id (e.g. read back from a stream name). */
export const unsafeId = <T extends string & z.core.$brand<string>>(value: string): T => value as T;

/** Id of a competitor price observation (stream `competitor-<id>`), chosen by the analyst who records it. */
export const ObservationId = brandedId('ObservationId');
export type ObservationId = z.infer<typeof ObservationId>;
