import {
  type PriceListCommand,
  type PromotionCommand,
  type MarketCommand,
  type CompetitorCommand,
  type ImprovementActionCommand,
  type SurveyCampaignCommand,
  type OpportunityCommand,
  type ProductCommand,
  type AccessFacts,
  type ComplaintCommand,
  type ForecastCommand,
  type CustomerCommand,
  type IsoDate,
  type OrderCommand,
  type ReceivableCommand,
  type SalesbookEvent,
  type TargetCommand,
  type TeamCommand,
} from '@salesbook/domain';
import type { WritableEventMetadata } from '@salesbook/eventstore';

/** The aggregates whose commands the generator decides. */
export type AggregateKind =
  | 'customer'
  | 'order'
  | 'receivable'
  | 'complaint'
  | 'target'
  | 'team'
  | 'product'
  | 'pricelist'
  | 'promotion'
  | 'forecast'
  | 'market'
  | 'competitor'
  | 'action'
  | 'campaign'
  | 'opportunity';

/** Every command the generator issues (of any aggregate), as the edge would pass it to a decider. */
export type SalesbookCommand =
  | CustomerCommand
  | OrderCommand
  | ReceivableCommand
  | ComplaintCommand
  | TargetCommand
  | TeamCommand
  | ProductCommand
  | PriceListCommand
  | PromotionCommand
  | ForecastCommand
  | MarketCommand
  | CompetitorCommand
  | ImprovementActionCommand
  | SurveyCampaignCommand
  | OpportunityCommand;

/** A decided domain event with the metadata it is written with (the codec adds `schemaVersion`, the store `hash`). */
export interface GeneratedEvent {
  readonly type: SalesbookEvent['type'];
  readonly data: SalesbookEvent['data'];
  readonly metadata: WritableEventMetadata;
}

/**
 * One command as the generator handled it: the stream, the command the decider accepted and the events it
 * decided. `commandId` and the event ids are those `handleCommand` would give, so the same command handled
 * through `handleCommand` appends the same events.
 */
export interface GeneratedCommand {
  readonly aggregate: AggregateKind;
  readonly streamName: string;
  /** Revision of the stream's last event before this command; -1 when the stream had none. */
  readonly expectedRevision: number;
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  /** With the access facts the engine read from the simulated register, as a handler would load them. */
  readonly command: SalesbookCommand & { readonly access: AccessFacts };
  readonly events: readonly GeneratedEvent[];
}

/** What happened on one simulated day, in business-time order. */
export interface ActivityBatch {
  readonly date: IsoDate;
  readonly commands: readonly GeneratedCommand[];
}
