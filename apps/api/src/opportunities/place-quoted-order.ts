import { CommandBus } from '@nestjs/cqrs';
import { Injectable } from '@nestjs/common';
import { quotedOrder, type CommandMetadata, type Opportunity, type OrderId, type QuotationId } from '@salesbook/domain';
import type { CommandReply } from '../commands/command-request.js';
import { OrderCommandMessage } from '../orders/orders.handlers.js';
import { TeamRegister } from '../team/team-register.js';

/**
 * Places the order of an accepted quotation (the domain's `quotedOrder`) through the order's own handler (its customer,
 * credit and pricing checks). The order id is the quotation's and the command id is derived from the quotation, so a retried acceptance
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
    const data = quotedOrder(opportunity, quotationId, orderId);
    if (data === null) throw new Error(`quotation ${quotationId} is not on opportunity ${opportunity.opportunityId}`);
    const payload = { type: 'PlaceOrder' as const, data };
    const access = await this.team.facts({ ...payload, metadata });
    const commandId = `quotation:${opportunity.opportunityId}:${quotationId}`;
    return this.bus.execute(
      new OrderCommandMessage({ payload, metadata, access, commandId, causationId, correlationId: causationId }),
    );
  }
}
