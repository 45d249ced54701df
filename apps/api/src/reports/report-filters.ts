import { z } from 'zod';
import { ID_PATTERN, type Actor } from '@salesbook/domain';
import type { ReportScope } from '@salesbook/projections';
import type { ApiFailure } from '../http/failures.js';
import { scopeOf } from './report-definition.js';

/** Optional `region` and `rep` query filters of a report (the dashboard's filters): they narrow, never widen, the role scope. */
export const ScopeFilter = {
  region: z.string().regex(ID_PATTERN, 'must be a region id').optional(),
  rep: z.string().regex(ID_PATTERN, 'must be a rep id').optional(),
};
/** The filters as a report query carries them. */
export type ScopeFilter = { readonly region?: string | undefined; readonly rep?: string | undefined };

/**
 * A filter outside the caller's own scope is refused (403 `FILTER_NOT_AUTHORIZED`) rather than answered empty: a rep
 * asking for another rep, a regional manager for another region.
 */
export function refuseForeignFilter(filter: ScopeFilter, actor: Actor): ApiFailure | undefined {
  const own = scopeOf(actor);
  const refuse = (message: string): ApiFailure => ({ kind: 'forbidden', code: 'FILTER_NOT_AUTHORIZED', message });
  if (filter.rep !== undefined && own.repId !== undefined && filter.rep !== own.repId)
    return refuse('a sales rep may filter on their own rep id only');
  if (filter.region !== undefined && own.region !== undefined && filter.region !== own.region)
    return refuse('a regional manager may filter on their own region only');
  return undefined;
}

/** The role scope narrowed by the filters (after {@link refuseForeignFilter} has let them through). */
export function filteredScope(actor: Actor, filter: ScopeFilter): ReportScope {
  const own = scopeOf(actor);
  const repId = filter.rep ?? own.repId;
  const region = filter.region ?? own.region;
  return { ...(repId === undefined ? {} : { repId }), ...(region === undefined ? {} : { region }) };
}
