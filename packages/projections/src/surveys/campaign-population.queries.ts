import type Database from 'better-sqlite3';
import { prepared } from '../runner/statements.js';

/** Who a campaign may survey, as the caller passes it: segments and regions (empty: all) and the earliest order date counted. */
export interface PopulationFilter {
  readonly segments: readonly string[];
  readonly regions: readonly string[];
  /** Orders placed on or after this business date count. */
  readonly orderedSince: string;
  /** The launch's business date: later orders do not count. */
  readonly on: string;
}

/** One active customer with an order in the window, as a campaign's launch passes them to its decider. */
export interface PopulationRow {
  readonly customer_id: string;
  readonly region: string;
  readonly segment: string;
  readonly owner_rep_id: string;
  /** The business date of their latest order placed in the window (cancelled ones left out). */
  readonly last_order_on: string;
}

/**
 * The population of a survey campaign from the work lists' customers and orders: active customers of the segments and
 * regions (current ones), whose latest order not cancelled was placed from `orderedSince` to `on`, by customer id.
 */
export function queryCampaignPopulation(db: Database.Database, filter: PopulationFilter): readonly PopulationRow[] {
  return prepared(
    db,
    `SELECT c.customer_id, c.region, c.segment, c.owner_rep_id, MAX(o.placed_on) AS last_order_on
       FROM wl_customers c JOIN wl_orders o ON o.customer_id = c.customer_id
      WHERE c.active = 1 AND o.status <> 'cancelled' AND o.placed_on >= @since AND o.placed_on <= @on
        AND (@segments = '[]' OR c.segment IN (SELECT value FROM json_each(@segments)))
        AND (@regions = '[]' OR c.region IN (SELECT value FROM json_each(@regions)))
      GROUP BY c.customer_id
      ORDER BY c.customer_id`,
  ).all({
    since: filter.orderedSince,
    on: filter.on,
    segments: JSON.stringify(filter.segments),
    regions: JSON.stringify(filter.regions),
  }) as PopulationRow[];
}
