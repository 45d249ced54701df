import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { left } from 'fp-ts/lib/Either.js';
import {
  answerableInvitation,
  customerDecider,
  customerEventRegistry,
  customerStream,
  SurveyId,
  surveyCampaignDecider,
  surveyCampaignEventRegistry,
  surveyCampaignStream,
  type CampaignAnswer,
  type InvitationId,
} from '@salesbook/domain';
import { loadAggregate, type EventCodec, type EventStore } from '@salesbook/eventstore';
import { AggregateCommand, type CommandReply } from '../commands/command-request.js';
import { runCommand } from '../commands/run-command.js';
import { EVENT_CODEC, EVENT_STORE } from '../infrastructure/tokens.js';
import { TeamRegister } from '../team/team-register.js';

/** An answer to an invitation, by phone (a rep's route) or through the signed link (the public page). */
export type CampaignAnswerPayload = {
  readonly type: 'RecordCampaignAnswer';
  readonly data: CampaignAnswer & { readonly invitationId: InvitationId; readonly channel?: 'link' | 'phone' };
};

/** A campaign answer on the CommandBus. */
export class CampaignAnswerMessage extends AggregateCommand<CampaignAnswerPayload> {}

/** The campaign an invitation id belongs to: everything before its last `.` (ids are `<campaign id>.<n>`). */
export const campaignOf = (invitationId: string): string =>
  invitationId.slice(0, Math.max(0, invitationId.lastIndexOf('.')));

/**
 * Records an answer on the invited customer's stream: the invitation is looked up in its campaign's stream and must be
 * answerable at the business date; the customer's decider then takes one answer per invitation. The answer is one
 * write (the customer's stream), so there is no partial state between two streams.
 */
@CommandHandler(CampaignAnswerMessage)
export class CampaignAnswerHandler implements ICommandHandler<CampaignAnswerMessage> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_CODEC) private readonly codec: EventCodec,
    private readonly team: TeamRegister,
  ) {}

  async execute({ request }: CampaignAnswerMessage): Promise<CommandReply> {
    const { payload, metadata, access } = request;
    const { invitationId, channel, ...answer } = payload.data;
    const campaignId = SurveyId.safeParse(campaignOf(invitationId));
    const streamName = campaignId.success ? surveyCampaignStream(campaignId.data) : null;
    const campaign =
      streamName === null
        ? null
        : await loadAggregate({
            store: this.store,
            codec: this.codec,
            decider: surveyCampaignDecider,
            registry: surveyCampaignEventRegistry,
            streamName,
          });
    if (campaign?._tag === 'Left') return campaign;
    const invitation = answerableInvitation(
      campaign?.right.state ?? { status: 'none' },
      invitationId,
      this.team.businessDate(metadata.occurredAt),
    );
    if (invitation._tag === 'Left') return left(invitation.left);
    const { customerId, campaign: found } = invitation.right;
    const data = {
      ...answer,
      customerId,
      campaignId: found.campaignId,
      invitationId,
      period: found.period,
      channel: channel ?? 'phone',
    };
    const target = {
      decider: customerDecider,
      registry: customerEventRegistry,
      streamName: customerStream(customerId),
    };
    return runCommand({ store: this.store, codec: this.codec }, target, request, {
      command: { type: 'RecordCampaignAnswer', data, metadata, access },
    });
  }
}
