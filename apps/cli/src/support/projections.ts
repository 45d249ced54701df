import { allProjections, type Projection } from '@salesbook/projections';

/** Every read model `replay` rebuilds and `verify` checks: the projections package's one list. */
export const ALL_PROJECTIONS: readonly Projection[] = allProjections;
