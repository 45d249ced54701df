import { Inject, Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { EvaluationSnapshot, quarterMonths, type Actor, type Quarter } from '@salesbook/domain';
import { queryRepScorecard, type ProjectionHost } from '@salesbook/projections';
import { PROJECTION_RUNNER, READ_MODELS } from '../infrastructure/tokens.js';
import { scopeOf } from '../reports/report-definition.js';

/** The lowest of the positions read: the snapshot is as of the point every month's read had reached. */
const lowest = (positions: readonly (string | null)[]): string | null =>
  positions.reduce<string | null>(
    (low, position) => (low === null || position === null ? null : BigInt(position) < BigInt(low) ? position : low),
    positions[0] ?? null,
  );

/**
 * A rep's scorecard of each month of a quarter as the API answers it to the evaluating manager (their scope), and the
 * position it was read at. An evaluation keeps it as it stood, whatever arrives later.
 */
@Injectable()
export class EvaluationSnapshots {
  constructor(
    @Inject(READ_MODELS) private readonly db: Database.Database,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionHost,
  ) {}

  of(repId: string, quarter: Quarter, manager: Actor): EvaluationSnapshot {
    const lagOf = (name: string): number => this.runner.freshness(name).lag;
    const months = quarterMonths(quarter).map((month) => ({
      month,
      result: queryRepScorecard(this.db, lagOf, { repId, month, scope: scopeOf(manager) }),
    }));
    // The rows as the scorecard route answers them, as JSON text: the event keeps exactly what the manager saw.
    const scorecards = JSON.stringify(months.map(({ month, result }) => ({ month, rows: result.rows })));
    return EvaluationSnapshot.parse({ scorecards, position: lowest(months.map(({ result }) => result.position)) });
  }
}
