/**
 * @salesbook/eventstore/testing: the contract suite every event store adapter must pass, and the file search of
 * erasure tests.
 * Imports jest's globals, so load it from test files only.
 */
export * from './contract-suite.js';
export * from './files.js';
