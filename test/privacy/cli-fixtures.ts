import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  complaintDecider,
  complaintStream,
  customerDecider,
  customerStream,
  salesbookEventRegistry,
} from '@salesbook/domain';
import { createEventCodec, handleCommand } from '@salesbook/eventstore';
import { createSqliteEventStore } from '@salesbook/eventstore-sqlite';
import { ORDERS_HEADER, salesbook, type Workspace } from '../cli/cli-harness.js';
import * as f from './fixtures.js';

/** A customer's personal data, every value unique to this test, so a search for it cannot hit anything else. */
export interface Person {
  readonly id: string;
  readonly complaintId: string;
  readonly name: string;
  readonly phone: string;
  readonly email: string;
  readonly survey: string;
  readonly complaint: string;
  readonly note: string;
}

const person = (id: string, tag: string, digits: string): Person => ({
  id,
  complaintId: `cmp-${id}`,
  name: `Qiao Xiaoyu ${tag}`,
  phone: `+86 139 ${digits} 3311`,
  email: `qiao.${tag}@example.com`,
  survey: `Ask for Qiao on extension ${tag}-114`,
  complaint: `Qiao (${tag}) says crate ${tag}-881 arrived crushed`,
  note: `Waiting for Qiao to send photos ${tag}-552`,
});

export const GONE = person('cust-gone', 'zq7f3a', '7707');
export const KEPT = person('cust-kept', 'kp92bd', '4415');

/** The personal values of a customer, as they are searched for. */
export const valuesOf = (p: Person): string[] => [p.name, p.phone, p.email, p.survey, p.complaint, p.note];

const manager = { id: 'rm-east', role: 'regional_manager', region: 'east' };

function commandsOf(p: Person): [unknown, string, unknown][] {
  const handling: [string, object][] = [
    ['AssignComplaint', { handlerId: 'rep-2' }],
    ['AcknowledgeComplaint', {}],
    ['RecordInvestigation', { findings: p.note }],
    ['AwaitCustomer', { note: p.note }],
  ];
  const register = f.register(p.id, p.email);
  const survey = f.survey(p.id);
  const complaint = f.fileComplaint(p.id, p.complaintId);
  return [
    [
      customerDecider,
      customerStream(p.id as never),
      { ...register, data: { ...register.data, contact: { name: p.name, phone: p.phone, email: p.email } } },
    ],
    [customerDecider, customerStream(p.id as never), { ...survey, data: { ...survey.data, comment: p.survey } }],
    [
      complaintDecider,
      complaintStream(p.complaintId as never),
      { ...complaint, data: { ...complaint.data, description: p.complaint } },
    ],
    ...handling.map(([type, data], index): [unknown, string, unknown] => [
      complaintDecider,
      complaintStream(p.complaintId as never),
      {
        type,
        data: { complaintId: p.complaintId, ...data },
        access: f.managerAccess,
        metadata: { actor: manager, occurredAt: `2026-03-04T0${index + 1}:00:00Z` },
      },
    ]),
  ];
}

/** History written before encryption was on: both customers' contacts, survey comments, a complaint and its notes, in clear. */
export async function writePlaintextHistory(eventsPath: string): Promise<void> {
  const store = createSqliteEventStore({ path: eventsPath });
  const codec = createEventCodec(salesbookEventRegistry);
  let n = 0;
  try {
    for (const [decider, streamName, command] of [...commandsOf(GONE), ...commandsOf(KEPT)]) {
      const result = await handleCommand({
        store,
        codec,
        decider: decider as never,
        registry: salesbookEventRegistry,
        streamName,
        command: command as never,
        commandId: `legacy-${++n}`,
      });
      if (result._tag === 'Left') throw new Error(JSON.stringify(result.left));
    }
  } finally {
    await store.close();
  }
}

/**
 * The plaintext history in a SQLite log of its own in `dir` (outside any workspace), exported with
 * `salesbook export`. Returns the export's path.
 */
export async function legacyExport(dir: string): Promise<string> {
  await writePlaintextHistory(join(dir, 'events.db'));
  const output = join(dir, 'legacy.ndjson');
  // The stored form needs no master key: no SALESBOOK_MASTER_KEY here.
  const run = await salesbook(['export', '--output', output], {
    SALESBOOK_EVENTSTORE: `sqlite:${join(dir, 'events.db')}`,
    SALESBOOK_READMODELS: join(dir, 'readmodels.db'),
    SALESBOOK_KEYSTORE: join(dir, 'keys.db'),
  });
  if (run.code !== 0) throw new Error(`legacy export failed: ${run.stderr}`);
  return output;
}

/** Orders (and payments) of both customers, so reports have totals that involve the customer forgotten. */
export const ORDERS = [
  ORDERS_HEADER,
  'G-1,2026-03-05,cust-gone,cust-gone Trading Co.,smb,east,rep-1,CNY,SKU-1,Widget,10,12.50,0,2026-03-06,2026-03-07,2026-03-09',
  'G-2,2026-03-10,cust-gone,cust-gone Trading Co.,smb,east,rep-1,CNY,SKU-2,Gadget,3,99.00,5,2026-03-11,2026-03-12,2026-03-13',
  'K-1,2026-03-05,cust-kept,cust-kept Trading Co.,smb,east,rep-1,CNY,SKU-1,Widget,4,12.50,0,2026-03-06,2026-03-07,2026-03-09',
].join('\n');
export const PAYMENTS = [
  'payment_id,order_id,received_date,amount,currency',
  'P-G1,G-1,2026-03-20,125.00,CNY',
  'P-K1,K-1,2026-03-21,50.00,CNY',
].join('\n');

/** A scratch folder for the legacy store and its export (plaintext: never inside a workspace). */
export const legacyDir = (): string => mkdtempSync(join(tmpdir(), 'salesbook-legacy-'));

/** Fills `ws` with the legacy history (sealed on the way in by `import-events`) and the orders imported on top. */
export async function seeded(ws: Workspace, legacy: string): Promise<{ importEvents: string; importOrders: string }> {
  const loaded = await salesbook(['import-events', await legacyExport(legacy)], ws.env);
  if (loaded.code !== 0) throw new Error(`import-events failed: ${loaded.stderr}`);
  const orders = await salesbook(
    ['import', ws.file('orders.csv', ORDERS), '--payments', ws.file('payments.csv', PAYMENTS)],
    ws.env,
  );
  if (orders.code !== 0) throw new Error(`import failed: ${orders.stderr}`);
  return { importEvents: loaded.stdout + loaded.stderr, importOrders: orders.stdout + orders.stderr };
}

/** The text of a file, for searches of exports. */
export const text = (path: string): string => readFileSync(path, 'utf8');
