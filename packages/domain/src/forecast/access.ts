import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import { checkAccess, checkNamedRep, type AccessError, type WithAccess } from '../shared/access.js';
import type { Role } from '../shared/actors.js';
import type { RegionId } from '../shared/ids.js';
import type { ForecastCommand } from './commands.js';
import { refuse, type ForecastError } from './errors.js';
import { entryKey, type ForecastState } from './state.js';

/** Who submits a rep's forecast: the rep (their own, as the scope rule says) and imports. */
export const FORECAST_SUBMITTERS: readonly Role[] = ['sales_rep', 'system'];
/** Who adjusts a submitted forecast: the sales manager, a regional manager in their region, and imports. */
export const FORECAST_ADJUSTERS: readonly Role[] = ['sales_manager', 'regional_manager', 'system'];

/** The region a forecast counts in: an adjustment the region of the rep's submission, a submission the one named or the rep's own. */
export function forecastRegion(command: ForecastCommand, state: ForecastState): RegionId | undefined {
  if (command.type === 'AdjustForecast')
    return state.entries[entryKey(command.data.month, command.data.currency)]?.region;
  return command.data.region ?? command.metadata.actor.region;
}

/**
 * The access rules of a Forecast command, before any state check: the token agrees with the register, the rep's
 * forecast is in the actor's scope (a rep their own, a regional manager their region's; an adjustment of a month
 * never submitted is out of every limited scope), the role may do it, and a submission names an active rep of its region.
 */
export function forecastAccess(
  command: WithAccess<ForecastCommand>,
  state: ForecastState,
): Either<AccessError | ForecastError, true> {
  const { actor } = command.metadata;
  const region = forecastRegion(command, state);
  const scoped = checkAccess(
    actor,
    command.access,
    region === undefined ? null : { repId: command.data.repId, region },
  );
  if (isLeft(scoped)) return scoped;
  const submitting = command.type === 'SubmitForecast';
  if (!(submitting ? FORECAST_SUBMITTERS : FORECAST_ADJUSTERS).includes(actor.role)) {
    return refuse('FORECAST_NOT_AUTHORIZED', `a ${actor.role} may not ${submitting ? 'submit' : 'adjust'} forecasts`, {
      role: actor.role,
    });
  }
  return submitting && region !== undefined ? checkNamedRep(command.data.repId, region, command.access) : right(true);
}
