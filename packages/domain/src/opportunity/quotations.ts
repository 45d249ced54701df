import { right, type Either } from 'fp-ts/lib/Either.js';
import { priceLines } from '../order/list-pricing.js';
import { orderTotal } from '../order/order-line.js';
import type { DomainError } from '../shared/domain-error.js';
import type { AcceptQuotationCommand, SendQuotationCommand } from './commands.js';
import { refuse } from './errors.js';
import type { OpportunityEvent } from './events.js';
import type { Opportunity, OpportunityState, Quotation } from './state.js';

type Decision = Either<DomainError, readonly OpportunityEvent[]>;

/** The same quotation sent again: the same validity and the same lines (ids, skus, quantities, discounts). */
const sameQuotation = (sent: Quotation, command: SendQuotationCommand): boolean =>
  sent.validUntil === command.data.validUntil &&
  JSON.stringify(sent.lines.map((l) => [l.lineId, l.sku, l.quantity, l.discountBp])) ===
    JSON.stringify(command.data.lines.map((l) => [l.lineId, l.sku, l.quantity, l.discountBp]));

/** Sends a quotation from an open opportunity, its lines priced from the lists as an order's would be that day. */
export function sendQuotation(command: SendQuotationCommand, opportunity: Opportunity): Decision {
  const { data, inputs, metadata } = command;
  const sent = opportunity.quotations[data.quotationId];
  if (sent !== undefined)
    return sameQuotation(sent, command)
      ? right([])
      : refuse('QUOTATION_ALREADY_SENT', `quotation ${data.quotationId} was already sent with other terms`, {
          quotationId: data.quotationId,
        });
  if (data.validUntil < inputs.on)
    return refuse('QUOTATION_VALIDITY_PAST', `a quotation valid until ${data.validUntil} would never hold`, {
      validUntil: data.validUntil,
    });
  const { customerId, region, currency, opportunityId } = opportunity;
  const priced = priceLines(data.lines, { customerId, region, currency }, inputs.pricing);
  if (priced._tag === 'Left') return priced;
  const { quotationId, validUntil, promisedDeliveryDate, paymentTerms } = data;
  const event = {
    opportunityId,
    quotationId,
    currency,
    lines: priced.right,
    total: orderTotal(priced.right),
    validUntil,
    promisedDeliveryDate,
    paymentTerms,
    sentBy: metadata.actor.id,
    sentAt: metadata.occurredAt,
  };
  return right([{ type: 'QuotationSent', data: event }]);
}

/**
 * The customer accepts a quotation still valid on the business date: it is accepted with the order placed from it,
 * and the opportunity is won for its total. Accepting it again is a no-op.
 */
export function acceptQuotation(command: AcceptQuotationCommand, state: OpportunityState): Decision {
  const { data, inputs, metadata } = command;
  if (state.status === 'none')
    return refuse('OPPORTUNITY_NOT_FOUND', `opportunity ${data.opportunityId} does not exist`, {
      opportunityId: data.opportunityId,
    });
  const quotation = state.quotations[data.quotationId];
  if (quotation === undefined)
    return refuse('QUOTATION_NOT_FOUND', `opportunity ${data.opportunityId} has no quotation ${data.quotationId}`, {
      quotationId: data.quotationId,
    });
  if (quotation.orderId !== null) return right([]);
  if (state.status !== 'open')
    return refuse('OPPORTUNITY_CLOSED', `opportunity ${data.opportunityId} is ${state.status}`, {
      status: state.status,
    });
  if (inputs.on > quotation.validUntil)
    return refuse('QUOTATION_EXPIRED', `quotation ${data.quotationId} held until ${quotation.validUntil}`, {
      validUntil: quotation.validUntil,
    });
  const by = { actor: metadata.actor.id, at: metadata.occurredAt };
  const { opportunityId, quotationId } = data;
  return right([
    {
      type: 'QuotationAccepted',
      data: {
        opportunityId,
        quotationId,
        orderId: inputs.orderId,
        acceptedOn: inputs.on,
        acceptedBy: by.actor,
        acceptedAt: by.at,
      },
    },
    {
      type: 'OpportunityWon',
      data: {
        opportunityId,
        quotationId,
        orderId: inputs.orderId,
        from: state.stage,
        amount: quotation.total,
        wonBy: by.actor,
        wonAt: by.at,
      },
    },
  ]);
}
