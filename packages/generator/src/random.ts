// The one seeded pseudo-random source lives in the domain (survey campaigns draw their samples with it); re-exported here for the generator's modules.
export { createRandom, type Random } from '@salesbook/domain';
