import { Module } from '@nestjs/common';
import { CommandGateway } from '../commands/command-gateway.js';
import { PublicSurveyController } from './public-survey.controller.js';
import { CampaignAnswerHandler } from './survey-answers.handlers.js';
import { SurveyCampaignReader } from './survey-campaign-reader.js';
import { SurveyCampaignReadsController } from './survey-campaign-reads.controller.js';
import { SurveyCampaignsController } from './survey-campaigns.controller.js';
import { SurveyCampaignCommandHandler } from './survey-campaigns.handlers.js';

/** Survey campaigns: planning, launching, their links and reminders, and the answers to their invitations (phone or the public page). */
@Module({
  controllers: [SurveyCampaignsController, SurveyCampaignReadsController, PublicSurveyController],
  providers: [CommandGateway, SurveyCampaignCommandHandler, CampaignAnswerHandler, SurveyCampaignReader],
})
export class SurveyCampaignsModule {}
