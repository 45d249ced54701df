import type Database from 'better-sqlite3';
import type { ReportScope } from '../model/report-filter.js';
import { scopeCondition } from '../model/scope-sql.js';
import { readReport, type LagOf } from '../runner/report.js';
import { prepared } from '../runner/statements.js';
import type { ReportResult } from '../runner/status.js';
import { coverageFigures, type CoverageFigures, type InvitationFact } from './campaign-figures.js';
import type { SurveyCampaignRow } from './survey-campaigns.tables.js';

/** What the coverage of a campaign groups by: the customer's region, segment or owner rep at the launch. */
export type CoverageGroupBy = 'region' | 'segment' | 'rep';

const GROUP_COLUMN: Readonly<Record<CoverageGroupBy, string>> = {
  region: 'i.region',
  segment: 'i.segment',
  rep: 'i.rep_id',
};

/** Which campaign, grouped how, in whose scope. */
export interface CoverageFilter {
  readonly campaignId: string;
  readonly groupBy?: CoverageGroupBy;
  readonly scope?: ReportScope;
}

/** The figures of one group of a campaign beside the same group's in the previous campaign (`null`: none there). */
export interface CoverageGroup extends CoverageFigures {
  readonly group: string | null;
  readonly previous: CoverageFigures | null;
}

/** The coverage of a campaign: its groups, its total in the scope and the previous campaign's. */
export interface CampaignCoverage extends ReportResult<CoverageGroup> {
  readonly campaign: SurveyCampaignRow;
  /** The latest campaign launched before this one; `null` when none was (or this one is not launched). */
  readonly previousCampaign: SurveyCampaignRow | null;
  readonly total: CoverageFigures & { readonly previous: CoverageFigures | null };
}

/** A campaign by id, or `undefined`. */
export const campaignById = (db: Database.Database, campaignId: string): SurveyCampaignRow | undefined =>
  prepared(db, 'SELECT * FROM survey_campaigns WHERE campaign_id = @campaignId').get({ campaignId }) as
    SurveyCampaignRow | undefined;

/** The latest campaign launched before `campaign` (by launch instant, then id). */
function previousOf(db: Database.Database, campaign: SurveyCampaignRow): SurveyCampaignRow | null {
  if (campaign.launched_at === null) return null;
  const row = prepared(
    db,
    `SELECT * FROM survey_campaigns WHERE status = 'launched'
       AND (launched_at < @at OR (launched_at = @at AND campaign_id < @id))
     ORDER BY launched_at DESC, campaign_id DESC LIMIT 1`,
  ).get({ at: campaign.launched_at, id: campaign.campaign_id }) as SurveyCampaignRow | undefined;
  return row ?? null;
}

/** The invitations of a campaign in the scope, each with its answer if any. */
function factsOf(db: Database.Database, campaignId: string, group: string, scope: ReportScope): InvitationFact[] {
  return prepared(
    db,
    `SELECT ${group} AS "group", CAST(julianday(a.responded_on) - julianday(i.issued_on) AS INTEGER) AS days,
        a.nps AS nps, a.csat AS csat
       FROM survey_invitations i LEFT JOIN survey_invitation_answers a ON a.invitation_id = i.invitation_id
      WHERE i.campaign_id = @campaignId
        AND ${scopeCondition({ rep: 'i.rep_id', region: 'i.region' })}`,
  ).all({ campaignId, repId: scope.repId ?? null, region: scope.region ?? null }) as InvitationFact[];
}

const byGroup = (facts: readonly InvitationFact[]): Map<string | null, InvitationFact[]> => {
  const groups = new Map<string | null, InvitationFact[]>();
  for (const fact of facts) groups.set(fact.group, [...(groups.get(fact.group) ?? []), fact]);
  return groups;
};

/**
 * Response and coverage of a survey campaign (docs/reports.md): invited, answered, response rate, days to answer,
 * CSAT and NPS with n and 95% intervals, per group (ordered by value) and in total, each beside the previous
 * campaign's figures for the same group. `undefined` when the campaign is unknown.
 */
export function queryCampaignCoverage(
  db: Database.Database,
  lagOf: LagOf,
  filter: CoverageFilter,
): CampaignCoverage | undefined {
  const group = filter.groupBy === undefined ? 'NULL' : GROUP_COLUMN[filter.groupBy];
  const scope = filter.scope ?? {};
  return db.transaction(() => {
    const campaign = campaignById(db, filter.campaignId);
    if (campaign === undefined) return undefined;
    const previousCampaign = previousOf(db, campaign);
    const current = factsOf(db, campaign.campaign_id, group, scope);
    const before = previousCampaign === null ? [] : factsOf(db, previousCampaign.campaign_id, group, scope);
    const beforeGroups = byGroup(before);
    const previousOfGroup = (key: string | null): CoverageFigures | null => {
      const facts = beforeGroups.get(key);
      return previousCampaign === null || facts === undefined ? null : coverageFigures(facts);
    };
    const result = readReport(db, 'survey_campaigns', lagOf, () =>
      [...byGroup(current)]
        .sort(([a], [b]) => ((a ?? '') < (b ?? '') ? -1 : 1))
        .map(([key, facts]) => ({ group: key, ...coverageFigures(facts), previous: previousOfGroup(key) })),
    );
    const total = {
      ...coverageFigures(current),
      previous: previousCampaign === null ? null : coverageFigures(before),
    };
    return { ...result, campaign, previousCampaign, total };
  })();
}

/** A campaign as listed: its terms and status with its invitations and answers in the reader's scope. */
export interface CampaignListRow extends SurveyCampaignRow {
  readonly invited: number;
  readonly answered: number;
}

/** Every campaign, the latest to open first, with the invitations and answers in the scope. */
export function listCampaigns(db: Database.Database, scope: ReportScope): CampaignListRow[] {
  return prepared(
    db,
    `SELECT c.*, COUNT(i.invitation_id) AS invited, COUNT(a.invitation_id) AS answered
       FROM survey_campaigns c
       LEFT JOIN survey_invitations i ON i.campaign_id = c.campaign_id
         AND ${scopeCondition({ rep: 'i.rep_id', region: 'i.region' })}
       LEFT JOIN survey_invitation_answers a ON a.invitation_id = i.invitation_id
      GROUP BY c.campaign_id ORDER BY c.opens_on DESC, c.campaign_id DESC`,
  ).all({ repId: scope.repId ?? null, region: scope.region ?? null }) as CampaignListRow[];
}
