import { createHash } from 'node:crypto';
import { EventMetadata, salesbookEventDefinitions, salesbookEventRegistry } from '@salesbook/domain';
import type { ActivityBatch } from './activity.js';
import { generateActivity } from './generate.js';
import type { GeneratorOptions } from './options.js';

const digestOf = (options: GeneratorOptions): { digest: string; events: number } => {
  const hash = createHash('sha256');
  let events = 0;
  for (const batch of generateActivity(options)) {
    for (const command of batch.commands) {
      hash.update(JSON.stringify([command.streamName, command.expectedRevision, command.events]));
      events += command.events.length;
    }
  }
  return { digest: hash.digest('hex'), events };
};

const collect = (options: GeneratorOptions): ActivityBatch[] => [...generateActivity(options)];

/** A data field of a generated event (GeneratedEvent's data is not narrowed by its type). */
const field = (event: { readonly data: object }, key: string): unknown => (event.data as Record<string, unknown>)[key];

describe('generateActivity', () => {
  // One year of a small company: about 30,000 events (seed 1 is checked to hold every event type). The roster is
  // fixed and the budget ends the history a few days after the third quarter's improvement actions are opened.
  const year = collect({ seed: 1, months: 12, events: 31_500, customers: 218 });
  const commands = year.flatMap((batch) => batch.commands);
  const events = commands.flatMap((command) => command.events);

  it('gives the same events for the same seed, and other events for another seed', () => {
    const options = { seed: 20250101, start: '2025-03-01', months: 3, events: 4_000 };
    const first = digestOf(options);
    expect(digestOf(options)).toEqual(first);
    expect(first.events).toBe(4_000);
    expect(digestOf({ ...options, seed: 20250102 }).digest).not.toBe(first.digest);
  });

  it('stops at exactly the requested number of events', () => {
    expect(events).toHaveLength(31_500);
    expect(digestOf({ seed: 5, months: 2, events: 1_234 }).events).toBe(1_234);
  });

  it('writes only events the domain registry decodes, with complete metadata', () => {
    const problems: string[] = [];
    const writtenMetadata = EventMetadata.omit({ hash: true, schemaVersion: true });
    for (const event of events) {
      const version = salesbookEventRegistry.versionOf(event.type) ?? 0;
      const decoded = salesbookEventRegistry.decode(event.type, JSON.parse(JSON.stringify(event.data)), version);
      if (decoded._tag === 'Left') problems.push(`${event.type}: ${decoded.left.message}`);
      const metadata = writtenMetadata.safeParse(event.metadata);
      if (!metadata.success) problems.push(`${event.type} metadata: ${metadata.error.message}`);
    }
    expect(problems.slice(0, 5)).toEqual([]);
  });

  // The period close and the regional managers' monthly reports are month-end controls of finance and management,
  // and webhook subscriptions and sales competitions a manager's configuration: the generator does not simulate them yet (their deciders,
  // projections and routes have specs of their own). The list is exact: a type missing from it fails, and so does one
  // of these once the generator makes it.
  // Compensation approvals: generated history keeps a manager resolving large compensations itself.
  // Survey campaigns: generated surveys are still recorded one at a time by reps.
  const NOT_GENERATED = [
    'ComplaintCompensationRequested',
    'ComplaintCompensationApproved',
    'ComplaintCompensationRejected',
    'PeriodClosed',
    'PeriodReopeningRequested',
    'PeriodReopened',
    'MonthlyReportSubmitted',
    'MonthlyReportAccepted',
    'MonthlyReportReturned',
    'CommissionStatementApproved',
    'CommissionStatementConfirmed',
    'WebhookSubscribed',
    'WebhookSubscriptionCancelled',
    'CommissionPlanVersionSet',
    'CommissionPlanEnded',
    'CompetitionCreated',
    'CompetitionCancelled',
    'EvaluationOpened',
    'EvaluationAssessed',
    'EvaluationFinalised',
    'EvaluationAcknowledged',
  ];

  it('holds every event type of the domain but the month-end controls and compensation approvals it does not simulate yet', () => {
    const seen = new Set<string>(events.map((event) => event.type));
    // Sorted: the set matters, not the order aggregates happen to be listed in.
    expect(
      salesbookEventDefinitions
        .map((definition) => definition.type)
        .filter((type) => !seen.has(type))
        .sort(),
    ).toEqual([...NOT_GENERATED].sort());
  });

  it('keeps every stream gapless and business time moving forward across the whole log', () => {
    const revisions = new Map<string, number>();
    const gaps: string[] = [];
    let previous = '';
    let backwards = 0;
    for (const command of commands) {
      if ((revisions.get(command.streamName) ?? -1) !== command.expectedRevision) gaps.push(command.streamName);
      revisions.set(command.streamName, command.expectedRevision + command.events.length);
      for (const event of command.events) {
        if (event.metadata.occurredAt < previous) backwards += 1;
        previous = event.metadata.occurredAt;
      }
    }
    expect(gaps).toEqual([]);
    expect(backwards).toBe(0);
    expect(year.map((batch) => batch.date)).toEqual([...new Set(year.map((batch) => batch.date))].sort());
  });

  it('has unique event ids and one command id per command', () => {
    expect(new Set(events.map((event) => event.metadata.eventId)).size).toBe(events.length);
    expect(new Set(commands.map((command) => command.commandId)).size).toBe(commands.length);
    expect(
      commands.every((command) => command.events.every((event) => event.metadata.commandId === command.commandId)),
    ).toBe(true);
  });

  it('has write-offs approved by someone other than the requester, and enough survey answers for key drivers', () => {
    const writeOffs = events.filter((event) => event.type === 'ReceivableWrittenOff');
    expect(writeOffs.length).toBeGreaterThan(0);
    expect(writeOffs.filter((event) => field(event, 'approvedBy') === field(event, 'requestedBy'))).toEqual([]);
    const answers = new Map<string, number>();
    for (const event of events)
      if (event.type === 'SatisfactionSurveyRecorded') {
        const survey = String(field(event, 'surveyId'));
        answers.set(survey, (answers.get(survey) ?? 0) + 1);
      }
    expect([...answers.values()].every((count) => count >= 30)).toBe(true);
  });

  it("recovers about half the detractors called back, and turns a region's worst-moving item score into owned actions", () => {
    const closed = events.filter((event) => event.type === 'DetractorFollowUpClosed');
    const recovered = closed.filter((event) => field(event, 'recovered') === true).length;
    expect(closed.length).toBeGreaterThan(20);
    expect(recovered / closed.length).toBeGreaterThan(0.35);
    expect(recovered / closed.length).toBeLessThan(0.75);
    const opened = events.filter((event) => event.type === 'ImprovementActionOpened');
    expect(opened.length).toBeGreaterThanOrEqual(3);
    for (const event of opened)
      expect(event.data).toMatchObject({ finding: { report: 'satisfaction', group: { by: 'region' } } });
    const moved = new Set(
      events
        .filter((event) => event.type === 'ImprovementActionStatusChanged')
        .map((event) => field(event, 'actionId')),
    );
    // Some are never moved on: past their due date they are the report's overdue ones.
    expect(opened.filter((event) => !moved.has(field(event, 'actionId'))).length).toBeGreaterThan(0);
    expect(moved.size).toBeGreaterThan(0);
  });

  it('links each receivable to the order event that caused it (the order -> receivable policy)', () => {
    const byId = new Map(events.map((event) => [event.metadata.eventId, event]));
    const opened = events.filter((event) => event.type === 'ReceivableOpened');
    expect(opened.length).toBeGreaterThan(100);
    const causes = opened.map((event) => byId.get(event.metadata.causationId)?.type);
    expect(causes.filter((type) => type !== 'OrderDelivered' && type !== 'OrderConfirmed')).toEqual([]);
  });

  it("places orders of one to four lines and has complaints handled by someone other than the customer's rep", () => {
    const lineCounts = new Set(
      events
        .filter((event) => event.type === 'OrderPlaced')
        .map((event) => (field(event, 'lines') as unknown[]).length),
    );
    expect([...lineCounts].sort()).toEqual([1, 2, 3, 4]);
    const owners = new Map<unknown, unknown>();
    const customerOf = new Map<unknown, unknown>();
    const ownHandler: unknown[] = [];
    for (const event of events) {
      if (event.type === 'CustomerRegistered') owners.set(field(event, 'customerId'), field(event, 'ownerRepId'));
      if (event.type === 'CustomerReassigned') owners.set(field(event, 'customerId'), field(event, 'toRepId'));
      if (event.type === 'ComplaintFiled') customerOf.set(field(event, 'complaintId'), field(event, 'customerId'));
      if (
        event.type === 'ComplaintAssigned' &&
        owners.get(customerOf.get(field(event, 'complaintId'))) === field(event, 'handlerId')
      )
        ownHandler.push(field(event, 'complaintId'));
    }
    expect(customerOf.size).toBeGreaterThan(50);
    expect(ownHandler).toEqual([]);
  });

  it('prices the order lines from the lists, with the promotions taken while they run and within their budgets', () => {
    type Line = { pricing?: { listPrice: number; promotionId: string | null; promotionDiscount: number } };
    const lines = events
      .filter((event) => event.type === 'OrderPlaced')
      .flatMap((event) => field(event, 'lines') as Line[]);
    expect(lines.filter((line) => line.pricing === undefined)).toEqual([]);
    // A budget counts the orders as they stand: amendments re-count an order, a cancellation gives its share back.
    const standing = new Map<unknown, Line[]>();
    for (const event of events) {
      if (event.type === 'OrderPlaced') standing.set(field(event, 'orderId'), field(event, 'lines') as Line[]);
      if (event.type === 'OrderAmended') standing.set(field(event, 'orderId'), field(event, 'linesAfter') as Line[]);
      if (event.type === 'OrderCancelled') standing.delete(field(event, 'orderId'));
    }
    const given = new Map<string, number>();
    for (const line of [...standing.values()].flat())
      if (line.pricing?.promotionId != null)
        given.set(
          line.pricing.promotionId,
          (given.get(line.pricing.promotionId) ?? 0) + line.pricing.promotionDiscount,
        );
    // The pump promotion (8% off) and the first region's controller offer are taken; the withdrawn valve week never is.
    expect([...given.keys()].sort()).toEqual([
      expect.stringMatching(/controller-/),
      expect.stringMatching(/spring-pumps$/),
    ]);
    const budgets = new Map(
      events
        .filter((event) => event.type === 'PromotionDrafted')
        .map((event) => [String(field(event, 'promotionId')), field(event, 'budget') as number | null]),
    );
    for (const [id, amount] of given) expect(amount).toBeLessThanOrEqual(budgets.get(id) ?? Number.MAX_SAFE_INTEGER);
  });

  it('refuses bad options with the option named', () => {
    expect(() => collect({ seed: 1, months: 0 })).toThrow(/months/);
    expect(() => collect({ seed: 1, start: '2025-13-45' })).toThrow(/start/);
    expect(() => collect({ seed: 1.5 })).toThrow(/seed/);
  });
});
