import { z } from 'zod';
import { ActorId, RegionId } from '../shared/ids.js';
import { Money, NonNegativeMinorUnits } from '../shared/money.js';

/**
 * What the command handler knows of the order's customer when it places or confirms an order:
 * loaded from the customer's stream and (openReceivables) the collections read model. Never sent by clients.
 */
export const CustomerSnapshot = z.object({
  status: z.enum(['active', 'deactivated']),
  homeRegion: RegionId,
  ownerRep: ActorId,
  segment: z.string().min(1),
  /** Absent when the customer has no credit limit. */
  creditLimit: Money.optional(),
  /** Outstanding receivables of the customer, in minor units of the order's currency. */
  openReceivables: NonNegativeMinorUnits,
});
export type CustomerSnapshot = z.infer<typeof CustomerSnapshot>;

/** Inputs of PlaceOrder and ConfirmOrder: `null` when the customer does not exist. */
export interface CustomerInputs {
  readonly customer: CustomerSnapshot | null;
}
