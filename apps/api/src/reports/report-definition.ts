import type Database from 'better-sqlite3';
import { z } from 'zod';
import { IsoDate, YearMonth, type Actor } from '@salesbook/domain';
import type { EventStore } from '@salesbook/eventstore';
import type { LagOf, ReportResult, ReportScope } from '@salesbook/projections';
import type { ApiFailure } from '../http/failures.js';
import type { PersonalDataAccess } from '../infrastructure/personal-data-access.js';
import type { RouteSpec } from '../http/route-spec.js';

/** What a report reads with: the read models, the lag of its projections, who asks, the business zone, the edge clock. */
export interface ReportContext {
  readonly db: Database.Database;
  readonly lagOf: LagOf;
  readonly actor: Actor;
  readonly zone: string;
  /** The validated path parameters (e.g. `repId`), `undefined` on routes without any. */
  readonly params: unknown;
  /** The edge clock: "today" and "now" of reports that need them (queries never read a clock). */
  readonly now: () => Date;
  /** How long before an SLA target an alert fires. */
  readonly slaWarningMs: number;
  /** Business days an unhappy answer's follow-up is given before it is overdue. */
  readonly followUpBusinessDays: number;
}

/** Who a completion reads the store for, and the codecs that open or mask personal data for them. */
export interface CompletionReader {
  readonly actor: Actor;
  readonly personalData: PersonalDataAccess;
}

/**
 * One report: its route (GET, roles, query schema, projection) and how it runs. Adding a report is one
 * definition file and one controller method; the handler, X-Min-Position and the document do the rest.
 */
export interface ReportDefinition<Q = unknown, R = unknown> {
  readonly route: RouteSpec & { readonly projection: string };
  /**
   * Every projection the report joins (default: `route.projection` alone). `X-Min-Position` waits for all of
   * them: the position of a joined report is the lowest of their checkpoints.
   */
  readonly sources?: readonly string[];
  /** A refusal that depends on more than the role (another rep's scorecard), checked after the wait, before `run`. */
  authorize?(query: Q, context: ReportContext): ApiFailure | undefined;
  run(query: Q, context: ReportContext): ReportResult<R> & Readonly<Record<string, unknown>>;
  /**
   * Completes `run`'s answer with what only the event store knows (an event's global position, which differs between
   * stores, so no read model holds it); the completed answer is the one kept and reused.
   */
  complete?(
    result: ReportResult<R> & Readonly<Record<string, unknown>>,
    store: EventStore,
    reader: CompletionReader,
  ): Promise<ReportResult<R> & Readonly<Record<string, unknown>>>;
  /**
   * Whether the answer may be served again while its read models and the business date are unchanged (default:
   * yes). A report whose answer depends on the instant of `now` (a period not yet over, measured up to now) says no.
   */
  reusable?(query: Q, context: ReportContext): boolean;
}

/** The rows an actor may see: a rep their own, a regional manager their region, others everything. */
export function scopeOf(actor: Actor): ReportScope {
  if (actor.role === 'sales_rep') return { repId: actor.id };
  if (actor.role === 'regional_manager' && actor.region !== undefined) return { region: actor.region };
  return {};
}

// Report queries shift dates by days, months and a year; outside these years calendar arithmetic means nothing.
const inYears = (value: string): boolean => Number(value.slice(0, 4)) >= 1900 && Number(value.slice(0, 4)) <= 2999;

/** A business date `YYYY-MM-DD` in the years 1900-2999. */
export const ReportDate = IsoDate.refine(inYears, 'must be a date YYYY-MM-DD in the years 1900-2999');
/** A business month `YYYY-MM` in the years 1900-2999. */
export const ReportMonth = YearMonth.refine(inYears, 'must be a month YYYY-MM in the years 1900-2999');
/** A business date, or a month standing for its first day as `from` and its last as `to`. */
export const DateOrMonth = z.union([ReportDate, ReportMonth], {
  error: 'must be a date YYYY-MM-DD or a month YYYY-MM in the years 1900-2999',
});

/** The first and last business day a `from`/`to` pair of dates or months covers. */
export function periodDays(from: string, to: string): { readonly first: string; readonly last: string } {
  const lastOfMonth = (month: string): string => {
    const [year = 0, m = 1] = month.split('-').map(Number);
    return `${month}-${String(new Date(Date.UTC(year, m, 0)).getUTCDate()).padStart(2, '0')}`;
  };
  return { first: from.length === 7 ? `${from}-01` : from, last: to.length === 7 ? lastOfMonth(to) : to };
}

/** A query `{ from, to, ...extra }` of dates or months, `from` not after `to` (the issue points at `to`). */
export const periodQuery = <T extends z.ZodRawShape>(extra: T) =>
  z
    .object({ from: DateOrMonth, to: DateOrMonth, ...extra })
    .strict()
    .refine(
      (query) => {
        const { from, to } = query as { from: string; to: string };
        return periodDays(from, to).first <= periodDays(from, to).last;
      },
      { path: ['to'], message: 'must not be before from' },
    );
