import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import type { Actor } from '@salesbook/domain';
import type { ProjectionRunner } from '@salesbook/projections';
import type { ApiConfig } from '../config/config.js';
import { API_CONFIG, PROJECTION_RUNNER, READ_MODELS } from '../infrastructure/tokens.js';
import type { ReportDefinition } from './report-definition.js';

/** A report's answer: its rows and fields, the position it was computed at, its lag, and whether it is older than asked. */
export type ReportAnswer = Readonly<Record<string, unknown>> & { readonly position: string | null; readonly lag: number; readonly stale: boolean };

/** Runs one report, first waiting (bounded) for its projection to reach `minPosition`. */
export class RunReportQuery extends Query<ReportAnswer> {
  constructor(
    readonly definition: ReportDefinition,
    readonly query: unknown,
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
  ) {}

  async execute({ definition, query, actor, minPosition }: RunReportQuery): Promise<ReportAnswer> {
    const projection = definition.route.projection;
    if (minPosition !== undefined) await this.waitFor(projection, minPosition);
    const result = definition.run(query, { db: this.db, lagOf: (name) => this.runner.freshness(name).lag, actor, zone: this.config.timeZone });
    const stale = minPosition !== undefined && (result.position === null || BigInt(result.position) < minPosition);
    return { ...result, stale, ...(minPosition === undefined ? {} : { minPosition: minPosition.toString() }) };
  }

  /** Resolves when the projection has reached `position` or the configured wait is over, whichever is first. */
  private async waitFor(projection: string, position: bigint): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.config.minPositionWaitMs)));
    await Promise.race([this.runner.whenAt(projection, position).catch(() => timeout), timeout]);
    clearTimeout(timer);
  }
}
