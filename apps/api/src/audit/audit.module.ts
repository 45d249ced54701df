import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module.js';
import { AuditAccess } from './audit-access.js';
import { AuditController } from './audit.controller.js';
import { AggregateStateHandler, StreamHistoryHandler } from './audit.handlers.js';
import { PersonalDataReadsHandler } from './read-log.handlers.js';

/**
 * Audit: stream histories and aggregate states as of a time or revision, personal data as the caller may see it
 * ({@link AuditAccess}: opened and logged, masked, or refused), and the personal data read log, through the QueryBus.
 */
@Module({
  imports: [CustomersModule],
  controllers: [AuditController],
  providers: [AuditAccess, StreamHistoryHandler, AggregateStateHandler, PersonalDataReadsHandler],
})
export class AuditModule {}
