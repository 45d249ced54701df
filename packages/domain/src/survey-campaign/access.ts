import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import { checkAccess, type AccessError, type RecordScope, type WithAccess } from '../shared/access.js';
import type { Role } from '../shared/actors.js';
import type { CampaignPopulation, SurveyCampaignCommand } from './commands.js';
import { refuse, type SurveyCampaignError } from './errors.js';
import type { SurveyCampaignState } from './state.js';

/** Who plans campaigns: market analysts and the sales manager; a regional manager for their own region alone; imports. */
export const CAMPAIGN_PLANNERS: readonly Role[] = ['sales_manager', 'regional_manager', 'market_analyst', 'system'];
/** Who launches a campaign: a sales manager (and imports). */
export const CAMPAIGN_LAUNCHERS: readonly Role[] = ['sales_manager', 'system'];

/** A campaign of exactly one region belongs to it; any other is the whole company's (outside a regional scope). */
const scopeOf = (population: CampaignPopulation): RecordScope | null =>
  population.regions.length === 1 && population.regions[0] !== undefined ? { region: population.regions[0] } : null;

function populationOf(command: SurveyCampaignCommand, state: SurveyCampaignState): CampaignPopulation | null {
  if (state.status !== 'none') return state.population;
  return command.type === 'PlanSurveyCampaign' ? command.data.population : null;
}

/**
 * The access rules of a SurveyCampaign command, before any state check: the token agrees with the register; the
 * campaign is in the actor's scope (a regional manager: a campaign of their region alone; a rep: none); launching is
 * a sales manager's, planning the analysts', the sales manager's and (in scope) a regional manager's.
 */
export function surveyCampaignAccess(
  command: WithAccess<SurveyCampaignCommand>,
  state: SurveyCampaignState,
): Either<AccessError | SurveyCampaignError, true> {
  const population = populationOf(command, state);
  const { actor } = command.metadata;
  const scoped = checkAccess(actor, command.access, population === null ? null : scopeOf(population));
  if (isLeft(scoped)) return scoped;
  const launching = command.type === 'LaunchSurveyCampaign';
  const roles = launching ? CAMPAIGN_LAUNCHERS : CAMPAIGN_PLANNERS;
  return roles.includes(actor.role)
    ? right(true)
    : refuse('CAMPAIGN_NOT_AUTHORIZED', `a ${actor.role} may not ${launching ? 'launch' : 'plan'} survey campaigns`, {
        role: actor.role,
      });
}
