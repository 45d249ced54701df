import type { Actor } from '@salesbook/domain';
import { TEXTS } from '../names.js';
import { HOUR, type Sim } from '../sim.js';
import { RESOLVE_DAYS, rootCauseOf, runComplaint, type ComplaintEntity } from './complaints.js';

const DAY = 24 * HOUR;
const SATISFIED = [1, 2, 3, 4, 5];
const WITHIN_SLA_WEIGHTS = [4, 8, 20, 38, 30];
const BREACHED_WEIGHTS = [22, 26, 26, 18, 8];

/**
 * Resolves the complaint (most within the SLA, after the time spent waiting on the customer), with
 * compensation now and then (a manager resolves when it is above the threshold), closes it with the
 * customer's satisfaction, and reopens a few of them.
 */
export function resolveAndClose(sim: Sim, complaint: ComplaintEntity, rootCausePending: boolean): void {
  const { random, engine } = sim;
  const handler = complaint.handler;
  if (handler === undefined) return;
  if (rootCausePending) {
    const data = {
      complaintId: complaint.id,
      findings: random.pick(TEXTS.findings),
      rootCause: rootCauseOf(sim, complaint),
    };
    engine.at(engine.now + Math.round((0.5 + random.next() * 3.5) * HOUR), () =>
      runComplaint(sim, complaint, { type: 'RecordInvestigation', data, metadata: engine.metadata(handler) }),
    );
  }
  const withinSla = random.chance(0.85);
  const factor = withinSla ? 0.4 + random.next() * 0.55 : 1.05 + random.next() * 1.5;
  const at = complaint.filedMs + complaint.pausedMs + Math.round(RESOLVE_DAYS[complaint.severity] * factor * DAY);
  engine.at(Math.max(at, engine.now + (rootCausePending ? 5 : 0.5) * HOUR), () => resolve(sim, complaint, withinSla));
}

function resolve(sim: Sim, complaint: ComplaintEntity, withinSla: boolean): void {
  const { random, engine } = sim;
  const handler = complaint.handler;
  if (handler === undefined) return;
  const compensated =
    (complaint.category === 'product_quality' || complaint.category === 'delivery') && random.chance(0.25);
  const amount = random.int(2, 30) * 10_000;
  // Compensation above 100,000 minor units needs a manager of the region: the regional manager resolves it.
  const resolver: Actor = compensated && amount > 100_000 ? complaint.customer.region.manager : handler;
  const data = {
    complaintId: complaint.id,
    resolution: random.pick(TEXTS.complaintResolutions),
    ...(compensated ? { compensation: { amount, currency: complaint.customer.region.currency } } : {}),
  };
  if (!runComplaint(sim, complaint, { type: 'ResolveComplaint', data, metadata: engine.metadata(resolver) })) return;
  engine.at(engine.now + Math.round((1 + random.next() * 4) * DAY), () => close(sim, complaint, handler, withinSla));
}

function close(sim: Sim, complaint: ComplaintEntity, handler: Actor, withinSla: boolean): void {
  const { random, engine } = sim;
  const satisfaction = random.weighted(SATISFIED, withinSla ? WITHIN_SLA_WEIGHTS : BREACHED_WEIGHTS);
  if (
    !runComplaint(sim, complaint, {
      type: 'CloseComplaint',
      data: { complaintId: complaint.id, satisfaction },
      metadata: engine.metadata(handler),
    })
  )
    return;
  const customer = complaint.customer;
  customer.mood = Math.max(-1, Math.min(1, customer.mood + (satisfaction - 3) * 0.04));
  const state = complaint.stream.state;
  if (state.status === 'none' || state.reopenCount > 0 || !random.chance(0.06)) return;
  engine.at(engine.now + Math.round((2 + random.next() * 18) * DAY), () => reopen(sim, complaint, handler));
}

/**
 * Who reopens for the customer: the rep who owned them when the complaint was filed, while they still do; once the
 * customer changed hands, the new rep may not (the complaint is the filing owner's record), so the region's manager.
 */
function reopenerOf(complaint: ComplaintEntity): Actor {
  const state = complaint.stream.state;
  const rep = complaint.customer.rep.actor;
  return state.status !== 'none' && state.ownerRepId === rep.id ? rep : complaint.customer.region.manager;
}

/** The customer comes back within 30 days: reopened, investigated again, resolved and closed again. */
function reopen(sim: Sim, complaint: ComplaintEntity, handler: Actor): void {
  const { random, engine } = sim;
  if (
    !runComplaint(sim, complaint, {
      type: 'ReopenComplaint',
      data: { complaintId: complaint.id, reason: 'The problem came back' },
      metadata: engine.metadata(reopenerOf(complaint)),
    })
  )
    return;
  engine.at(engine.now + Math.round((1 + random.next() * 2) * DAY), () => {
    const data = {
      complaintId: complaint.id,
      findings: random.pick(TEXTS.findings),
      rootCause: rootCauseOf(sim, complaint),
    };
    if (!runComplaint(sim, complaint, { type: 'RecordInvestigation', data, metadata: engine.metadata(handler) }))
      return;
    engine.at(engine.now + Math.round((1 + random.next() * 3) * DAY), () =>
      resolve(sim, complaint, random.chance(0.6)),
    );
  });
}
