/**
 * @salesbook/domain: pure deciders, zod schemas and the shared kernel.
 * No I/O, no clock reads, no random ids: time and ids come in with commands.
 */
export * from './shared/index.js';
