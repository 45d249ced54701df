import { Inject, Injectable } from '@nestjs/common';
import {
  customerDecider,
  customerEventRegistry,
  customerStream,
  SurveyId,
  surveyCampaignDecider,
  surveyCampaignEventRegistry,
  surveyCampaignStream,
  type CustomerId,
  type CustomerState,
  type InvitationId,
  type SurveyCampaignState,
} from '@salesbook/domain';
import { loadAggregate, type EventCodec, type EventStore } from '@salesbook/eventstore';
import type { ApiConfig } from '../config/config.js';
import { toHttpException } from '../http/failures.js';
import { API_CONFIG, EVENT_CODEC, EVENT_STORE } from '../infrastructure/tokens.js';
import { campaignOf } from './survey-answers.handlers.js';
import { linkExpiry } from './survey-campaign-reads.js';
import { signSurveyLink } from './survey-link-token.js';

/** Where the public survey page answers: `/s/<token>`. */
export const PUBLIC_SURVEY_PREFIX = '/s/';

/** Reads campaigns and customers from their streams for the link routes and the public page, and signs links. */
@Injectable()
export class SurveyCampaignReader {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_CODEC) private readonly codec: EventCodec,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** A campaign's state (`none` for an unknown id); a stream that cannot be folded is the store's failure, thrown. */
  async campaign(id: SurveyId): Promise<SurveyCampaignState> {
    const loaded = await loadAggregate({
      store: this.store,
      codec: this.codec,
      decider: surveyCampaignDecider,
      registry: surveyCampaignEventRegistry,
      streamName: surveyCampaignStream(id),
    });
    if (loaded._tag === 'Left') throw toHttpException({ kind: 'domain', error: loaded.left });
    return loaded.right.state;
  }

  /** The campaign an invitation belongs to (`none` when its id names none). */
  async campaignOfInvitation(invitationId: InvitationId): Promise<SurveyCampaignState> {
    const id = SurveyId.safeParse(campaignOf(invitationId));
    return id.success ? this.campaign(id.data) : { status: 'none' };
  }

  /** A customer's state, for the company name and whether an invitation was answered. */
  async customer(id: CustomerId): Promise<CustomerState> {
    const loaded = await loadAggregate({
      store: this.store,
      codec: this.codec,
      decider: customerDecider,
      registry: customerEventRegistry,
      streamName: customerStream(id),
    });
    if (loaded._tag === 'Left') throw toHttpException({ kind: 'domain', error: loaded.left });
    return loaded.right.state;
  }

  /** The public page's path of an invitation of a campaign closing on `closesOn`. */
  async linkPath(invitationId: InvitationId, closesOn: string): Promise<string> {
    const token = await signSurveyLink(
      this.config.surveyLinkSecret,
      invitationId,
      linkExpiry(closesOn, this.config.timeZone),
    );
    return `${PUBLIC_SURVEY_PREFIX}${token}`;
  }
}
