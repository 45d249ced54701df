/**
 * @salesbook/eventstore/testing: the contract suite every event store adapter must pass.
 * Imports jest's globals, so load it from test files only.
 */
export * from './contract-suite.js';
