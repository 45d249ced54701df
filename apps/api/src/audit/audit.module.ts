import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller.js';
import { AggregateStateHandler, StreamHistoryHandler } from './audit.handlers.js';

/** Audit: stream histories and aggregate states as of a time or revision, through the QueryBus. */
@Module({ controllers: [AuditController], providers: [StreamHistoryHandler, AggregateStateHandler] })
export class AuditModule {}
