import { right, type Either } from 'fp-ts/lib/Either.js';
import type { WithAccess } from '../shared/access.js';
import { assertNever } from '../shared/assert-never.js';
import type { Decider } from '../shared/decider.js';
import type { DomainError } from '../shared/domain-error.js';
import type { IsoDateTime } from '../shared/time.js';
import { forecastAccess, forecastRegion } from './access.js';
import type { AdjustForecastCommand, ForecastCommand, SubmitForecastCommand } from './commands.js';
import { refuse } from './errors.js';
import type { ForecastEvent } from './events.js';
import { entryKey, evolve, initialState, type ForecastFigures, type ForecastState } from './state.js';

type Decision = Either<DomainError, readonly ForecastEvent[]>;

const same = (a: ForecastFigures | null | undefined, b: ForecastFigures): boolean =>
  a?.commit === b.commit && a.bestCase === b.bestCase;

/** A forecast is of the current month or a later one: a month that is over is measured, not forecast. */
const monthPast = (month: string, at: IsoDateTime): Decision | null =>
  month < at.slice(0, 7)
    ? refuse('FORECAST_MONTH_PAST', `${month} is over: forecasts are for the current month or later`, { month })
    : null;

/** A rep submits a month's forecast; the same numbers again are a no-op, new ones a new submission. */
function submitForecast(command: SubmitForecastCommand, state: ForecastState): Decision {
  const { data, metadata } = command;
  const past = monthPast(data.month, metadata.occurredAt);
  if (past !== null) return past;
  const region = forecastRegion(command, state);
  const entry = state.entries[entryKey(data.month, data.currency)];
  if (region === undefined) return refuse('FORECAST_REGION_REQUIRED', 'name the region the forecast counts in', {});
  if (same(entry?.rep, data) && entry?.region === region) return right([]);
  const { repId, month, currency, commit, bestCase } = data;
  return right([
    {
      type: 'ForecastSubmitted',
      data: {
        repId,
        region,
        month,
        currency,
        commit,
        bestCase,
        submittedBy: metadata.actor.id,
        submittedAt: metadata.occurredAt,
      },
    },
  ]);
}

/** A manager adjusts a submitted forecast beside the rep's numbers; the same adjustment again is a no-op. */
function adjustForecast(command: AdjustForecastCommand, state: ForecastState): Decision {
  const { data, metadata } = command;
  const entry = state.entries[entryKey(data.month, data.currency)];
  if (entry === undefined)
    return refuse(
      'FORECAST_NOT_SUBMITTED',
      `${data.repId} has not submitted a forecast of ${data.month} in ${data.currency}`,
      { repId: data.repId, month: data.month },
    );
  const past = monthPast(data.month, metadata.occurredAt);
  if (past !== null) return past;
  if (same(entry.adjusted, data)) return right([]);
  const { repId, month, currency, commit, bestCase, reason } = data;
  const adjusted = {
    repId,
    region: entry.region,
    month,
    currency,
    commit,
    bestCase,
    repCommit: entry.rep.commit,
    repBestCase: entry.rep.bestCase,
    reason,
  };
  return right([
    { type: 'ForecastAdjusted', data: { ...adjusted, adjustedBy: metadata.actor.id, adjustedAt: metadata.occurredAt } },
  ]);
}

/** Decides a Forecast command against the rep's forecasts, after the access rules. */
function decide(command: WithAccess<ForecastCommand>, state: ForecastState): Decision {
  const access = forecastAccess(command, state);
  if (access._tag === 'Left') return access;
  switch (command.type) {
    case 'SubmitForecast':
      return submitForecast(command, state);
    case 'AdjustForecast':
      return adjustForecast(command, state);
    default:
      return assertNever(command);
  }
}

/** A rep's submitted forecasts (stream `forecast-<repId>`, see `forecastStream`) as a decider. */
export const forecastDecider: Decider<WithAccess<ForecastCommand>, ForecastEvent, ForecastState> = {
  initialState,
  decide,
  evolve,
};
