import { z } from 'zod';
import { domainError, READ_ROLES } from '@salesbook/domain';
import {
  campaignById,
  listCampaigns,
  queryCampaignCoverage,
  readReport,
  type CampaignListRow,
  type CoverageGroup,
} from '@salesbook/projections';
import { IdParams } from '../commands/command-route.js';
import {
  CampaignListRowSchema,
  CoverageFiguresSchema,
  CoverageGroupSchema,
  SurveyCampaignSchema,
} from './answers/survey-campaign-rows.js';
import { reportAnswer } from './answers/report-answer.js';
import { scopeOf, type ReportContext, type ReportDefinition } from './report-definition.js';
import { filteredScope, refuseForeignFilter, ScopeFilter } from './report-filters.js';

const idOf = (context: ReportContext): string => (context.params as z.infer<typeof IdParams>).id;

/** `GET /survey-campaigns`: every campaign with its status, invitations and answers in the reader's scope. */
export const surveyCampaignsListReport: ReportDefinition<Record<string, never>, CampaignListRow> = {
  route: {
    method: 'GET',
    path: '/survey-campaigns',
    audience: READ_ROLES.reports,
    summary:
      'Survey campaigns, the latest to open first, with status and the invitations and answers in scope (a rep: their customers; a regional manager: their region)',
    tag: 'survey campaigns',
    query: z.object({}).strict(),
    status: 200,
    projection: 'survey_campaigns',
    response: reportAnswer(CampaignListRowSchema, {}),
  },
  run(_query, { db, actor, lagOf }) {
    return { ...readReport(db, 'survey_campaigns', lagOf, () => listCampaigns(db, scopeOf(actor))) };
  },
};

/** `GET /reports/survey-campaigns/:id?groupBy=&region=&rep=`. */
export const CampaignCoverageQuery = z
  .object({ groupBy: z.enum(['region', 'segment', 'rep']).optional(), ...ScopeFilter })
  .strict();
export type CampaignCoverageQuery = z.infer<typeof CampaignCoverageQuery>;

/** Response and coverage of a campaign, per group and in total, beside the previous campaign's. */
export const campaignCoverageReport: ReportDefinition<CampaignCoverageQuery, CoverageGroup> = {
  route: {
    method: 'GET',
    path: '/reports/survey-campaigns/:id',
    audience: READ_ROLES.reports,
    summary:
      "A survey campaign's response and coverage by region, segment or rep and in total: invited, answered, response rate, days to answer, CSAT and NPS with n and 95% intervals, beside the previous campaign's",
    tag: 'reports',
    params: IdParams,
    query: CampaignCoverageQuery,
    status: 200,
    projection: 'survey_campaigns',
    response: reportAnswer(CoverageGroupSchema, {
      campaign: SurveyCampaignSchema,
      previousCampaign: SurveyCampaignSchema.nullable().describe('The latest campaign launched before this one'),
      groupBy: z.string().nullable(),
      total: CoverageFiguresSchema.extend({ previous: CoverageFiguresSchema.nullable() }),
    }),
  },
  authorize(query, context) {
    const refused = refuseForeignFilter(query, context.actor);
    if (refused !== undefined) return refused;
    const id = idOf(context);
    return campaignById(context.db, id) === undefined
      ? { kind: 'domain', error: domainError('CAMPAIGN_NOT_FOUND', `survey campaign ${id} does not exist`) }
      : undefined;
  },
  run(query, context) {
    const result = queryCampaignCoverage(context.db, context.lagOf, {
      campaignId: idOf(context),
      ...(query.groupBy === undefined ? {} : { groupBy: query.groupBy }),
      scope: filteredScope(context.actor, query),
    });
    if (result === undefined) throw new Error('coverage ran for a campaign authorize refused');
    return { ...result, groupBy: query.groupBy ?? null };
  },
};
