import { z } from 'zod';
import type { PersonalDataRead } from '@salesbook/personal-data';

/** Whether personal data in the answer is opened (and the read logged) or masked, by the reader's role. */
const PersonalData = z.enum(['unmasked', 'masked']);

/** The answer of a stream's history: each event with its data as the reader may see it and its metadata. */
export const HistoryAnswer = z.strictObject({
  streamName: z.string(),
  personalData: PersonalData,
  events: z.array(
    z.strictObject({
      revision: z.number().int(),
      position: z.string(),
      eventId: z.string(),
      type: z.string(),
      data: z.unknown().describe('The event data of its type and version (see the domain events)'),
      metadata: z.record(z.string(), z.unknown()),
      recordedAt: z.string(),
    }),
  ),
});

/** The answer of an aggregate's state as of a revision or time. */
export const StateAnswer = z.strictObject({
  streamName: z.string(),
  personalData: PersonalData,
  revision: z.number().int(),
  position: z.string().nullable(),
  asOf: z
    .strictObject({ time: z.string().optional(), revision: z.number().int().optional() })
    .nullable()
    .describe('The point asked for, or null for the latest'),
  state: z.unknown().describe("The aggregate's state (see the domain deciders)"),
});

/** The answer of the personal data read log, oldest first. */
export const PersonalDataReadsAnswer = z.strictObject({
  reads: z.array(
    z.strictObject({
      actorId: z.string(),
      role: z.string(),
      purpose: z.string(),
      at: z.string(),
      customerIds: z.array(z.string()),
      streams: z.array(z.string()),
    }) satisfies z.ZodType<PersonalDataRead>,
  ),
  truncated: z.boolean(),
});
