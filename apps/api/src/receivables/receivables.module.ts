import { Module } from '@nestjs/common';
import { CommandGateway } from '../commands/command-gateway.js';
import { ReceivablesController } from './receivables.controller.js';
import { ReceivableCommandHandler } from './receivables.handlers.js';

/** Receivables: their command routes and handler (the order policy sends OpenReceivable through the same handler). */
@Module({
  controllers: [ReceivablesController],
  providers: [CommandGateway, ReceivableCommandHandler],
})
export class ReceivablesModule {}
