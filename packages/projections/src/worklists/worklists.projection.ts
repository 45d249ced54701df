import {
  complaintEventDefinitions,
  customerEventDefinitions,
  orderEventDefinitions,
  receivableEventDefinitions,
  type ComplaintEvent,
  type CustomerEvent,
  type OrderEvent,
  type ReceivableEvent,
  type SalesbookEvent,
} from '@salesbook/domain';
import type { RecordedEvent } from '@salesbook/eventstore';
import { decodeEvent } from '../model/decode.js';
import type { Projection, ProjectionContext } from '../model/projection.js';
import type { RowReader, RowWrite } from '../model/table.js';
import { evolveComplaint } from './complaints.evolve.js';
import { evolveCustomer } from './customers.evolve.js';
import { evolveOrder } from './orders.evolve.js';
import { evolveReceivable } from './receivables.evolve.js';
import { WORKLIST_TABLES } from './worklists.tables.js';

const typesOf = (definitions: readonly { readonly type: string }[]): ReadonlySet<string> =>
  new Set(definitions.map((d) => d.type));
const CUSTOMER = typesOf(customerEventDefinitions);
const ORDER = typesOf(orderEventDefinitions);
const RECEIVABLE = typesOf(receivableEventDefinitions);
const COMPLAINT = typesOf(complaintEventDefinitions);

const isCustomer = (e: SalesbookEvent): e is CustomerEvent => CUSTOMER.has(e.type);
const isOrder = (e: SalesbookEvent): e is OrderEvent => ORDER.has(e.type);
const isReceivable = (e: SalesbookEvent): e is ReceivableEvent => RECEIVABLE.has(e.type);
const isComplaint = (e: SalesbookEvent): e is ComplaintEvent => COMPLAINT.has(e.type);

/** Who sent the command that recorded the event (`metadata.actor.id`), when the metadata says. */
function actorIdOf(event: RecordedEvent): string | null {
  const actor = event.metadata['actor'];
  if (typeof actor !== 'object' || actor === null || !('id' in actor)) return null;
  return typeof actor.id === 'string' ? actor.id : null;
}

function project(event: RecordedEvent, rows: RowReader, context: ProjectionContext): readonly RowWrite[] {
  if (!CUSTOMER.has(event.type) && !ORDER.has(event.type) && !RECEIVABLE.has(event.type) && !COMPLAINT.has(event.type))
    return [];
  const decoded = decodeEvent(event);
  if (isCustomer(decoded)) return evolveCustomer(decoded, rows, context.zone);
  if (isOrder(decoded)) return evolveOrder(decoded, rows, actorIdOf(event), context.zone);
  if (isReceivable(decoded)) return evolveReceivable(decoded, rows);
  if (isComplaint(decoded)) return evolveComplaint(decoded, rows);
  return [];
}

/**
 * The work lists (customers with their search terms, orders, receivables, the complaint queue) and what the approvals
 * inbox and "my day" read: one row per record with the columns the lists filter and page on, indexed for them.
 * Never personal data: no contact, note, description, resolution text or compensation reason.
 * Version 2: complaints carry the compensation request waiting for a manager.
 */
export const worklistsProjection: Projection = {
  name: 'worklists',
  handles: new Set([...CUSTOMER, ...ORDER, ...RECEIVABLE, ...COMPLAINT]),
  version: 2,
  tables: WORKLIST_TABLES,
  project,
};
