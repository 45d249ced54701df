import { CommandBus } from '@nestjs/cqrs';
import { Injectable } from '@nestjs/common';
import { PlaceOrder, type CommandMetadata, type Opportunity, type OrderId, type QuotationId } from '@salesbook/domain';
import type { CommandReply } from '../commands/command-request.js';
import { OrderCommandMessage } from '../orders/orders.handlers.js';
import { TeamRegister } from '../team/team-register.js';

/**
 * Places the order of an accepted quotation through the order's own handler (its customer, credit and pricing checks):
 * the quotation's lines at their quoted net prices and its terms, for the opportunity's customer, rep, region and
 * currency. The order id is the quotation's and the command id is derived from the quotation, so a retried acceptance
 * is the same command to the order's stream and never places a second order.
 */
@Injectable()
export class QuotedOrderPlacer {
  constructor(
    private readonly bus: CommandBus,
    private readonly team: TeamRegister,
  ) {}

  async place(
    opportunity: Opportunity,
    quotationId: QuotationId,
    orderId: OrderId,
    metadata: CommandMetadata,
    causationId: string,
  ): Promise<CommandReply> {
    const quotation = opportunity.quotations[quotationId];
    if (quotation === undefined)
      throw new Error(`quotation ${quotationId} is not on opportunity ${opportunity.opportunityId}`);
    const data = PlaceOrder.parse({
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
    const payload = { type: 'PlaceOrder' as const, data };
    const access = await this.team.facts({ ...payload, metadata });
    const commandId = `quotation:${opportunity.opportunityId}:${quotationId}`;
    return this.bus.execute(
      new OrderCommandMessage({ payload, metadata, access, commandId, causationId, correlationId: causationId }),
    );
  }
}
