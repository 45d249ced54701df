import { right, type Either } from 'fp-ts/lib/Either.js';
import type { WithAccess } from '../shared/access.js';
import { assertNever } from '../shared/assert-never.js';
import type { Decider } from '../shared/decider.js';
import type { DomainError } from '../shared/domain-error.js';
import type { IsoDate } from '../shared/time.js';
import { priceListAccess } from './access.js';
import type {
  CreatePriceListCommand,
  EndPriceListCommand,
  PriceListCommand,
  RemoveListPriceCommand,
  SetListPricesCommand,
} from './commands.js';
import { refuse } from './errors.js';
import type { PriceListEvent } from './events.js';
import { evolve, initialState, type PriceList, type PriceListState } from './state.js';

type Decision = Either<DomainError, readonly PriceListEvent[]>;

const exists = (state: PriceListState, id: string): Either<DomainError, PriceList> =>
  state.status === 'none'
    ? refuse('PRICELIST_NOT_FOUND', `price list ${id} does not exist`, { priceListId: id })
    : right(state);

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Creates a list once; the same list again is a no-op, another one under that id is refused. */
function createPriceList(command: CreatePriceListCommand, state: PriceListState): Decision {
  const { data, metadata } = command;
  const validTo = data.validTo ?? null;
  if (state.status !== 'none') {
    const same =
      state.name === data.name &&
      state.currency === data.currency &&
      sameJson(state.audience, data.audience) &&
      state.validFrom === data.validFrom;
    return same
      ? right([])
      : refuse('PRICELIST_ALREADY_CREATED', `price list ${data.priceListId} already exists with other terms`, {
          priceListId: data.priceListId,
        });
  }
  return right([
    {
      type: 'PriceListCreated',
      data: { ...data, validTo, createdBy: metadata.actor.id, createdAt: metadata.occurredAt },
    },
  ]);
}

/** Sets prices of some skus; prices already so are left out, and nothing left is a no-op. */
function setListPrices(command: SetListPricesCommand, state: PriceListState): Decision {
  const list = exists(state, command.data.priceListId);
  if (list._tag === 'Left') return list;
  const changed = command.data.prices.filter((price) => !sameJson(list.right.prices[price.sku], price));
  if (changed.length === 0) return right([]);
  return right([
    {
      type: 'ListPricesSet',
      data: {
        priceListId: list.right.priceListId,
        prices: changed,
        setBy: command.metadata.actor.id,
        setAt: command.metadata.occurredAt,
      },
    },
  ]);
}

/** Takes a sku off the list; a sku the list does not price is a no-op. */
function removeListPrice(command: RemoveListPriceCommand, state: PriceListState): Decision {
  const list = exists(state, command.data.priceListId);
  if (list._tag === 'Left') return list;
  const { sku } = command.data;
  if (list.right.prices[sku] === undefined) return right([]);
  return right([
    {
      type: 'ListPriceRemoved',
      data: {
        priceListId: list.right.priceListId,
        sku,
        removedBy: command.metadata.actor.id,
        removedAt: command.metadata.occurredAt,
      },
    },
  ]);
}

/** Ends a list earlier: not before it starts, and only shortening it (the same end again is a no-op). */
function endPriceList(command: EndPriceListCommand, state: PriceListState): Decision {
  const list = exists(state, command.data.priceListId);
  if (list._tag === 'Left') return list;
  const { validFrom, validTo: previousValidTo, priceListId } = list.right;
  const validTo: IsoDate = command.data.validTo;
  if (previousValidTo === validTo) return right([]);
  if (validTo < validFrom)
    return refuse(
      'PRICELIST_END_OUT_OF_RANGE',
      `price list ${priceListId} cannot end before it starts (${validFrom})`,
      { validFrom, validTo },
    );
  if (previousValidTo !== null && validTo > previousValidTo)
    return refuse(
      'PRICELIST_ENDED',
      `price list ${priceListId} already ends on ${previousValidTo}; a list is never extended`,
      { validTo: previousValidTo },
    );
  return right([
    {
      type: 'PriceListEnded',
      data: {
        priceListId,
        validTo,
        previousValidTo,
        endedBy: command.metadata.actor.id,
        endedAt: command.metadata.occurredAt,
      },
    },
  ]);
}

/** Decides a PriceList command against the list's state, after the access rules. */
function decide(command: WithAccess<PriceListCommand>, state: PriceListState): Decision {
  const access = priceListAccess(command, state);
  if (access._tag === 'Left') return access;
  switch (command.type) {
    case 'CreatePriceList':
      return createPriceList(command, state);
    case 'SetListPrices':
      return setListPrices(command, state);
    case 'RemoveListPrice':
      return removeListPrice(command, state);
    case 'EndPriceList':
      return endPriceList(command, state);
    default:
      return assertNever(command);
  }
}

/** The PriceList aggregate (stream `pricelist-<id>`, see `priceListStream`) as a decider. */
export const priceListDecider: Decider<WithAccess<PriceListCommand>, PriceListEvent, PriceListState> = {
  initialState,
  decide,
  evolve,
};
