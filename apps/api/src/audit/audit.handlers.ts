import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { left, right, type Either } from 'fp-ts/lib/Either.js';
import {
  AGGREGATES,
  domainError,
  salesbookEventRegistry,
  streamCategory,
  type Actor,
  type DomainError,
} from '@salesbook/domain';
import { loadAggregate, type AsOf, type EventStore } from '@salesbook/eventstore';
import { EVENT_STORE } from '../infrastructure/tokens.js';
import { AuditAccess } from './audit-access.js';

/** One stored event as a reader sees it: data at its current schema version, personal fields as the reader may see them. */
export interface AuditedEvent {
  readonly revision: number;
  readonly position: string;
  readonly eventId: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly recordedAt: string;
}

/** Who asks, and the route they asked through (the read log's purpose). */
export interface AuditReader {
  readonly actor: Actor;
  readonly purpose: string;
}

/** What a reader saw of personal data in an answer. */
type PersonalData = { readonly personalData: 'unmasked' | 'masked' };

/** A stream's history, oldest first. */
export class StreamHistoryQuery extends Query<
  Either<DomainError, PersonalData & { streamName: string; events: AuditedEvent[] }>
> {
  constructor(
    readonly reader: AuditReader,
    readonly streamName: string,
    readonly fromRevision?: number,
    readonly maxCount = 1_000,
  ) {
    super();
  }
}

/** An aggregate's state as of a time or a revision (now, without either). */
export class AggregateStateQuery extends Query<
  Either<
    DomainError,
    PersonalData & { streamName: string; revision: number; position: string | null; asOf: AsOf | null; state: unknown }
  >
> {
  constructor(
    readonly reader: AuditReader,
    readonly streamName: string,
    readonly asOf?: AsOf,
  ) {
    super();
  }
}

const notFound = (streamName: string): DomainError =>
  domainError('STREAM_NOT_FOUND', `stream ${streamName} does not exist`, { streamName });

@QueryHandler(StreamHistoryQuery)
export class StreamHistoryHandler implements IQueryHandler<StreamHistoryQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly access: AuditAccess,
  ) {}

  async execute({ reader, streamName, fromRevision, maxCount }: StreamHistoryQuery) {
    // Access before existence: a stream the reader may not see answers as one that does not exist would to them.
    const access = await this.access.of(reader.actor, streamName, reader.purpose);
    if (access._tag === 'Left') return access;
    if (!(await this.store.streamExists(streamName))) return left(notFound(streamName));
    const recorded = await this.store.readStream(streamName, {
      maxCount,
      ...(fromRevision === undefined ? {} : { fromRevision }),
    });
    // Decoded as the reader may see it (opened and logged, or masked): never the sealed form, for anyone.
    const decoded = await access.right.codec.decode(recorded, salesbookEventRegistry);
    if (decoded._tag === 'Left') return decoded;
    const events = recorded.map((event, index) => ({
      revision: event.revision,
      position: event.position.toString(),
      eventId: event.eventId,
      type: event.type,
      data: decoded.right[index]?.data,
      metadata: event.metadata,
      recordedAt: event.recordedAt,
    }));
    return right({ streamName, personalData: access.right.personalData, events });
  }
}

@QueryHandler(AggregateStateQuery)
export class AggregateStateHandler implements IQueryHandler<AggregateStateQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly access: AuditAccess,
  ) {}

  async execute({ reader, streamName, asOf }: AggregateStateQuery) {
    const category = streamCategory(streamName);
    if (category === undefined) return left(notFound(streamName));
    // Access before existence, as for the history.
    const access = await this.access.of(reader.actor, streamName, reader.purpose);
    if (access._tag === 'Left') return access;
    if (!(await this.store.streamExists(streamName))) return left(notFound(streamName));
    const codec = access.right.codec;
    const loaded = await AGGREGATES[category]((decider, registry) =>
      loadAggregate({
        store: this.store,
        codec,
        decider,
        registry,
        streamName,
        ...(asOf === undefined ? {} : { asOf }),
      }),
    );
    if (loaded._tag === 'Left') return loaded;
    const { state, revision, position } = loaded.right;
    return right({
      streamName,
      personalData: access.right.personalData,
      revision,
      position: position === undefined ? null : position.toString(),
      asOf: asOf ?? null,
      state,
    });
  }
}
