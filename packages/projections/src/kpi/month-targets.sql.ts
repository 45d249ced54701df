/**
 * The booked targets of the months `from`..`to` in force, as the common table `month_targets (month, scope, scope_id,
 * region, currency, amount)`: a region's own target, and for a rep their own target or their part of the region
 * target's split, whichever was decided later by business time (the part on a tie), as the plan rows read them.
 * `from` and `to` are SQL expressions (named parameters such as `@month`), never values.
 *
 * @example
 * db.prepare(`WITH ${monthTargetsSql('@month', '@month')} SELECT * FROM month_targets WHERE scope = 'rep'`).all({ month });
 */
export function monthTargetsSql(from: string, to: string): string {
  // Quarters (`YYYY-Qn`) have a month's length: the pattern keeps months only.
  const months = `measure = 'booked' AND period >= ${from} AND period <= ${to} AND period GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'`;
  return `
  month_rep_targets AS (
    SELECT period, scope_id, region, currency, amount, changed_ms AS at_ms, 0 AS from_split
      FROM plan_targets WHERE scope = 'rep' AND ${months}
    UNION ALL
    SELECT period, rep_id, region, currency, amount, split_ms, 1 FROM plan_target_parts WHERE ${months}
  ),
  month_targets AS (
    SELECT period AS month, 'rep' AS scope, scope_id, region, currency, amount FROM (
      SELECT *, ROW_NUMBER() OVER (PARTITION BY period, scope_id ORDER BY at_ms DESC, from_split DESC) AS n
        FROM month_rep_targets)
     WHERE n = 1
    UNION ALL
    SELECT period, scope, scope_id, region, currency, amount FROM plan_targets WHERE scope = 'region' AND ${months}
  )`;
}
