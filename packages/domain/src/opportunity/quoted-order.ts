import { PlaceOrder } from '../order/commands.js';
import type { OrderId, QuotationId } from '../shared/ids.js';
import type { Opportunity } from './state.js';

/**
 * The order an accepted quotation places: the quotation's lines at their quoted prices and discounts, its promised
 * delivery date and payment terms, for the opportunity's customer, rep, region and currency. One definition for every
 * caller (the API's acceptance and the generator), so a won deal books the same order wherever it is accepted.
 * `null` when the opportunity holds no such quotation.
 */
export function quotedOrder(opportunity: Opportunity, quotationId: QuotationId, orderId: OrderId): PlaceOrder | null {
  const quotation = opportunity.quotations[quotationId];
  if (quotation === undefined) return null;
  return PlaceOrder.parse({
    orderId,
    customerId: opportunity.customerId,
    repId: opportunity.repId,
    region: opportunity.region,
    currency: opportunity.currency,
    lines: quotation.lines.map(({ lineId, sku, description, quantity, unitPrice, discountBp }) => ({
      lineId,
      sku,
      description,
      quantity,
      unitPrice,
      discountBp,
    })),
    promisedDeliveryDate: quotation.promisedDeliveryDate,
    paymentTerms: quotation.paymentTerms,
  });
}
