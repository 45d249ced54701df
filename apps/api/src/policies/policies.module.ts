import { Module } from '@nestjs/common';
import { OrderToReceivablePolicy } from './order-to-receivable.policy.js';

/** Policies: event handlers fed from the event store's subscription that send commands. */
@Module({ providers: [OrderToReceivablePolicy], exports: [OrderToReceivablePolicy] })
export class PoliciesModule {}
