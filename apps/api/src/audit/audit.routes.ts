import { z } from 'zod';
import { ID_PATTERN, IsoDateTime, READ_ROLES, STREAM_CATEGORIES } from '@salesbook/domain';
import type { RouteSpec } from '../http/route-spec.js';
import { HistoryAnswer, PersonalDataReadsAnswer, StateAnswer } from './audit.answers.js';

/** A stream of any aggregate: one of the domain's stream categories, a dash and an id. */
const STREAM_NAME = new RegExp(`^(${STREAM_CATEGORIES.join('|')})-[A-Za-z0-9][A-Za-z0-9._-]{0,80}$`);

const StreamParams = z.object({ stream: z.string().regex(STREAM_NAME, 'must be a stream name such as order-42') });

const count = (name: string, min: number, max: number) =>
  z.coerce
    .number({ message: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .min(min)
    .max(max)
    .optional();

/** Query of a stream's history: from a revision, at most `maxCount` events. */
export const HistoryQuery = z
  .object({ fromRevision: count('fromRevision', 0, Number.MAX_SAFE_INTEGER), maxCount: count('maxCount', 1, 1_000) })
  .strict();
export type HistoryQuery = z.infer<typeof HistoryQuery>;

/** Query of an aggregate's state: `asOf` a revision (an integer) or a time (ISO 8601 UTC). */
export const StateQuery = z
  .object({
    asOf: z
      .union([z.string().regex(/^\d{1,15}$/), IsoDateTime], {
        message: 'asOf must be a revision or an ISO 8601 UTC time',
      })
      .optional(),
  })
  .strict();
export type StateQuery = z.infer<typeof StateQuery>;

const Id = z
  .string()
  .regex(ID_PATTERN, 'must be 1-64 characters: letters, digits, ".", "_" or "-", starting with a letter or digit');

/** Query of the personal data read log: whose data, which reader, from/to (ISO 8601 UTC, inclusive), at most `maxCount` reads. */
export const PersonalDataReadsQuery = z
  .object({
    customerId: Id.optional(),
    readerId: Id.optional(),
    from: IsoDateTime.optional(),
    to: IsoDateTime.optional(),
    maxCount: count('maxCount', 1, 10_000),
  })
  .strict()
  .refine(
    (query) => query.from === undefined || query.to === undefined || Date.parse(query.from) <= Date.parse(query.to),
    { message: 'from must not be after to', path: ['from'] },
  );
export type PersonalDataReadsQuery = z.infer<typeof PersonalDataReadsQuery>;

/** The audit routes: history with metadata, state as of a time or revision, and who read personal data. */
export const auditRoutes = {
  history: {
    method: 'GET',
    path: '/audit/streams/:stream/events',
    audience: READ_ROLES.audit,
    summary: "A stream's history with metadata (personal data as the caller may see it)",
    tag: 'audit',
    params: StreamParams,
    query: HistoryQuery,
    response: HistoryAnswer,
    status: 200,
  },
  state: {
    method: 'GET',
    path: '/audit/streams/:stream/state',
    audience: READ_ROLES.audit,
    summary: "An aggregate's state as of a time or revision (personal data as the caller may see it)",
    tag: 'audit',
    params: StreamParams,
    query: StateQuery,
    response: StateAnswer,
    status: 200,
  },
  personalDataReads: {
    method: 'GET',
    path: '/audit/personal-data-reads',
    audience: READ_ROLES.personalDataReads,
    summary: 'Who read whose personal data, when and through which route',
    tag: 'audit',
    query: PersonalDataReadsQuery,
    response: PersonalDataReadsAnswer,
    status: 200,
  },
} as const satisfies Record<string, RouteSpec>;
