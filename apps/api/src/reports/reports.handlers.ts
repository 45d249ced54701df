import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import type { Actor } from '@salesbook/domain';
import type { EventStore } from '@salesbook/eventstore';
import type { ProjectionHost } from '@salesbook/projections';
import type { ApiConfig } from '../config/config.js';
import { toHttpException } from '../http/failures.js';
import { PersonalDataAccess } from '../infrastructure/personal-data-access.js';
import {
  API_CONFIG,
  CLOCK,
  EVENT_STORE,
  PROJECTION_RUNNER,
  READ_MODELS,
  type Clock,
} from '../infrastructure/tokens.js';
import { AnswerCache, type KeptAnswer } from './answer-cache.js';
import { businessToday } from './business-clock.js';
import { scopeOf, type ReportContext, type ReportDefinition } from './report-definition.js';

/**
 * A report's answer, serialized: `{ lag, stale, [minPosition,] ...rows and fields, position }` as JSON, with an ETag that
 * changes with it, and whether it was computed for this request or reused (see {@link AnswerCache}).
 */
export interface ReportReply {
  readonly body: Buffer;
  /** The body gzipped, made on first call (and kept with a reused answer). */
  gzipped(): Buffer;
  readonly etag: string;
  readonly reused: boolean;
}

/** Runs one report: first waiting (bounded) for its projections to reach `minPosition`, then checking `authorize`. */
export class RunReportQuery extends Query<ReportReply> {
  constructor(
    readonly definition: ReportDefinition,
    readonly query: unknown,
    readonly params: unknown,
    readonly actor: Actor,
    readonly minPosition: bigint | undefined,
    /** Compute afresh even if a kept answer would do (`Cache-Control: no-cache`); the fresh one is kept. */
    readonly recompute = false,
  ) {
    super();
  }
}

@QueryHandler(RunReportQuery)
export class RunReportHandler implements IQueryHandler<RunReportQuery> {
  constructor(
    @Inject(READ_MODELS) private readonly db: Database.Database,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionHost,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly answers: AnswerCache,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly personalData: PersonalDataAccess,
  ) {}

  async execute({ definition, query, params, actor, minPosition, recompute }: RunReportQuery): Promise<ReportReply> {
    const sources = definition.sources ?? [definition.route.projection];
    if (minPosition !== undefined) await this.waitFor(sources, minPosition);
    // No await until the query has run. The content tags are never newer than the rows the query reads (the runner, on
    // this thread or its own, reports a batch only once it committed): an answer may be kept under a tag older than
    // its rows, never the other way round.
    // After an upgrade that changed a projection, its old tables serve until the rebuild swaps in; this release's
    // queries are not written for them, so the answer is "rebuilding" (503), never a query of the wrong tables.
    const rebuilding = sources.filter((name) => !this.runner.servesCurrentVersion(name));
    if (rebuilding.length > 0) throw toHttpException({ kind: 'rebuilding', projections: rebuilding });
    const lagOf = (name: string): number => this.runner.freshness(name).lag;
    const context = {
      db: this.db,
      lagOf,
      actor,
      zone: this.config.timeZone,
      params,
      now: this.clock,
      slaWarningMs: this.config.alerts.slaWarningMs,
      followUpBusinessDays: this.config.followUpBusinessDays,
    };
    const refusal = definition.authorize?.(query, context);
    if (refusal !== undefined) throw toHttpException(refusal);
    const key =
      definition.reusable?.(query, context) === false
        ? undefined
        : this.keyOf(definition, query, params, actor, sources);
    const kept = key === undefined || recompute ? undefined : this.answers.get(key);
    const answer = kept ?? (await this.compute(definition, query, context, key));
    const position = answer.position;
    const lag = Math.max(0, ...sources.map(lagOf));
    // Stale when behind the asked position, or when a source is not following the store live (down, or catching up).
    const behind = sources.some((name) => this.runner.freshness(name).stale === true);
    const stale = behind || (minPosition !== undefined && (position === null || BigInt(position) < minPosition));
    const head = `{"lag":${lag},"stale":${stale}${minPosition === undefined ? '' : `,"minPosition":"${minPosition}"`}`;
    return {
      body: answer.body(head),
      gzipped: () => answer.gzipped(head),
      etag: `W/"${answer.hash}.${lag}.${stale ? 's' : 'f'}${minPosition === undefined ? '' : `.${minPosition}`}"`,
      reused: kept !== undefined,
    };
  }

  /** Runs the report's queries (then its completion from the store) and serializes the answer once, without the fields each request sets. */
  private async compute(
    definition: ReportDefinition,
    query: unknown,
    context: ReportContext,
    key: string | undefined,
  ): Promise<KeptAnswer> {
    const ran = definition.run(query, context);
    const { lag: _lag, ...result } =
      definition.complete === undefined
        ? ran
        : await definition.complete(ran, this.store, { actor: context.actor, personalData: this.personalData });
    return this.answers.keep(key, result);
  }

  private keyOf(
    definition: ReportDefinition,
    query: unknown,
    params: unknown,
    actor: Actor,
    sources: readonly string[],
  ): string {
    return AnswerCache.keyOf({
      path: definition.route.path,
      query,
      params,
      reader: `${actor.role}:${JSON.stringify(scopeOf(actor))}`,
      today: businessToday(this.clock(), this.config.timeZone),
      tags: sources.map((name) => this.runner.contentTag(name)),
    });
  }
  /** Resolves when every projection has reached `position` or the configured wait is over, whichever is first. */
  private async waitFor(projections: readonly string[], position: bigint): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.config.minPositionWaitMs)));
    const reached = Promise.all(projections.map((name) => this.runner.whenAt(name, position)));
    await Promise.race([
      reached.then(
        () => undefined,
        () => timeout,
      ),
      timeout,
    ]);
    clearTimeout(timer);
  }
}
