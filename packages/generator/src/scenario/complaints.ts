import {
  complaintDecider,
  complaintStream,
  type Actor,
  type ComplaintCategory,
  type ComplaintCommand,
  type ComplaintEvent,
  type ComplaintId,
  type ComplaintRootCause,
  type ComplaintSeverity,
  type ComplaintState,
  type OrderId,
} from '@salesbook/domain';
import { openStream, type StreamHandle } from '../engine.js';
import { TEXTS } from '../names.js';
import { HOUR, type CustomerEntity, type Sim } from '../sim.js';
import { resolveAndClose } from './complaint-resolution.js';

/** A complaint of the simulation: its stream, customer, the owner rep at filing (never the handler) and the handler. */
export interface ComplaintEntity {
  readonly id: ComplaintId;
  readonly stream: StreamHandle<ComplaintCommand, ComplaintEvent, ComplaintState>;
  readonly customer: CustomerEntity;
  readonly severity: ComplaintSeverity;
  readonly category: ComplaintCategory;
  /** Filing instant, epoch ms. */
  readonly filedMs: number;
  handler: Actor | undefined;
  /** How long the complaint waited on the customer, in ms (it pauses the SLA clock). */
  pausedMs: number;
}

const CHANNELS = ['phone', 'email', 'web', 'visit'] as const;
const CHANNEL_WEIGHTS = [35, 30, 20, 15];
const SEVERITIES: readonly ComplaintSeverity[] = ['low', 'medium', 'high', 'critical'];
const SEVERITY_WEIGHTS = [40, 35, 20, 5];
/** SLA (docs/domain-rules.md): acknowledge within these hours, by severity. */
export const ACK_HOURS: Readonly<Record<ComplaintSeverity, number>> = { low: 24, medium: 8, high: 4, critical: 1 };
/** SLA (docs/domain-rules.md): resolve within these days, by severity. */
export const RESOLVE_DAYS: Readonly<Record<ComplaintSeverity, number>> = { low: 10, medium: 5, high: 3, critical: 1 };
const ROOT_CAUSES: Readonly<Record<ComplaintCategory, ComplaintRootCause>> = {
  product_quality: 'product_quality',
  delivery: 'delivery_delay',
  billing: 'billing_error',
  service: 'service_attitude',
  other: 'other',
};

/** Runs a complaint command under the complaint's correlation id. */
export function runComplaint(sim: Sim, complaint: ComplaintEntity, command: ComplaintCommand): boolean {
  return sim.engine.run(complaint.stream, command, { correlationId: `complaint-${complaint.id}` }).ok;
}

/** A complaint about an order (late delivery, faulty units), filed now. */
export const fileOrderComplaint = (
  sim: Sim,
  customer: CustomerEntity,
  orderId: OrderId,
  category: ComplaintCategory,
): void => fileComplaint(sim, customer, category, orderId);

/** Files a complaint now and plans its handling through the life cycle. */
export function fileComplaint(
  sim: Sim,
  customer: CustomerEntity,
  category: ComplaintCategory,
  orderId?: OrderId,
): void {
  const state = customer.stream.state;
  if (state.status !== 'active') return;
  const { random, engine } = sim;
  const id = sim.ids.next('K', 6) as ComplaintId;
  const severity = random.weighted(SEVERITIES, SEVERITY_WEIGHTS);
  const complaint: ComplaintEntity = {
    id,
    stream: openStream('complaint', complaintStream(id), complaintDecider),
    customer,
    severity,
    category,
    filedMs: engine.now,
    handler: undefined,
    pausedMs: 0,
  };
  const channel = random.weighted(CHANNELS, CHANNEL_WEIGHTS);
  const filer = channel === 'phone' || channel === 'visit' ? customer.rep.actor : sim.world.staff.serviceDesk;
  const data = {
    complaintId: id,
    customerId: customer.id,
    ...(orderId === undefined ? {} : { orderId }),
    channel,
    category,
    severity,
    description: TEXTS.complaintDescriptions[category],
  };
  const inputs = { customer: { ownerRepId: state.ownerRepId, region: state.region } };
  if (!runComplaint(sim, complaint, { type: 'FileComplaint', data, metadata: engine.metadata(filer), inputs })) return;
  customer.mood = Math.max(-1, customer.mood - 0.1);
  engine.at(engine.now + Math.round(random.next() * Math.min(ACK_HOURS[severity] * 0.4, 3) * HOUR) + 60_000, () =>
    assign(sim, complaint),
  );
}

/** The regional manager assigns a rep of the region who is not the customer's owner rep (at filing). */
function assign(sim: Sim, complaint: ComplaintEntity): void {
  const state = complaint.stream.state;
  if (state.status === 'none') return;
  const region = complaint.customer.region;
  const candidates = region.reps.filter((rep) => rep.actor.id !== state.ownerRepId);
  const handler = candidates.length > 0 ? sim.random.pick(candidates).actor : region.manager;
  const assigned = runComplaint(sim, complaint, {
    type: 'AssignComplaint',
    data: { complaintId: complaint.id, handlerId: handler.id },
    metadata: sim.engine.metadata(region.manager),
  });
  if (!assigned) return;
  complaint.handler = handler;
  // Most acknowledgements meet the SLA; about one in eight is late.
  const factor = sim.random.chance(0.88) ? 0.5 + sim.random.next() * 0.45 : 1.1 + sim.random.next() * 2;
  sim.engine.at(complaint.filedMs + Math.round(ACK_HOURS[complaint.severity] * factor * HOUR), () =>
    acknowledge(sim, complaint),
  );
}

function acknowledge(sim: Sim, complaint: ComplaintEntity): void {
  const handler = complaint.handler;
  if (handler === undefined) return;
  if (
    !runComplaint(sim, complaint, {
      type: 'AcknowledgeComplaint',
      data: { complaintId: complaint.id },
      metadata: sim.engine.metadata(handler),
    })
  )
    return;
  const budget = RESOLVE_DAYS[complaint.severity] * 24 * HOUR;
  sim.engine.at(sim.engine.now + Math.round(budget * (0.05 + sim.random.next() * 0.15)), () =>
    investigate(sim, complaint),
  );
}

/** Findings, with the root cause known at once most of the time; maybe a wait on the customer and an escalation. */
function investigate(sim: Sim, complaint: ComplaintEntity): void {
  const handler = complaint.handler;
  if (handler === undefined) return;
  const { random, engine } = sim;
  const known = random.chance(0.7);
  const data = {
    complaintId: complaint.id,
    findings: random.pick(TEXTS.findings),
    ...(known ? { rootCause: rootCauseOf(sim, complaint) } : {}),
  };
  if (!runComplaint(sim, complaint, { type: 'RecordInvestigation', data, metadata: engine.metadata(handler) })) return;
  if (random.chance(0.08)) {
    const manager = complaint.customer.region.manager;
    const escalation = { complaintId: complaint.id, escalateTo: manager.id, reason: 'Customer asked for a manager' };
    runComplaint(sim, complaint, { type: 'EscalateComplaint', data: escalation, metadata: engine.metadata(handler) });
  }
  if (random.chance(0.2)) {
    runComplaint(sim, complaint, {
      type: 'AwaitCustomer',
      data: { complaintId: complaint.id, note: 'Asked the customer for photos and batch numbers' },
      metadata: engine.metadata(handler),
    });
    const wait = Math.round((0.5 + random.next() * 2.5) * 24 * HOUR);
    complaint.pausedMs += wait;
    engine.at(engine.now + wait, () => {
      runComplaint(sim, complaint, {
        type: 'RecordCustomerResponse',
        data: { complaintId: complaint.id, note: 'Customer sent the details' },
        metadata: engine.metadata(handler),
      });
      resolveAndClose(sim, complaint, !known);
    });
    return;
  }
  resolveAndClose(sim, complaint, !known);
}

/** The root cause found: usually what the customer complained about, sometimes something else. */
export const rootCauseOf = (sim: Sim, complaint: ComplaintEntity): ComplaintRootCause =>
  sim.random.chance(0.8)
    ? ROOT_CAUSES[complaint.category]
    : sim.random.pick(['wrong_item_or_quantity', 'pricing', 'other'] as const);
