import { right, type Either } from 'fp-ts/lib/Either.js';
import type { WithAccess } from '../shared/access.js';
import { assertNever } from '../shared/assert-never.js';
import type { Decider } from '../shared/decider.js';
import type { DomainError } from '../shared/domain-error.js';
import type { IsoDate } from '../shared/time.js';
import { surveyCampaignAccess } from './access.js';
import {
  CAMPAIGN_QUESTIONS,
  type LaunchSurveyCampaignCommand,
  type PlanSurveyCampaignCommand,
  type SurveyCampaignCommand,
} from './commands.js';
import { drawSample, inPopulation, invitationsOf } from './draw.js';
import { refuse, type SurveyCampaignError } from './errors.js';
import type { SurveyCampaignEvent } from './events.js';
import { evolve, initialState, type Invitation, type SurveyCampaign, type SurveyCampaignState } from './state.js';

type Decision = Either<DomainError, readonly SurveyCampaignEvent[]>;

const exists = (state: SurveyCampaignState, id: string): Either<SurveyCampaignError, SurveyCampaign> =>
  state.status === 'none'
    ? refuse('CAMPAIGN_NOT_FOUND', `survey campaign ${id} does not exist`, { campaignId: id })
    : right(state);

/** Plans a campaign once; the same plan again is a no-op, another under its id is refused. */
function planCampaign(command: PlanSurveyCampaignCommand, state: SurveyCampaignState): Decision {
  const { data, metadata } = command;
  if (state.status !== 'none') {
    const terms = (
      c: Pick<SurveyCampaign, 'name' | 'period' | 'population' | 'sample' | 'opensOn' | 'closesOn'>,
    ): string => JSON.stringify([c.name, c.period, c.population, c.sample, c.opensOn, c.closesOn]);
    return terms(state) === terms(data)
      ? right([])
      : refuse('CAMPAIGN_ALREADY_PLANNED', `survey campaign ${data.campaignId} already exists with other terms`, {
          campaignId: data.campaignId,
        });
  }
  const { actor, occurredAt } = metadata;
  return right([
    {
      type: 'SurveyCampaignPlanned',
      data: {
        ...data,
        questions: [...CAMPAIGN_QUESTIONS],
        plannedBy: actor.id,
        plannerRole: actor.role,
        plannedAt: occurredAt,
      },
    },
  ]);
}

/** Every customer passed in belongs to the campaign's population on the launch date, once each. */
function checkPopulation(
  campaign: SurveyCampaign,
  command: LaunchSurveyCampaignCommand,
): Either<SurveyCampaignError, true> {
  const { population, launchedOn } = command.data;
  const seen = new Set<string>();
  for (const member of population) {
    if (seen.has(member.customerId) || !inPopulation(campaign.population, member, launchedOn)) {
      return refuse(
        'CAMPAIGN_POPULATION_MISMATCH',
        `customer ${member.customerId} is not in the population of campaign ${campaign.campaignId} once on ${launchedOn}`,
        { customerId: member.customerId },
      );
    }
    seen.add(member.customerId);
  }
  return population.length === 0
    ? refuse('CAMPAIGN_POPULATION_EMPTY', `no customer is in the population of campaign ${campaign.campaignId}`, {
        campaignId: campaign.campaignId,
      })
    : right(true);
}

/** A sales manager launches a planned campaign before it closes: one invitation per customer drawn; again is a no-op. */
function launchCampaign(command: LaunchSurveyCampaignCommand, state: SurveyCampaignState): Decision {
  const found = exists(state, command.data.campaignId);
  if (found._tag === 'Left') return found;
  const campaign = found.right;
  if (campaign.status === 'launched') return right([]);
  if (command.data.launchedOn > campaign.closesOn) {
    return refuse('CAMPAIGN_CLOSED', `survey campaign ${campaign.campaignId} closed on ${campaign.closesOn}`, {
      closesOn: campaign.closesOn,
    });
  }
  const valid = checkPopulation(campaign, command);
  if (valid._tag === 'Left') return valid;
  const invitations = invitationsOf(campaign.campaignId, drawSample(command.data.population, campaign.sample));
  const { actor, occurredAt } = command.metadata;
  return right([
    {
      type: 'SurveyCampaignLaunched',
      data: {
        campaignId: campaign.campaignId,
        populationSize: command.data.population.length,
        invited: invitations.length,
        launchedBy: actor.id,
        launchedAt: occurredAt,
      },
    },
    ...invitations.map((invitation): SurveyCampaignEvent => ({
      type: 'SurveyInvitationIssued',
      data: { campaignId: campaign.campaignId, ...invitation, issuedAt: occurredAt },
    })),
  ]);
}

/** An invitation that may be answered on `on`: it exists and the campaign takes answers that day (opening and closing days included). */
export function answerableInvitation(
  state: SurveyCampaignState,
  invitationId: string,
  on: IsoDate,
): Either<SurveyCampaignError, Invitation & { readonly campaign: SurveyCampaign }> {
  const invitation = state.status === 'launched' ? state.invitations[invitationId] : undefined;
  if (state.status !== 'launched' || invitation === undefined)
    return refuse('CAMPAIGN_INVITATION_NOT_FOUND', `there is no invitation ${invitationId}`, { invitationId });
  if (on < state.opensOn || on > state.closesOn) {
    return refuse(
      'CAMPAIGN_NOT_OPEN',
      `survey campaign ${state.campaignId} takes answers from ${state.opensOn} to ${state.closesOn}`,
      { opensOn: state.opensOn, closesOn: state.closesOn },
    );
  }
  return right({ ...invitation, campaign: state });
}

/** Decides a SurveyCampaign command against the campaign's state, after the access rules. */
function decide(command: WithAccess<SurveyCampaignCommand>, state: SurveyCampaignState): Decision {
  const access = surveyCampaignAccess(command, state);
  if (access._tag === 'Left') return access;
  switch (command.type) {
    case 'PlanSurveyCampaign':
      return planCampaign(command, state);
    case 'LaunchSurveyCampaign':
      return launchCampaign(command, state);
    default:
      return assertNever(command);
  }
}

/** The SurveyCampaign aggregate (stream `campaign-<id>`, see `surveyCampaignStream`) as a decider. */
export const surveyCampaignDecider: Decider<
  WithAccess<SurveyCampaignCommand>,
  SurveyCampaignEvent,
  SurveyCampaignState
> = { initialState, decide, evolve };
