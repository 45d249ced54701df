import { Module } from '@nestjs/common';
import { CommandGateway } from '../commands/command-gateway.js';
import { MarketController } from './market.controller.js';
import { CompetitorCommandHandler, MarketCommandHandler } from './market.handlers.js';

/** Market research: its command routes (the market share and competitor price reports are report routes). */
@Module({
  controllers: [MarketController],
  providers: [CommandGateway, MarketCommandHandler, CompetitorCommandHandler],
})
export class MarketModule {}
