import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  ActorId,
  JoinTeam,
  salesbookEventRegistry,
  teamDecider,
  teamEventRegistry,
  TEAM_STREAM,
  type TeamCommand,
} from '@salesbook/domain';
import { createEventCodec, handleCommand } from '@salesbook/eventstore';
import { createEsdbEventStore } from '@salesbook/eventstore-esdb';
import { createSqliteEventStore } from '@salesbook/eventstore-sqlite';
import { ensureBuilt } from '../support/ensure-built.js';

const root = join(__dirname, '..', '..');
const BINARY = join(root, 'apps', 'cli', 'bin', 'salesbook.js');

/**
 * These tests run the real `salesbook` binary (the built code, as `npx salesbook` does). `npm test` builds
 * first; a missing or stale build (a developer running one spec after an edit) is built here through Nx.
 */
export function ensureCliBuilt(): void {
  const packages = ['domain', 'eventstore', 'eventstore-sqlite', 'eventstore-esdb', 'keystore', 'projections'].map(
    (name) => join(root, 'packages', name, 'src'),
  );
  ensureBuilt(
    [{ built: join(root, 'apps', 'cli', 'dist', 'main.js'), sources: [join(root, 'apps', 'cli', 'src'), ...packages] }],
    ['@salesbook/cli'],
  );
}

/** What a run of the binary did. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `salesbook args` with `env` (asynchronously: an in-process EventStoreDB double must keep serving). */
/** The reps the fixtures' rows name, on the sales team register from 2020 (imports check them as the API does). */
const FIXTURE_TEAM = [
  { memberId: 'sm-1', role: 'sales_manager' },
  { memberId: 'rep-1', role: 'sales_rep', region: 'east' },
  { memberId: 'rep-2', role: 'sales_rep', region: 'west' },
  { memberId: 'rep-3', role: 'sales_rep', region: 'south' },
  { memberId: 'rep-4', role: 'sales_rep', region: 'north' },
] as const;

/** Enters {@link FIXTURE_TEAM} into the store at `url` (SQLite or EventStoreDB) unless it has a register already. */
export async function registerFixtureTeam(url: string): Promise<void> {
  const store = url.startsWith('sqlite:')
    ? createSqliteEventStore({ path: url.slice('sqlite:'.length) })
    : createEsdbEventStore({ connectionString: url });
  try {
    if (await store.streamExists(TEAM_STREAM)) return;
    const codec = createEventCodec(salesbookEventRegistry);
    for (const member of FIXTURE_TEAM) {
      const command: TeamCommand = {
        type: 'JoinTeam',
        data: JoinTeam.parse({ ...member, joinedOn: '2020-01-01' }),
        metadata: { actor: { id: ActorId.parse('system'), role: 'system' }, occurredAt: '2020-01-01T00:00:00.000Z' },
      };
      const joined = await handleCommand({
        store,
        codec,
        decider: teamDecider,
        registry: teamEventRegistry,
        streamName: TEAM_STREAM,
        command,
        commandId: `fixture-team-${member.memberId}`,
      });
      if (joined._tag === 'Left') throw new Error(`fixture team: ${member.memberId}: ${joined.left.code}`);
    }
  } finally {
    await store.close();
  }
}

/** Runs the built CLI; an `import` first finds the fixtures' team on the register. */
export async function salesbook(args: readonly string[], env: Record<string, string>): Promise<CliRun> {
  const url = env['SALESBOOK_EVENTSTORE'];
  if (args[0] === 'import' && url !== undefined) await registerFixtureTeam(url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BINARY, ...args], {
      cwd: root,
      env: { PATH: process.env['PATH'] ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A scratch folder with a store and read models of its own. */
export interface Workspace {
  readonly dir: string;
  readonly env: Record<string, string>;
  readonly eventsPath: string;
  file(name: string, content: string | Buffer): string;
  /** Rows of the SQLite event log, in order, but for the fixtures' team register (the harness wrote it, not the CLI). */
  events(): { stream_name: string; revision: number; type: string; data: string }[];
  dispose(): void;
}

/** A fresh workspace on the embedded store (or on `storeUrl`), with its own key store and master key. */
export function workspace(storeUrl?: string): Workspace {
  const dir = mkdtempSync(join(tmpdir(), 'salesbook-cli-'));
  const eventsPath = join(dir, 'events.db');
  return {
    dir,
    eventsPath,
    env: {
      SALESBOOK_EVENTSTORE: storeUrl ?? `sqlite:${eventsPath}`,
      SALESBOOK_READMODELS: join(dir, 'readmodels.db'),
      SALESBOOK_TIMEZONE: 'Asia/Shanghai',
      SALESBOOK_KEYSTORE: join(dir, 'keys.db'),
      SALESBOOK_MASTER_KEY: randomBytes(32).toString('base64'),
    },
    file(name, content) {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    events() {
      if (!existsSync(eventsPath)) return [];
      const db = new Database(eventsPath, { readonly: true });
      try {
        return db
          .prepare('SELECT stream_name, revision, type, data FROM events WHERE stream_name <> ? ORDER BY position')
          .all(TEAM_STREAM) as ReturnType<Workspace['events']>;
      } finally {
        db.close();
      }
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The header of orders.csv. */
export const ORDERS_HEADER =
  'order_id,order_date,customer_id,customer_name,segment,region,rep_id,currency,sku,product_name,quantity,unit_price,discount_pct,ship_date,delivered_date,promised_date';

/** A good orders.csv: O-1 (two lines, the same sku twice, delivered), O-2 (open, USD), O-3 (delivered, same customer as O-1). */
export const GOOD_ORDERS = [
  ORDERS_HEADER,
  'O-1,2024-03-01,C-1,"Acme, Ltd",enterprise,east,rep-1,CNY,SKU-1,Widget,10,12.50,12.5,2024-03-03,2024-03-05,2024-03-06',
  'O-1,2024-03-01,C-1,"Acme, Ltd",enterprise,east,rep-1,CNY,SKU-1,Widget spare,2,12.50,0,2024-03-03,2024-03-05,2024-03-06',
  'O-2,2024-03-02,C-2,Beta,smb,west,rep-2,USD,SKU-2,Gadget,1,100,0,,,',
  'O-3,2024-03-10,C-1,"Acme, Ltd",enterprise,north,rep-4,CNY,SKU-3,Thing,3,1.5,20,2024-03-11,2024-03-12,',
].join('\n');

/** Payments of O-1 and O-3. */
export const GOOD_PAYMENTS = [
  'payment_id,order_id,received_date,amount,currency',
  'P-1,O-1,2024-03-20,100.00,CNY',
  'P-2,O-3,2024-03-25,3.60,CNY',
].join('\n');
