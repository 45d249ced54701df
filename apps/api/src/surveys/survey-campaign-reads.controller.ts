import { Controller, Inject } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { domainError, type Actor, type SurveyCampaign } from '@salesbook/domain';
import { businessDate, queryInvitedCustomers } from '@salesbook/projections';
import type { ApiConfig } from '../config/config.js';
import { toHttpException } from '../http/failures.js';
import { Input, type RouteInput } from '../http/input.js';
import { Route } from '../http/route-spec.js';
import { API_CONFIG, CLOCK, READ_MODELS, type Clock } from '../infrastructure/tokens.js';
import { SurveyCampaignReader } from './survey-campaign-reader.js';
import {
  CampaignParams,
  currentInvitations,
  daysLeft,
  linkExpiry,
  surveyCampaignReadRoutes as routes,
  visibleTo,
  type CurrentInvitation,
  type SurveyLinksAnswer,
  type SurveyRemindersAnswer,
} from './survey-campaign-reads.js';

/**
 * A launched campaign's links (what is mailed to each invited customer) and its reminders (who has not answered yet),
 * each scoped by role on the customer's current owner and region. The campaign is read from its stream; who answered
 * and who owns a customer now from the read models (eventually consistent).
 */
@Controller()
export class SurveyCampaignReadsController {
  constructor(
    private readonly reader: SurveyCampaignReader,
    @Inject(READ_MODELS) private readonly db: Database.Database,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Route(routes.links) async links(@Input() input: RouteInput): Promise<SurveyLinksAnswer> {
    const { campaign, visible } = await this.invitations(input);
    return {
      campaignId: campaign.campaignId,
      closesOn: campaign.closesOn,
      expiresAt: new Date(linkExpiry(campaign.closesOn, this.config.timeZone) * 1_000).toISOString(),
      rows: await Promise.all(visible.map((current) => this.row(campaign, current))),
    };
  }

  @Route(routes.reminders) async reminders(@Input() input: RouteInput): Promise<SurveyRemindersAnswer> {
    const { campaign, visible } = await this.invitations(input);
    const today = businessDate(this.clock().toISOString(), this.config.timeZone);
    const takingAnswers = campaign.opensOn <= today && today <= campaign.closesOn;
    const waiting = takingAnswers ? visible.filter((current) => !current.answered) : [];
    const left = daysLeft(today, campaign.closesOn);
    return {
      campaignId: campaign.campaignId,
      opensOn: campaign.opensOn,
      closesOn: campaign.closesOn,
      takingAnswers,
      rows: await Promise.all(
        waiting.map(async (current) => ({ ...(await this.row(campaign, current)), daysLeft: left })),
      ),
    };
  }

  /** The campaign (404 unless launched) and its invitations the caller may see. */
  private async invitations(input: RouteInput): Promise<{ campaign: SurveyCampaign; visible: CurrentInvitation[] }> {
    const actor = this.actorOf(input);
    const { id } = CampaignParams.parse(input.params);
    const campaign = await this.reader.campaign(id);
    if (campaign.status !== 'launched')
      throw toHttpException({
        kind: 'domain',
        error: domainError('CAMPAIGN_NOT_FOUND', `no launched survey campaign ${id}`, { campaignId: id }),
      });
    const invitations = Object.values(campaign.invitations);
    const rows = queryInvitedCustomers(
      this.db,
      campaign.campaignId,
      invitations.map((invitation) => invitation.customerId),
    );
    const visible = currentInvitations(campaign, rows).filter((current) => visibleTo(actor, current));
    return { campaign, visible };
  }

  private async row(campaign: SurveyCampaign, current: CurrentInvitation) {
    const { invitationId, customerId } = current.invitation;
    return {
      invitationId,
      customerId,
      region: current.region,
      ownerRepId: current.ownerRepId,
      path: await this.reader.linkPath(invitationId, campaign.closesOn),
    };
  }

  private actorOf(input: RouteInput): Actor {
    // These routes are never public: the guard has set the actor.
    if (input.actor === undefined) throw new Error('a survey campaign read ran without an actor');
    return input.actor;
  }
}
