// Explicit exports: generic helper names (evolve, requireStatus, ...) stay inside so the package
// index can re-export every aggregate without collisions.
export * from './commands.js';
export * from './customer-snapshot.js';
export * from './events.js';
export * from './order-line.js';
export { priceLines, type PricingFacts, type PricingOrder } from './list-pricing.js';
export * from './payment-terms.js';
export { orderDecider } from './decide.js';
export type { OrderError, OrderErrorCode } from './errors.js';
export type {
  DeliveryRecord,
  NoOrder,
  Order,
  OrderLineState,
  OrderState,
  OrderStatus,
  ShipmentRecord,
} from './state.js';
