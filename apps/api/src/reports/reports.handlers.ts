import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import type { Actor } from '@salesbook/domain';
import type { ProjectionRunner } from '@salesbook/projections';
import type { ApiConfig } from '../config/config.js';
import { toHttpException } from '../http/failures.js';
import { API_CONFIG, CLOCK, PROJECTION_RUNNER, READ_MODELS, type Clock } from '../infrastructure/tokens.js';
import type { ReportDefinition } from './report-definition.js';

/** A report's answer: its rows and fields, the position it was computed at, its lag, and whether it is older than asked. */
export type ReportAnswer = Readonly<Record<string, unknown>> & { readonly position: string | null; readonly lag: number; readonly stale: boolean };

/** Runs one report: first waiting (bounded) for its projections to reach `minPosition`, then checking `authorize`. */
export class RunReportQuery extends Query<ReportAnswer> {
  constructor(
    readonly definition: ReportDefinition,
    readonly query: unknown,
    readonly params: unknown,
    readonly actor: Actor,
    readonly minPosition: bigint | undefined,
  ) {
    super();
  }
}

@QueryHandler(RunReportQuery)
export class RunReportHandler implements IQueryHandler<RunReportQuery> {
  constructor(
    @Inject(READ_MODELS) private readonly db: Database.Database,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ definition, query, params, actor, minPosition }: RunReportQuery): Promise<ReportAnswer> {
    const sources = definition.sources ?? [definition.route.projection];
    if (minPosition !== undefined) await this.waitFor(sources, minPosition);
    // After an upgrade that changed a projection, its old tables serve until the rebuild swaps in; this release's
    // queries are not written for them, so the answer is "rebuilding" (503), never a query of the wrong tables.
    const rebuilding = sources.filter((name) => !this.runner.servesCurrentVersion(name));
    if (rebuilding.length > 0) throw toHttpException({ kind: 'rebuilding', projections: rebuilding });
    const context = { db: this.db, lagOf: (name: string) => this.runner.freshness(name).lag, actor, zone: this.config.timeZone, params, now: this.clock };
    const refusal = definition.authorize?.(query, context);
    if (refusal !== undefined) throw toHttpException(refusal);
    const result = definition.run(query, context);
    const stale = minPosition !== undefined && (result.position === null || BigInt(result.position) < minPosition);
    return { ...result, stale, ...(minPosition === undefined ? {} : { minPosition: minPosition.toString() }) };
  }

  /** Resolves when every projection has reached `position` or the configured wait is over, whichever is first. */
  private async waitFor(projections: readonly string[], position: bigint): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.config.minPositionWaitMs)));
    const reached = Promise.all(projections.map((name) => this.runner.whenAt(name, position)));
    await Promise.race([reached.then(() => undefined, () => timeout), timeout]);
    clearTimeout(timer);
  }
}
