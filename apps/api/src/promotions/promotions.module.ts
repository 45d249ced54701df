import { Module } from '@nestjs/common';
import { CommandGateway } from '../commands/command-gateway.js';
import { PromotionsController } from './promotions.controller.js';
import { PromotionCommandHandler } from './promotions.handlers.js';

/** Promotions: their command routes (the list is a report route). */
@Module({
  controllers: [PromotionsController],
  providers: [CommandGateway, PromotionCommandHandler],
})
export class PromotionsModule {}
