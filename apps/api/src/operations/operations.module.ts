import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { PoliciesModule } from '../policies/policies.module.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { OperationsController } from './operations.controller.js';

/** Operations: health, readiness and projection (and policy) status. */
@Module({
  imports: [TerminusModule.forRoot({ logger: false }), PoliciesModule, WebhooksModule],
  controllers: [OperationsController],
})
export class OperationsModule {}
