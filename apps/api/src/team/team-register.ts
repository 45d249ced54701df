import { Inject, Injectable } from '@nestjs/common';
import { isLeft } from 'fp-ts/lib/Either.js';
import {
  accessFacts,
  teamDecider,
  teamEventRegistry,
  TEAM_STREAM,
  type AccessFacts,
  type CommandMetadata,
  type TeamCommand,
  type TeamEvent,
  type TeamState,
} from '@salesbook/domain';
import type { EventCodec, EventStore } from '@salesbook/eventstore';
import { businessDate } from '@salesbook/projections';
import type { ApiConfig } from '../config/config.js';
import { KeptFold } from '../infrastructure/kept-fold.js';
import { API_CONFIG, EVENT_CODEC, EVENT_STORE } from '../infrastructure/tokens.js';

/** The register's stream cannot be read: a corrupt or unknown event, never the client's fault. */
export class TeamRegisterUnreadable extends Error {}

/**
 * The sales team register as the API reads it: its one stream read at each use, so every instance on a shared
 * store sees the same register, folded onto the state kept from the last use (only the events written since are
 * read and decoded: the whole register was a third of a command's work); and the access facts of a command at its
 * business date (in SALESBOOK_TIMEZONE).
 */
@Injectable()
export class TeamRegister {
  /** The register as this instance last read it: what reads are checked against while the store is away. */
  private lastRead: TeamState | undefined;
  private readonly register: KeptFold<TeamCommand, TeamEvent, TeamState>;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(EVENT_CODEC) codec: EventCodec,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {
    this.register = new KeptFold({
      store,
      codec,
      decider: teamDecider,
      registry: teamEventRegistry,
      streamName: TEAM_STREAM,
    });
  }

  async state(): Promise<TeamState> {
    const loaded = await this.register.current();
    if (isLeft(loaded)) throw new TeamRegisterUnreadable(`${loaded.left.code}: ${loaded.left.message}`);
    this.lastRead = loaded.right;
    return loaded.right;
  }

  /**
   * The register for checking a read: fresh from the store, or, while the store cannot be reached, as this
   * instance last read it, so the read models keep answering through an outage (a change made meanwhile through
   * another instance counts here once the store is back). Before any successful read, an outage is the caller's to report.
   */
  async stateForReads(): Promise<TeamState> {
    try {
      return await this.state();
    } catch (error) {
      if (error instanceof TeamRegisterUnreadable || this.lastRead === undefined) throw error;
      return this.lastRead;
    }
  }

  /** What the register says of the command's actor (and the rep it names) on the command's business date. */
  async facts(command: {
    readonly type: string;
    readonly data: unknown;
    readonly metadata: CommandMetadata;
  }): Promise<AccessFacts> {
    return accessFacts(await this.state(), command, this.businessDate(command.metadata.occurredAt));
  }

  /** The business date of an instant in SALESBOOK_TIMEZONE. */
  businessDate(instant: string): string {
    return businessDate(instant, this.config.timeZone);
  }
}
