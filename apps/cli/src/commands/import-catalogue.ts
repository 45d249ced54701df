import { randomUUID } from 'node:crypto';
import {
  ActorId,
  Currency,
  productDecider,
  productEventRegistry,
  productStream,
  type CommandPayload,
  type DomainError,
  type ProductCommand,
  type Sku,
  type WithAccess,
} from '@salesbook/domain';
import { handleCommand, loadAggregate } from '@salesbook/eventstore';
import { CliError } from '../support/cli-error.js';
import type { StoreContext } from '../support/infrastructure.js';
import { fail, out } from '../support/output.js';
import { CATALOGUE_COLUMNS, readCatalogue, type CatalogueProduct } from '../import/catalogue-rows.js';
import { readCsv } from '../import/csv-file.js';
import { Problems } from '../import/problems.js';
import { TEXT_ENCODINGS } from '../import/text-encoding.js';
import { requireFile } from './import.js';

/** Options of `salesbook import-catalogue`. */
export interface CatalogueOptions {
  readonly dryRun?: boolean;
  readonly encoding?: string;
}

const IMPORTER = ActorId.parse('catalogue-import');

/** The commands one product of the file stands for: register it, then set each cost its rows name. */
function commandsOf(product: CatalogueProduct): CommandPayload<ProductCommand>[] {
  const sku = product.sku as Sku;
  const register: CommandPayload<ProductCommand> = {
    type: 'RegisterProduct',
    data: { sku, name: product.name, category: product.category, unit: product.unit },
  };
  const costs = product.costs.map((cost): CommandPayload<ProductCommand> => ({
    type: 'SetStandardCost',
    data: { sku, currency: Currency.parse(cost.currency), amount: cost.amount, effectiveFrom: cost.effectiveFrom },
  }));
  return [register, ...costs];
}

/** Decides (and, when `write`, appends) one product's commands as the system; the events it would append, or the refusal. */
async function importProduct(
  context: StoreContext,
  product: CatalogueProduct,
  occurredAt: string,
  write: boolean,
): Promise<number | DomainError> {
  const streamName = productStream(product.sku as Sku);
  const base = {
    store: context.store,
    codec: context.plainCodec,
    decider: productDecider,
    registry: productEventRegistry,
    streamName,
  };
  const command = (payload: CommandPayload<ProductCommand>): WithAccess<ProductCommand> => ({
    ...payload,
    metadata: { actor: { id: IMPORTER, role: 'system' }, occurredAt },
    access: { actor: null },
  });
  const loaded = await loadAggregate(base);
  if (loaded._tag === 'Left') return loaded.left;
  let state = loaded.right.state;
  let events = 0;
  for (const payload of commandsOf(product)) {
    const decided = productDecider.decide(command(payload), state);
    if (decided._tag === 'Left') return decided.left;
    state = decided.right.reduce(productDecider.evolve, state);
    events += decided.right.length;
    if (write && decided.right.length > 0) {
      const written = await handleCommand({ ...base, commandId: randomUUID(), command: command(payload) });
      if (written._tag === 'Left') return written.left;
    }
  }
  return events;
}

/**
 * `salesbook import-catalogue <catalogue.csv> [--dry-run]`: registers each product of the file and sets the
 * standard costs its rows name, as the system, through the Product decider. Every row is checked first; a product
 * with a bad row is not written. Products and costs already there are no-ops, so a second run appends nothing.
 */
export async function importCatalogue(context: StoreContext, path: string, options: CatalogueOptions): Promise<void> {
  requireFile(path);
  const encoding = TEXT_ENCODINGS.find((name) => name === (options.encoding ?? 'auto').toLowerCase());
  if (encoding === undefined)
    throw new CliError(`--encoding: "${options.encoding}" is not ${TEXT_ENCODINGS.join(', ')}`, 2);
  const problems = new Problems();
  const rows = readCsv(path, CATALOGUE_COLUMNS, problems, encoding);
  const products = readCatalogue(path, rows ?? [], problems);
  const write = options.dryRun !== true;
  const occurredAt = new Date().toISOString();
  let events = 0;
  for (const product of rows === undefined ? [] : products) {
    const outcome = await importProduct(context, product, occurredAt, write);
    if (typeof outcome === 'number') events += outcome;
    else problems.add(path, product.line, `product ${product.sku}: ${outcome.code}: ${outcome.message}`);
  }
  for (const problem of problems.sorted()) fail(`${problem.file}:${problem.line}: ${problem.reason}`);
  out(
    `import-catalogue${write ? '' : ' --dry-run'}: ${products.length} products checked, ${events} events ${write ? `appended to ${context.storeName}` : 'would be appended'}`,
  );
  if (problems.count > 0)
    throw new CliError(`import-catalogue: ${problems.count} bad row${problems.count === 1 ? '' : 's'} (listed above)`);
}
