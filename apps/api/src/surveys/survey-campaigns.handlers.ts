import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import {
  LaunchSurveyCampaign,
  monthsBefore,
  surveyCampaignDecider,
  surveyCampaignEventRegistry,
  surveyCampaignStream,
  type CampaignPopulation,
  type LaunchSurveyCampaignRequest,
  type PlanSurveyCampaign,
  type SurveyCampaignState,
} from '@salesbook/domain';
import type { EventCodec, EventStore } from '@salesbook/eventstore';
import { queryCampaignPopulation } from '@salesbook/projections';
import { AggregateCommand, type CommandReply } from '../commands/command-request.js';
import { runCommand } from '../commands/run-command.js';
import { EVENT_CODEC, EVENT_STORE, READ_MODELS } from '../infrastructure/tokens.js';
import { TeamRegister } from '../team/team-register.js';

/** What the campaign routes send: a plan, or a launch naming only the campaign (the handler adds the population). */
type CampaignPayload =
  | { readonly type: 'PlanSurveyCampaign'; readonly data: PlanSurveyCampaign }
  | { readonly type: 'LaunchSurveyCampaign'; readonly data: LaunchSurveyCampaignRequest };

/** A SurveyCampaign command on the CommandBus. */
export class SurveyCampaignCommandMessage extends AggregateCommand<CampaignPayload> {}

/**
 * Decides SurveyCampaign commands on `campaign-<id>`. A launch gets the business date and the population as the read
 * models hold it now (active customers of the campaign's segments and regions with an order in its window): the decider
 * checks and draws from it, so the population is as fresh as the read models (eventually consistent).
 */
@CommandHandler(SurveyCampaignCommandMessage)
export class SurveyCampaignCommandHandler implements ICommandHandler<SurveyCampaignCommandMessage> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_CODEC) private readonly codec: EventCodec,
    @Inject(READ_MODELS) private readonly db: Database.Database,
    private readonly team: TeamRegister,
  ) {}

  async execute({ request }: SurveyCampaignCommandMessage): Promise<CommandReply> {
    const { payload, metadata, access } = request;
    const target = {
      decider: surveyCampaignDecider,
      registry: surveyCampaignEventRegistry,
      streamName: surveyCampaignStream(payload.data.campaignId),
    };
    const write = { store: this.store, codec: this.codec };
    if (payload.type === 'PlanSurveyCampaign')
      return runCommand(write, target, request, { command: { ...payload, metadata, access } });
    const launchedOn = this.team.businessDate(metadata.occurredAt);
    return runCommand(write, target, request, {
      // A campaign not planned or already launched is decided without reading a population.
      commandFor: async (state: SurveyCampaignState) => ({
        type: 'LaunchSurveyCampaign' as const,
        data: LaunchSurveyCampaign.parse({
          ...payload.data,
          launchedOn,
          population: state.status === 'planned' ? this.population(state.population, launchedOn) : [],
        }),
        metadata,
        access,
      }),
    });
  }

  /** The population rows in the command's terms (ids and vocabularies as the read model holds them from validated events). */
  private population(population: CampaignPopulation, on: string): unknown[] {
    const rows = queryCampaignPopulation(this.db, {
      segments: population.segments,
      regions: population.regions,
      orderedSince: monthsBefore(on, population.orderedWithinMonths),
      on,
    });
    return rows.map((row) => ({
      customerId: row.customer_id,
      region: row.region,
      segment: row.segment,
      ownerRepId: row.owner_rep_id,
      lastOrderOn: row.last_order_on,
    }));
  }
}
