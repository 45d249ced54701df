import { scopeCondition } from '../model/scope-sql.js';
/**
 * Every rep target in force as `in_force` rows (`n = 1`): a rep's own target of a period and measure, or their part of
 * the region target's split, whichever was decided later (a part on a tie, as a split is decided over the reps).
 */
export const REP_TARGETS_IN_FORCE = `
  rep_targets AS (
    SELECT period, measure, scope_id, region, currency, amount, changed_ms AS at_ms, 0 AS from_split
      FROM plan_targets WHERE scope = 'rep'
    UNION ALL
    SELECT period, measure, rep_id, region, currency, amount, split_ms, 1 FROM plan_target_parts
  ),
  in_force AS (
    SELECT *, ROW_NUMBER() OVER (PARTITION BY period, measure, scope_id ORDER BY at_ms DESC, from_split DESC) AS n
      FROM rep_targets
  )`;

/** The targets of the month, its quarter and its year, for reps (in force) or regions, within the reader's scope. */
export const PLAN_TARGETS_SQL: Record<'rep' | 'region', string> = {
  rep: `WITH ${REP_TARGETS_IN_FORCE}
    SELECT period, measure, scope_id, region, currency, amount, NULL AS split_total FROM in_force
     WHERE n = 1 AND period IN (@m, @q, @y) AND ${scopeCondition({ rep: 'scope_id', region: 'region' })}
     ORDER BY scope_id, length(period) DESC, period, measure, currency`,
  // A split region target's reps' targets in force, summed in its currency: the target while the split holds.
  region: `WITH ${REP_TARGETS_IN_FORCE}
    SELECT t.period, t.measure, t.scope_id, t.region, t.currency, t.amount,
           (SELECT COALESCE(SUM(CASE WHEN f.currency = t.currency THEN f.amount ELSE 0 END), 0)
              FROM plan_target_parts p JOIN in_force f
                ON f.n = 1 AND f.period = p.period AND f.measure = p.measure AND f.scope_id = p.rep_id
             WHERE p.period = t.period AND p.measure = t.measure AND p.region = t.scope_id) AS split_total,
           EXISTS (SELECT 1 FROM plan_target_splits s
                    WHERE s.period = t.period AND s.measure = t.measure AND s.region = t.scope_id) AS split
      FROM plan_targets t
     WHERE t.scope = 'region' AND t.period IN (@m, @q, @y) AND (@region IS NULL OR t.region = @region)
     ORDER BY t.scope_id, length(t.period) DESC, t.period, t.measure, t.currency`,
};
