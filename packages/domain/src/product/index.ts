// Explicit exports: generic helper names (evolve, decide, ...) stay inside so the package
// index can re-export every aggregate without collisions.
export * from './commands.js';
export * from './events.js';
export { CATALOGUE_ROLES } from './access.js';
export { productDecider } from './decide.js';
export type { ProductError, ProductErrorCode } from './errors.js';
export { standardCostOn, type CostEntry, type NoProduct, type Product, type ProductState } from './state.js';
