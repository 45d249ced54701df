import { Inject, Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { isLeft } from 'fp-ts/lib/Either.js';
import {
  customerDecider,
  customerEventRegistry,
  customerSnapshot,
  customerStream,
  type ComplaintCustomerSnapshot,
  type CustomerId,
  type CustomerSnapshot,
  type CustomerSnapshotView,
  type DomainError,
} from '@salesbook/domain';
import { loadAggregate, type EventCodec, type EventStore } from '@salesbook/eventstore';
import { EVENT_CODEC, EVENT_STORE, READ_MODELS } from '../infrastructure/tokens.js';
import { openReceivablesOf } from './open-receivables.js';

/**
 * What other aggregates' handlers need to know of a customer, loaded from the customer's stream
 * (no personal data): the order's credit inputs (open receivables from the collections read model) and the
 * complaint's owner rep and region.
 */
@Injectable()
export class CustomerLookup {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_CODEC) private readonly codec: EventCodec,
    @Inject(READ_MODELS) private readonly db: Database.Database,
  ) {}

  async view(customerId: CustomerId): Promise<CustomerSnapshotView | null> {
    const loaded = await loadAggregate({
      store: this.store,
      codec: this.codec,
      decider: customerDecider,
      registry: customerEventRegistry,
      streamName: customerStream(customerId),
    });
    if (isLeft(loaded)) throw new CustomerUnreadable(loaded.left);
    return customerSnapshot(loaded.right.state);
  }

  /** The order's `CustomerSnapshot`: the customer package's view in the order's terms, with open receivables. */
  async forOrder(customerId: CustomerId, currency: string): Promise<CustomerSnapshot | null> {
    const view = await this.view(customerId);
    if (view === null) return null;
    return {
      status: view.status,
      homeRegion: view.region,
      ownerRep: view.ownerRepId,
      segment: view.segment,
      ...(view.creditLimit === null ? {} : { creditLimit: view.creditLimit }),
      openReceivables: openReceivablesOf(this.db, customerId, currency),
    };
  }

  /** The complaint's customer snapshot: owner rep (objectivity) and region. */
  async forComplaint(customerId: CustomerId): Promise<ComplaintCustomerSnapshot | null> {
    const view = await this.view(customerId);
    return view === null ? null : { ownerRepId: view.ownerRepId, region: view.region };
  }
}

/** The customer's stream cannot be decoded: a corrupt or unknown event, never the client's fault. */
export class CustomerUnreadable extends Error {
  constructor(readonly error: DomainError) {
    super(`${error.code}: ${error.message}`);
  }
}
