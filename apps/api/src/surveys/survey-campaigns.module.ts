import { Module } from '@nestjs/common';
import { CommandGateway } from '../commands/command-gateway.js';
import { CampaignAnswerHandler } from './survey-answers.handlers.js';
import { SurveyCampaignsController } from './survey-campaigns.controller.js';
import { SurveyCampaignCommandHandler } from './survey-campaigns.handlers.js';

/** Survey campaigns: planning, launching and the answers to their invitations. */
@Module({
  controllers: [SurveyCampaignsController],
  providers: [CommandGateway, SurveyCampaignCommandHandler, CampaignAnswerHandler],
})
export class SurveyCampaignsModule {}
