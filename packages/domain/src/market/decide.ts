import { right, type Either } from 'fp-ts/lib/Either.js';
import type { WithAccess } from '../shared/access.js';
import type { Decider } from '../shared/decider.js';
import type { DomainError } from '../shared/domain-error.js';
import { marketRefusal, marketResearchAccess } from './access.js';
import type { MarketCommand, RecordMarketEstimateCommand } from './commands.js';
import { refuse } from './errors.js';
import type { MarketEvent } from './events.js';
import { estimateKey, evolve, initialState, type MarketState } from './state.js';

type Decision = Either<DomainError, readonly MarketEvent[]>;

/** Records an estimate; the one in force again is a no-op, another one supersedes it (both stay in the stream). */
function recordMarketEstimate(command: RecordMarketEstimateCommand, state: MarketState): Decision {
  const { region, segment, period, currency, amount, range, source } = command.data;
  const low = range?.low ?? null;
  const high = range?.high ?? null;
  if (range !== undefined && (range.low > amount || range.high < amount))
    return refuse(
      'MARKET_RANGE_EXCLUDES_ESTIMATE',
      `the range ${range.low}..${range.high} must hold the estimate ${amount}`,
      { low: range.low, high: range.high, amount },
    );
  const current = state.estimates[estimateKey(period, currency)];
  if (current?.amount === amount && current.low === low && current.high === high && current.source === source)
    return right([]);
  const { actor, occurredAt } = command.metadata;
  return right([
    {
      type: 'MarketSizeEstimated',
      data: {
        ...{ region, segment, period, currency, amount, low, high, source },
        previousAmount: current?.amount ?? null,
        estimatedBy: actor.id,
        estimatedAt: occurredAt,
      },
    },
  ]);
}

/** Decides a Market command against the cell's estimates, after the access rules. */
function decide(command: WithAccess<MarketCommand>, state: MarketState): Decision {
  const access = marketResearchAccess(command, marketRefusal);
  if (access._tag === 'Left') return access;
  return recordMarketEstimate(command, state);
}

/** The Market aggregate (stream `market-<region>-<segment>`, see `marketStream`) as a decider. */
export const marketDecider: Decider<WithAccess<MarketCommand>, MarketEvent, MarketState> = {
  initialState,
  decide,
  evolve,
};
