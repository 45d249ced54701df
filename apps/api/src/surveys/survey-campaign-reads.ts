import { z } from 'zod';
import {
  ActorId,
  addDays,
  daysBetween,
  inScope,
  RegionId,
  SurveyId,
  type Actor,
  type Invitation,
  type Role,
  type SurveyCampaign,
} from '@salesbook/domain';
import { startOfBusinessDate, type InvitedCustomerRow } from '@salesbook/projections';
import type { RouteSpec } from '../http/route-spec.js';

/** Who reaches customers: the sales manager (every invitation), a regional manager (their region's), a rep (their own). */
const CONTACTS: readonly Role[] = ['sales_manager', 'regional_manager', 'sales_rep'];
/** The campaign a read route names. */
export const CampaignParams = z.strictObject({ id: SurveyId });

const LinkRow = z.strictObject({
  invitationId: z.string(),
  customerId: z.string(),
  region: z.string(),
  ownerRepId: z.string(),
  /** The public page's path: the link to mail is the API's public address followed by it. */
  path: z.string(),
});

/** A launched campaign's links, one per invitation in the caller's scope. */
export const SurveyLinksAnswer = z.strictObject({
  campaignId: z.string(),
  closesOn: z.string(),
  /** When every link of the campaign stops working: the end of its closing day in the business time zone. */
  expiresAt: z.string(),
  rows: z.array(LinkRow),
});
export type SurveyLinksAnswer = z.infer<typeof SurveyLinksAnswer>;

/** The invitations of a campaign still taking answers that no answer has come back for, in the caller's scope. */
export const SurveyRemindersAnswer = z.strictObject({
  campaignId: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  /** Whether the campaign takes answers today; when not, nobody is reminded and `rows` is empty. */
  takingAnswers: z.boolean(),
  rows: z.array(LinkRow.extend({ daysLeft: z.number().int() })),
});
export type SurveyRemindersAnswer = z.infer<typeof SurveyRemindersAnswer>;

/** The read routes of survey campaigns. */
export const surveyCampaignReadRoutes = {
  links: {
    method: 'GET',
    path: '/survey-campaigns/:id/links',
    audience: CONTACTS,
    params: CampaignParams,
    summary:
      "A launched campaign's signed answer links, one per invitation (a rep their own customers', a regional manager their region's): what is mailed to each customer",
    tag: 'survey campaigns',
    response: SurveyLinksAnswer,
    status: 200,
  },
  reminders: {
    method: 'GET',
    path: '/survey-campaigns/:id/reminders',
    audience: CONTACTS,
    params: CampaignParams,
    summary:
      'The invited customers who have not answered a campaign still taking answers, for their owner rep to remind (a regional manager their region, the sales manager all)',
    tag: 'survey campaigns',
    response: SurveyRemindersAnswer,
    status: 200,
  },
} as const satisfies Record<string, RouteSpec>;

/** The instant (epoch seconds) a campaign's links expire: the first instant after its closing day, business time. */
export const linkExpiry = (closesOn: string, timeZone: string): number =>
  startOfBusinessDate(addDays(closesOn, 1), timeZone) / 1_000;

/** An invitation with its owner and region now (the launch's when the read models have not seen the customer). */
export interface CurrentInvitation {
  readonly invitation: Invitation;
  readonly ownerRepId: ActorId;
  readonly region: RegionId;
  readonly answered: boolean;
}

/** The invitations of a campaign as the read models see them now, in invitation order. */
export function currentInvitations(campaign: SurveyCampaign, rows: readonly InvitedCustomerRow[]): CurrentInvitation[] {
  const byCustomer = new Map(rows.map((row) => [row.customer_id, row]));
  return Object.values(campaign.invitations).map((invitation) => {
    const row = byCustomer.get(invitation.customerId);
    const owner = ActorId.safeParse(row?.owner_rep_id);
    const region = RegionId.safeParse(row?.region);
    return {
      invitation,
      ownerRepId: owner.success ? owner.data : invitation.ownerRepId,
      region: region.success ? region.data : invitation.region,
      answered: row?.answered === 1,
    };
  });
}

/** Whether the caller may see an invitation: the scope rule of every record (a rep their own, a regional manager their region). */
export const visibleTo = (actor: Actor, current: CurrentInvitation): boolean =>
  inScope(actor, { repId: current.ownerRepId, region: current.region });

/** Whole days from `today` to the closing day (0 on the closing day). */
export const daysLeft = (today: string, closesOn: string): number => daysBetween(today, closesOn);
