import { CliError } from '../support/cli-error.js';
import type { StoreContext } from '../support/infrastructure.js';
import { note, out } from '../support/output.js';
import { startProgress } from '../support/progress.js';
import { ALL_PROJECTIONS } from '../support/projections.js';
import { verifyChains } from '../verify/chains.js';
import { verifyDigests, type DigestComparison } from '../verify/digests.js';

/** Options of `salesbook verify`. */
export interface VerifyOptions {
  /** Check hash chains only. */
  readonly chainsOnly?: boolean;
}

const differingTables = (result: DigestComparison): string =>
  Object.entries(result.live?.tables ?? {})
    .filter(([table, digest]) => result.scratch?.tables[table]?.digest !== digest.digest)
    .map(
      ([table, digest]) => `${table} (live ${digest.rows} rows, rebuilt ${result.scratch?.tables[table]?.rows ?? 0})`,
    )
    .join(', ');

/**
 * `salesbook verify`: every stream's hash chain, then every built read model's digest against a scratch
 * rebuild at the same checkpoint. Exits non-zero naming the first broken stream and revision, or the first
 * read model that differs.
 */
export async function verify(context: StoreContext, options: VerifyOptions): Promise<void> {
  const progress = startProgress('hash chains', 0, 'events');
  const chains = await verifyChains(context.store, (events) => progress.update(events, events)).finally(() =>
    progress.stop(),
  );
  out(
    `hash chains: ${chains.streams} streams, ${chains.events} events in ${context.storeName}: ${chains.breaks.length === 0 ? 'all intact' : `${chains.breaks.length} broken`}`,
  );
  for (const broken of chains.breaks.slice(0, 20))
    out(`  BROKEN ${broken.streamName} at revision ${broken.revision} (${broken.reason})`);
  const failures: string[] = chains.breaks.map(
    (broken) => `hash chain broken: stream ${broken.streamName} at revision ${broken.revision} (${broken.reason})`,
  );
  if (options.chainsOnly !== true) {
    note(`rebuilding read models into a scratch database to compare digests with ${context.config.readModelsPath}`);
    const results = await verifyDigests(
      context.store,
      context.config.readModelsPath,
      context.config.timeZone,
      ALL_PROJECTIONS,
    );
    for (const result of results) {
      if (result.status === 'not-built')
        out(
          `read model ${result.name}: not built in ${context.config.readModelsPath} (nothing to compare; \`salesbook replay\` builds it)`,
        );
      else if (result.status === 'match')
        out(
          `read model ${result.name}: digest ${result.live?.digest.slice(0, 16)} at position ${result.position ?? 'start'} equals a scratch rebuild`,
        );
      else {
        out(
          `read model ${result.name}: DIFFERS from a scratch rebuild at position ${result.position ?? 'start'}: ${differingTables(result)}`,
        );
        failures.push(
          `read model ${result.name} differs from a rebuild from the events at position ${result.position ?? 'start'}`,
        );
      }
    }
  }
  if (failures.length > 0)
    throw new CliError(
      `verify failed: ${failures[0]}${failures.length > 1 ? ` (and ${failures.length - 1} more problem${failures.length > 2 ? 's' : ''})` : ''}`,
    );
  out('verify: OK');
}
