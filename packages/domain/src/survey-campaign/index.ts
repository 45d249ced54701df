// Explicit exports: generic helper names (evolve, decide, ...) stay inside so the package
// index can re-export every aggregate without collisions.
export * from './commands.js';
export * from './events.js';
export { drawSample, inPopulation, invitationsOf, monthsBefore } from './draw.js';
export { CAMPAIGN_LAUNCHERS, CAMPAIGN_PLANNERS } from './access.js';
export { answerableInvitation, surveyCampaignDecider } from './decide.js';
export type { SurveyCampaignError, SurveyCampaignErrorCode } from './errors.js';
export type { Invitation, NoCampaign, SurveyCampaign, SurveyCampaignState } from './state.js';
