import { right, type Either } from 'fp-ts/lib/Either.js';
import type { WithAccess } from '../shared/access.js';
import { assertNever } from '../shared/assert-never.js';
import type { Decider } from '../shared/decider.js';
import type { DomainError } from '../shared/domain-error.js';
import { productAccess } from './access.js';
import type {
  ProductCommand,
  RegisterProductCommand,
  ReviseProductCommand,
  SetStandardCostCommand,
} from './commands.js';
import { refuse } from './errors.js';
import type { ProductEvent } from './events.js';
import { evolve, initialState, type Product, type ProductState } from './state.js';

type Decision = Either<DomainError, readonly ProductEvent[]>;

const exists = (state: ProductState, sku: string): Either<DomainError, Product> =>
  state.status === 'none'
    ? refuse('PRODUCT_NOT_FOUND', `product ${sku} is not in the catalogue`, { sku })
    : right(state);

/** Registers a product once; the same description again is a no-op, another one must be a revision. */
function registerProduct(command: RegisterProductCommand, state: ProductState): Decision {
  const { data, metadata } = command;
  if (state.status !== 'none') {
    const same = state.name === data.name && state.category === data.category && state.unit === data.unit;
    return same
      ? right([])
      : refuse(
          'PRODUCT_ALREADY_REGISTERED',
          `product ${data.sku} is already registered with another description; revise it instead`,
          { sku: data.sku },
        );
  }
  return right([
    {
      type: 'ProductRegistered',
      data: { ...data, registeredBy: metadata.actor.id, registeredAt: metadata.occurredAt },
    },
  ]);
}

/** Revises name, category or unit; a revision that changes nothing is a no-op. */
function reviseProduct(command: ReviseProductCommand, state: ProductState): Decision {
  const product = exists(state, command.data.sku);
  if (product._tag === 'Left') return product;
  const { data } = command;
  const name = data.name ?? product.right.name;
  const category = data.category ?? product.right.category;
  const unit = data.unit ?? product.right.unit;
  if (name === product.right.name && category === product.right.category && unit === product.right.unit)
    return right([]);
  const { sku } = product.right;
  return right([
    {
      type: 'ProductRevised',
      data: { sku, name, category, unit, revisedBy: command.metadata.actor.id, revisedAt: command.metadata.occurredAt },
    },
  ]);
}

/** Sets a standard cost from a date; the same cost for the same date again is a no-op, another one corrects it. */
function setStandardCost(command: SetStandardCostCommand, state: ProductState): Decision {
  const product = exists(state, command.data.sku);
  if (product._tag === 'Left') return product;
  const { sku, currency, amount, effectiveFrom } = command.data;
  const previous =
    (product.right.costs[currency] ?? []).find((entry) => entry.effectiveFrom === effectiveFrom)?.amount ?? null;
  if (previous === amount) return right([]);
  return right([
    {
      type: 'StandardCostSet',
      data: {
        sku,
        currency,
        amount,
        effectiveFrom,
        previousAmount: previous,
        setBy: command.metadata.actor.id,
        setAt: command.metadata.occurredAt,
      },
    },
  ]);
}

/** Moves an existing product to `active` or `inactive`; already there is a no-op. */
function setActive(command: WithAccess<ProductCommand>, state: ProductState, active: boolean): Decision {
  const product = exists(state, command.data.sku);
  if (product._tag === 'Left') return product;
  if ((product.right.status === 'active') === active) return right([]);
  const { sku } = product.right;
  const { actor, occurredAt } = command.metadata;
  return right([
    active
      ? { type: 'ProductReactivated', data: { sku, reactivatedBy: actor.id, reactivatedAt: occurredAt } }
      : { type: 'ProductDeactivated', data: { sku, deactivatedBy: actor.id, deactivatedAt: occurredAt } },
  ]);
}

/** Decides a Product command against the product's state, after the access rules. */
function decide(command: WithAccess<ProductCommand>, state: ProductState): Decision {
  const access = productAccess(command);
  if (access._tag === 'Left') return access;
  switch (command.type) {
    case 'RegisterProduct':
      return registerProduct(command, state);
    case 'ReviseProduct':
      return reviseProduct(command, state);
    case 'SetStandardCost':
      return setStandardCost(command, state);
    case 'DeactivateProduct':
      return setActive(command, state, false);
    case 'ReactivateProduct':
      return setActive(command, state, true);
    default:
      return assertNever(command);
  }
}

/** The Product aggregate (stream `product-<sku>`, see `productStream`) as a decider. */
export const productDecider: Decider<WithAccess<ProductCommand>, ProductEvent, ProductState> = {
  initialState,
  decide,
  evolve,
};
