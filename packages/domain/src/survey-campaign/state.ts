import type { StoredSegment } from '../customer/vocabulary.js';
import type { ActorId, CustomerId, InvitationId, RegionId, SurveyId } from '../shared/ids.js';
import type { IsoDate, YearMonth } from '../shared/time.js';
import type { CampaignPopulation, CampaignSample } from './commands.js';
import type { SurveyCampaignEvent } from './events.js';

/** One invitation: the customer drawn and, at launch, their region, segment and owner rep. */
export interface Invitation {
  readonly invitationId: InvitationId;
  readonly customerId: CustomerId;
  readonly region: RegionId;
  readonly segment: StoredSegment;
  readonly ownerRepId: ActorId;
}

/** No campaign in the stream yet. */
export interface NoCampaign {
  readonly status: 'none';
}

/** A campaign: `planned`, then `launched` with its invitations. */
export interface SurveyCampaign {
  readonly status: 'planned' | 'launched';
  readonly campaignId: SurveyId;
  readonly name: string;
  readonly period: YearMonth;
  readonly population: CampaignPopulation;
  readonly sample: CampaignSample;
  readonly opensOn: IsoDate;
  readonly closesOn: IsoDate;
  readonly plannedBy: ActorId;
  readonly invitations: Readonly<Record<string, Invitation>>;
}

/** The state of a campaign stream. */
export type SurveyCampaignState = NoCampaign | SurveyCampaign;

/** The state before any event. */
export const initialState = (): SurveyCampaignState => ({ status: 'none' });

/** Folds one event into the state; an event that does not apply leaves the state unchanged. */
export function evolve(state: SurveyCampaignState, event: SurveyCampaignEvent): SurveyCampaignState {
  if (event.type === 'SurveyCampaignPlanned') {
    if (state.status !== 'none') return state;
    const { campaignId, name, period, population, sample, opensOn, closesOn, plannedBy } = event.data;
    return {
      status: 'planned',
      campaignId,
      name,
      period,
      population,
      sample,
      opensOn,
      closesOn,
      plannedBy,
      invitations: {},
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'SurveyCampaignLaunched':
      return { ...state, status: 'launched' };
    case 'SurveyInvitationIssued': {
      const { invitationId, customerId, region, segment, ownerRepId } = event.data;
      return {
        ...state,
        invitations: {
          ...state.invitations,
          [invitationId]: { invitationId, customerId, region, segment, ownerRepId },
        },
      };
    }
  }
}
