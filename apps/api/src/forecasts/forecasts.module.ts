import { Module } from '@nestjs/common';
import { CommandGateway } from '../commands/command-gateway.js';
import { ForecastsController } from './forecasts.controller.js';
import { ForecastCommandHandler } from './forecasts.handlers.js';

/** Submitted forecasts: their command routes (the forecasts as they stood are a report route). */
@Module({
  controllers: [ForecastsController],
  providers: [CommandGateway, ForecastCommandHandler],
})
export class ForecastsModule {}
