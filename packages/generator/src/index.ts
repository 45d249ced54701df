/**
 * @salesbook/generator: a seeded, reproducible generator of a sales department's activity, every event
 * decided by the domain's real deciders, for tests, benchmarks and the demonstration data.
 */
export * from './activity.js';
export * from './handle-generated.js';
export { generateActivity } from './generate.js';
export { resolveOptions, EVENTS_PER_CUSTOMER_MONTH, type GeneratorOptions, type ResolvedOptions } from './options.js';
export { createRandom, type Random } from './random.js';
export { seedStore, type SeedOptions, type SeedResult } from './seed-store.js';
export { BUDGET_EXHAUSTED } from './engine.js';
