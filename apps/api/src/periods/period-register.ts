import { Inject, Injectable } from '@nestjs/common';
import { isLeft } from 'fp-ts/lib/Either.js';
import {
  closedMonths,
  periodDecider,
  periodEventRegistry,
  PERIOD_STREAM,
  type PeriodFacts,
  type PeriodsState,
} from '@salesbook/domain';
import { loadAggregate, type EventCodec, type EventStore } from '@salesbook/eventstore';
import { businessDate } from '@salesbook/projections';
import type { ApiConfig } from '../config/config.js';
import { API_CONFIG, EVENT_CODEC, EVENT_STORE } from '../infrastructure/tokens.js';

/** The period close stream cannot be read: a corrupt or unknown event, never the client's fault. */
export class PeriodRegisterUnreadable extends Error {}

/**
 * The period close as the API reads it: folded from its one stream for each use (every instance on a shared
 * store sees the same closes), and the period facts of a command: the months closed now and the business date
 * (in SALESBOOK_TIMEZONE) it is recorded on.
 */
@Injectable()
export class PeriodRegister {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_CODEC) private readonly codec: EventCodec,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async state(): Promise<PeriodsState> {
    const loaded = await loadAggregate({
      store: this.store,
      codec: this.codec,
      decider: periodDecider,
      registry: periodEventRegistry,
      streamName: PERIOD_STREAM,
    });
    if (isLeft(loaded)) throw new PeriodRegisterUnreadable(`${loaded.left.code}: ${loaded.left.message}`);
    return loaded.right.state;
  }

  /** The months closed now and the business date of `occurredAt`, for the deciders' period rule. */
  async facts(occurredAt: string): Promise<PeriodFacts> {
    return { closed: closedMonths(await this.state()), recordedOn: businessDate(occurredAt, this.config.timeZone) };
  }
}
