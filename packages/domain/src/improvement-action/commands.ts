import { z } from 'zod';
import { ComplaintRootCause } from '../complaint/vocabulary.js';
import { ActionId, ActorId, RegionId } from '../shared/ids.js';
import type { Command } from '../shared/message.js';
import { BusinessDate, YearMonth } from '../shared/time.js';

const Text = (name: string, max: number) =>
  z
    .string({ message: `${name} must be a text` })
    .trim()
    .min(1, `${name} must not be empty`)
    .max(max, `${name} must be at most ${max} characters`);

/** The departments an action is assigned to. */
export const Department = z.enum(['product', 'delivery', 'billing', 'service', 'sales'], {
  message: 'department must be one of product, delivery, billing, service, sales',
});
export type Department = z.infer<typeof Department>;

/** The months a finding's figure covers, both included. */
const FindingPeriod = z
  .object({ from: YearMonth, to: YearMonth })
  .strict()
  .refine((p) => p.from <= p.to, { message: 'to must not be before from', path: ['to'] });

/** The group of a report a figure belongs to; none: the whole report (everyone in the reader's scope). */
const FindingGroup = <B extends [string, ...string[]]>(by: B) =>
  z.object({ by: z.enum(by), value: z.string().trim().min(1).max(64) }).strict();

const figure = {
  period: FindingPeriod,
  value: z.number({ message: 'value must be a number' }).finite(),
  previousValue: z.number({ message: 'previousValue must be a number' }).finite().optional(),
};

/** A satisfaction figure: NPS, CSAT, an item score (a key driver) or the closed-loop rate, of a group and period. */
export const SatisfactionFinding = z
  .object({
    report: z.literal('satisfaction'),
    metric: z.enum(['nps', 'csat', 'productQuality', 'delivery', 'service', 'price', 'closedLoopRate'], {
      message: 'metric must be one of nps, csat, productQuality, delivery, service, price, closedLoopRate',
    }),
    group: FindingGroup(['region', 'rep', 'segment']).optional(),
    ...figure,
  })
  .strict();

/** A complaints figure: the complaints of one root cause, of a group and period. */
export const ComplaintFinding = z
  .object({
    report: z.literal('complaints'),
    metric: z.literal('rootCause'),
    rootCause: ComplaintRootCause,
    group: FindingGroup(['category', 'severity', 'channel', 'region', 'rep']).optional(),
    ...figure,
  })
  .strict();

/** The figure an action came from: which report, metric, group and months, its value and the one it is compared with. */
export const Finding = z.discriminatedUnion('report', [SatisfactionFinding, ComplaintFinding], {
  error: 'report must be satisfaction or complaints',
});
export type Finding = z.infer<typeof Finding>;

/** Turn a finding into an action: what to do, for which department and owner, by when; a region's or the company's. */
export const OpenImprovementAction = z
  .object({
    actionId: ActionId,
    title: Text('title', 200),
    finding: Finding,
    department: Department,
    ownerId: ActorId,
    dueOn: BusinessDate,
    region: RegionId.optional(),
  })
  .strict();
export type OpenImprovementAction = z.infer<typeof OpenImprovementAction>;

/** The statuses an action moves to after `open`. */
export const ActionStatusChange = z.enum(['in_progress', 'done', 'dropped'], {
  message: 'status must be one of in_progress, done, dropped',
});
export type ActionStatusChange = z.infer<typeof ActionStatusChange>;

/** Move an action on, saying what was done or why. */
export const ChangeImprovementActionStatus = z
  .object({ actionId: ActionId, status: ActionStatusChange, note: Text('note', 2_000) })
  .strict();
export type ChangeImprovementActionStatus = z.infer<typeof ChangeImprovementActionStatus>;

/** OpenImprovementAction as a command. */
export type OpenImprovementActionCommand = Command<'OpenImprovementAction', OpenImprovementAction>;
/** ChangeImprovementActionStatus as a command. */
export type ChangeImprovementActionStatusCommand = Command<
  'ChangeImprovementActionStatus',
  ChangeImprovementActionStatus
>;

/** Every ImprovementAction command (stream `action-<id>`). */
export type ImprovementActionCommand = OpenImprovementActionCommand | ChangeImprovementActionStatusCommand;

/** Schemas of the ImprovementAction commands' data, by command type (HTTP validation and OpenAPI). */
export const improvementActionCommandSchemas = { OpenImprovementAction, ChangeImprovementActionStatus } as const;
