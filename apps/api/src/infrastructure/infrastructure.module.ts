import {
  Global,
  Inject,
  Injectable,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type Database from 'better-sqlite3';
import { salesbookEventRegistry } from '@salesbook/domain';
import { createEventCodec, type EventStore } from '@salesbook/eventstore';
import { createPersonalDataCodec } from '@salesbook/personal-data';
import type { WalCheckpointer } from '@salesbook/sqlite-support';
import type { ManagedKeyStore } from '@salesbook/keystore';
import type { ProjectionHost } from '@salesbook/projections';
import type { ApiConfig } from '../config/config.js';
import { PeriodRegister } from '../periods/period-register.js';
import { TeamRegister } from '../team/team-register.js';
import { PersonalDataAccess } from './personal-data-access.js';
import type { ReadSide } from './read-side.js';
import {
  API_CONFIG,
  CLOCK,
  EVENT_CODEC,
  EVENT_STORE,
  KEY_STORE,
  PROJECTION_RUNNER,
  READ_MODEL_CHECKPOINTS,
  READ_MODELS,
  type Clock,
} from './tokens.js';

/** What tests may put in place of the configured resources. */
export interface InfrastructureOverrides {
  readonly store?: EventStore;
  /** The key store, e.g. the one the demonstration seed wrote through; closed with the app like the store. */
  readonly keys?: ManagedKeyStore;
  readonly clock?: Clock;
}

/** The overrides once the stores are open (`createApp` opens the configured ones, which may take a connection). */
export type OpenedInfrastructure = InfrastructureOverrides & {
  readonly keys: ManagedKeyStore;
  readonly store: EventStore;
  readonly readSide: ReadSide;
};

/** Starts the projection runner once the app is up; closes runner, read models, store and key store on shutdown. */
@Injectable()
class InfrastructureLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionHost,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly db: Database.Database,
    @Inject(KEY_STORE) private readonly keys: ManagedKeyStore,
    @Inject(READ_MODEL_CHECKPOINTS) private readonly checkpoints: WalCheckpointer | undefined,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.runner.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
    await this.checkpoints?.close();
    this.db.close();
    await this.keys.close();
  }
}

/**
 * The event store chosen by `SALESBOOK_EVENTSTORE`, the key store (`SALESBOOK_KEYSTORE`), the encrypting codec every
 * write goes through, the read models and the projection runner, for every module. Projections read the stored
 * form (personal fields sealed) and never store personal fields, so they need no key.
 */
@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(config: ApiConfig, overrides: OpenedInfrastructure): DynamicModule {
    const { keys, store } = overrides;
    const { db, checkpoints, projections: runner } = overrides.readSide;
    return {
      module: InfrastructureModule,
      providers: [
        { provide: API_CONFIG, useValue: config },
        { provide: EVENT_STORE, useValue: store },
        { provide: KEY_STORE, useValue: keys },
        {
          provide: EVENT_CODEC,
          useValue: createPersonalDataCodec({ inner: createEventCodec(salesbookEventRegistry), keys }),
        },
        { provide: READ_MODELS, useValue: db },
        { provide: READ_MODEL_CHECKPOINTS, useValue: checkpoints },
        { provide: PROJECTION_RUNNER, useValue: runner },
        { provide: CLOCK, useValue: overrides.clock ?? (() => new Date()) },
        PersonalDataAccess,
        TeamRegister,
        PeriodRegister,
        InfrastructureLifecycle,
      ],
      exports: [
        API_CONFIG,
        EVENT_STORE,
        KEY_STORE,
        EVENT_CODEC,
        READ_MODELS,
        PROJECTION_RUNNER,
        CLOCK,
        PersonalDataAccess,
        TeamRegister,
        PeriodRegister,
      ],
    };
  }
}
