/**
 * @salesbook/domain: pure deciders, zod schemas and the shared kernel.
 * No I/O, no clock reads, no random ids: time and ids come in with commands.
 */
export * from './shared/index.js';
export * from './customer/index.js';
export * from './order/index.js';
export * from './receivable/index.js';
export * from './complaint/index.js';
export * from './target/index.js';
export * from './team/index.js';
export * from './period/index.js';
export * from './monthly-report/index.js';
export * from './commission-statement/index.js';
export * from './product/index.js';
export * from './pricelist/index.js';
export * from './promotion/index.js';
export * from './webhook/index.js';
export * from './commission/index.js';
export * from './survey-campaign/index.js';
export * from './forecast/index.js';
export * from './competition/index.js';
export * from './opportunity/index.js';
export * from './evaluation/index.js';
export * from './market/index.js';
export * from './competitor/index.js';
export * from './improvement-action/index.js';
export * from './events.js';
export * from './personal-data-fields.js';
export * from './aggregates.js';
export * from './roles.js';
export * from './policies/index.js';
export * from './error-messages-zh.js';
