import { Global, Inject, Injectable, Module, type BeforeApplicationShutdown, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { salesbookEventRegistry } from '@salesbook/domain';
import { createEventCodec, type EventStore } from '@salesbook/eventstore';
import { ProjectionRunner, type Projection } from '@salesbook/projections';
import type { ApiConfig } from '../config/config.js';
import { openEventStore, openReadModels } from './open-store.js';
import { API_CONFIG, CLOCK, EVENT_CODEC, EVENT_STORE, PROJECTION_RUNNER, READ_MODELS, type Clock } from './tokens.js';

/** What tests may put in place of the configured resources. */
export interface InfrastructureOverrides {
  readonly store?: EventStore;
  readonly clock?: Clock;
}

/** Starts the projection runner once the app is up; closes runner, read models and store on shutdown. */
@Injectable()
class InfrastructureLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly db: Database.Database,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.runner.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
    this.db.close();
  }
}

/** The event store chosen by `SALESBOOK_EVENTSTORE`, the codec, the read models and the projection runner, for every module. */
@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(config: ApiConfig, projections: readonly Projection[], overrides: InfrastructureOverrides = {}): DynamicModule {
    const store = overrides.store ?? openEventStore(config.store);
    const db = openReadModels(config.readModelsPath);
    const runner = new ProjectionRunner({ db, store, projections, zone: config.timeZone });
    return {
      module: InfrastructureModule,
      providers: [
        { provide: API_CONFIG, useValue: config },
        { provide: EVENT_STORE, useValue: store },
        { provide: EVENT_CODEC, useValue: createEventCodec(salesbookEventRegistry) },
        { provide: READ_MODELS, useValue: db },
        { provide: PROJECTION_RUNNER, useValue: runner },
        { provide: CLOCK, useValue: overrides.clock ?? (() => new Date()) },
        InfrastructureLifecycle,
      ],
      exports: [API_CONFIG, EVENT_STORE, EVENT_CODEC, READ_MODELS, PROJECTION_RUNNER, CLOCK],
    };
  }
}
