import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { EventStore } from '@salesbook/eventstore';
import { openReadModels, ProjectionRunner, type Projection, type ReadModelDigest } from '@salesbook/projections';
import { readModelsExist } from '../support/infrastructure.js';
import { cappedStore } from './capped-store.js';

/** One read model compared with a scratch rebuild at the same position. */
export interface DigestComparison {
  readonly name: string;
  readonly status: 'match' | 'mismatch' | 'not-built';
  /** The live checkpoint both were computed at. */
  readonly position: string | null;
  readonly live?: ReadModelDigest;
  readonly scratch?: ReadModelDigest;
}

/** Projections with an active generation in the live file: the others were never built there. */
function builtProjections(db: Database.Database, projections: readonly Projection[]): Projection[] {
  const hasTable =
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'projection_checkpoints'").get() !==
    undefined;
  if (!hasTable) return [];
  const active = new Set(
    db.prepare('SELECT projection FROM projection_checkpoints WHERE active = 1').pluck().all() as string[],
  );
  return projections.filter((projection) => active.has(projection.name));
}

/** The live digests and checkpoints, read in one snapshot (the API may be applying batches meanwhile). */
function readLive(db: Database.Database, store: EventStore, projections: readonly Projection[], zone: string) {
  return db.transaction(() => {
    const runner = new ProjectionRunner({ db, store, projections, zone });
    return projections.map((projection) => ({
      projection,
      position: runner.freshness(projection.name).position,
      digest: runner.digest(projection.name),
    }));
  })();
}

/**
 * Rebuilds every built read model into a scratch database, up to the live model's own checkpoint, and
 * compares digests: equal digests mean the live tables are byte for byte what the events give.
 * The live file is only read.
 */
export async function verifyDigests(
  store: EventStore,
  readModelsPath: string,
  zone: string,
  projections: readonly Projection[],
  onRebuilt: (name: string) => void = () => undefined,
): Promise<DigestComparison[]> {
  if (!readModelsExist(readModelsPath))
    return projections.map(({ name }) => ({ name, status: 'not-built', position: null }));
  const liveDb = openReadModels(readModelsPath);
  const scratchDir = mkdtempSync(join(tmpdir(), 'salesbook-verify-'));
  const scratchDb = openReadModels(join(scratchDir, 'scratch.db'));
  try {
    const built = builtProjections(liveDb, projections);
    const live = readLive(liveDb, store, built, zone);
    const results: DigestComparison[] = [];
    for (const { projection, position, digest } of live) {
      const runner = new ProjectionRunner({
        db: scratchDb,
        store: cappedStore(store, position === null ? undefined : BigInt(position)),
        projections: [projection],
        zone,
      });
      await runner.start();
      await runner.whenLive();
      const scratch = runner.digest(projection.name);
      await runner.stop();
      onRebuilt(projection.name);
      results.push({
        name: projection.name,
        status: scratch.digest === digest.digest ? 'match' : 'mismatch',
        position,
        live: digest,
        scratch,
      });
    }
    const builtNames = new Set(built.map(({ name }) => name));
    for (const { name } of projections)
      if (!builtNames.has(name)) results.push({ name, status: 'not-built', position: null });
    return results;
  } finally {
    liveDb.close();
    scratchDb.close();
    rmSync(scratchDir, { recursive: true, force: true });
  }
}
