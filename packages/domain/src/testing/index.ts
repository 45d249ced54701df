export * from './decider-spec.js';
export * from './actors.js';
export * from './access.js';
