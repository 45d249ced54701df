import type Database from 'better-sqlite3';
import { prepared } from '../runner/statements.js';

/** An invited customer as the read models hold them now: their current owner and region, and whether they answered. */
export interface InvitedCustomerRow {
  readonly customer_id: string;
  /** Null while the work lists have not seen the customer yet. */
  readonly owner_rep_id: string | null;
  readonly region: string | null;
  /** 1 once the satisfaction read model holds an answer of this customer to survey `surveyId`, else 0. */
  readonly answered: number;
}

/**
 * The invited customers of a campaign (its id is the survey id of their answers) with their current owner rep and
 * region (work lists) and whether they answered (satisfaction answers), in the order given.
 */
export function queryInvitedCustomers(
  db: Database.Database,
  surveyId: string,
  customerIds: readonly string[],
): readonly InvitedCustomerRow[] {
  return prepared(
    db,
    `SELECT i.value AS customer_id, c.owner_rep_id, c.region,
            EXISTS (SELECT 1 FROM satisfaction_answers a WHERE a.customer_id = i.value AND a.survey_id = @surveyId) AS answered
       FROM json_each(@ids) i LEFT JOIN wl_customers c ON c.customer_id = i.value
      ORDER BY i.key`,
  ).all({ surveyId, ids: JSON.stringify(customerIds) }) as InvitedCustomerRow[];
}
