import { Inject, Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { MonthlyReportFigures } from '@salesbook/domain';
import {
  PLAN_ATTAINMENT_SOURCES,
  planAttainment,
  queryCollectionsSummary,
  queryMonthlySalesReport,
  type ProjectionHost,
} from '@salesbook/projections';
import { PROJECTION_RUNNER, READ_MODELS } from '../infrastructure/tokens.js';

/** The lower of two report positions: the submission is as of the point every report read had reached. */
const lower = (a: string | null, b: string | null): string | null =>
  a === null || b === null ? null : BigInt(a) < BigInt(b) ? a : b;

/**
 * A region's figures of a month as the reports answer them now: the monthly sales report and the collections
 * summary, both by rep within the region, the plan attainment of the region's targets and its reps' (as the monthly
 * report's `plan`), and the position they were read at. A submission keeps them as they stood.
 */
@Injectable()
export class ReportFigures {
  constructor(
    @Inject(READ_MODELS) private readonly db: Database.Database,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionHost,
  ) {}

  of(month: string, region: string): MonthlyReportFigures {
    const lagOf = (name: string): number => this.runner.freshness(name).lag;
    const sales = queryMonthlySalesReport(this.db, lagOf, { month, groupBy: 'rep', scope: { region } });
    const collections = queryCollectionsSummary(this.db, lagOf, { month, groupBy: 'rep', scope: { region } });
    const plan = (['region', 'rep'] as const).flatMap((groupBy) =>
      planAttainment(this.db, { month, groupBy, scope: { region } }),
    );
    // The rows as the API answers them, as JSON text: the event keeps exactly what was reported.
    return MonthlyReportFigures.parse({
      sales: JSON.stringify(sales.rows),
      collections: JSON.stringify(collections.rows),
      plan: JSON.stringify(plan),
      position: PLAN_ATTAINMENT_SOURCES.map((name) => this.runner.freshness(name).position).reduce(
        lower,
        lower(sales.position, collections.position),
      ),
    });
  }
}
