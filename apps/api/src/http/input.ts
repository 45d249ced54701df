import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { IsoDateTime, type Actor } from '@salesbook/domain';
import { zodIssueMessage } from '../i18n/issue-messages.js';
import { localeOf, type ApiLocale } from '../i18n/locale.js';
import { toHttpException, type InputIssue } from './failures.js';
import { loneSurrogateIssues } from './lone-surrogates.js';
import { headerOf } from './request.js';
import { ROUTE_SPEC, type CommandRouteSpec, type RoutePayload, type RouteSpec } from './route-spec.js';

/** A request checked against its route's schemas, with what the edge adds (actor, command headers). */
export interface RouteInput {
  readonly body: unknown;
  readonly query: unknown;
  readonly params: unknown;
  /** The token's subject; absent only on public routes. */
  readonly actor: Actor | undefined;
  readonly idempotencyKey: string | undefined;
  /** From `If-Match: <revision>` (-1: the stream must not exist yet). */
  readonly expectedRevision: number | undefined;
  /** An explicit business time in the body (`occurredAt`), for imports by the system role. */
  readonly occurredAt: string | undefined;
  /** From `X-Min-Position: <position>` on report routes: the position the answer should reflect. */
  readonly minPosition: bigint | undefined;
}

/** The request property where the auth guard leaves the actor. */
export const ACTOR_KEY = 'salesbookActor';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,128}$/;
const IF_MATCH = /^(?:W\/)?"?(-1|0|[1-9]\d{0,14})"?$/;

const issuesOf = (where: InputIssue['in'], error: z.ZodError, locale: ApiLocale): InputIssue[] =>
  error.issues.map((issue) => ({ in: where, path: issue.path, message: zodIssueMessage(issue, locale) }));

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Folds the path's id into the command data and takes out `occurredAt`; a body id that contradicts the path is an issue. */
function commandBody(
  spec: RouteSpec,
  raw: unknown,
  params: Record<string, string>,
  issues: InputIssue[],
): { body: unknown; occurredAt?: unknown } {
  if (spec.command === undefined || !isRecord(raw)) return { body: raw };
  const { occurredAt, ...body } = raw;
  const idField = spec.command.idField;
  if (idField === undefined) return { body, occurredAt };
  if (idField in body && body[idField] !== params['id'])
    issues.push({ in: 'body', path: [idField], message: `${idField} must be left out or equal the id in the path` });
  return { body: { ...body, [idField]: params['id'] }, occurredAt };
}

function headerIssues(
  request: FastifyRequest,
  issues: InputIssue[],
): { idempotencyKey?: string; expectedRevision?: number } {
  const key = headerOf(request, 'idempotency-key');
  const match = headerOf(request, 'if-match');
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key))
    issues.push({
      in: 'headers',
      path: ['idempotency-key'],
      message: 'must be 1-128 letters, digits, ".", "_", ":" or "-"',
    });
  const revision = match === undefined ? undefined : IF_MATCH.exec(match.trim())?.[1];
  if (match !== undefined && revision === undefined)
    issues.push({ in: 'headers', path: ['if-match'], message: 'must be a stream revision (an integer >= -1)' });
  return {
    ...(key === undefined ? {} : { idempotencyKey: key }),
    ...(revision === undefined ? {} : { expectedRevision: Number(revision) }),
  };
}

function minPositionOf(request: FastifyRequest, issues: InputIssue[]): bigint | undefined {
  const value = headerOf(request, 'x-min-position');
  if (value === undefined) return undefined;
  // EventStoreDB positions pack two 64-bit numbers: up to 39 digits.
  if (/^\d{1,40}$/.test(value.trim())) return BigInt(value.trim());
  issues.push({
    in: 'headers',
    path: ['x-min-position'],
    message: 'must be a position (a non-negative integer) from a command response',
  });
  return undefined;
}

function parsePart<T>(
  where: InputIssue['in'],
  schema: z.ZodType<T> | undefined,
  value: unknown,
  issues: InputIssue[],
  locale: ApiLocale,
): unknown {
  if (schema === undefined) return value;
  // zod's zh-CN words need the input an issue was about (never answered: an issue keeps only path and message).
  const parsed = schema.safeParse(value, { reportInput: locale !== 'en' });
  if (parsed.success) return parsed.data;
  issues.push(...issuesOf(where, parsed.error, locale));
  return undefined;
}

/** A body as read: its value, or `undefined` when it was missing or invalid (the issues say which). */
type BodyRead<B> = { readonly value: B } | undefined;

/** The request's parts checked against its route; every issue of body, query, params and headers at once, or 400. */
function readParts<B>(
  spec: RouteSpec,
  request: FastifyRequest,
  readBody: (raw: unknown, issues: InputIssue[], locale: ApiLocale) => BodyRead<B>,
): Omit<RouteInput, 'body'> & { readonly body: B } {
  const rawParams = request.params as Record<string, string>;
  // Schemas take a lone surrogate for text: every string of the request is looked at first.
  const issues: InputIssue[] = [
    ...loneSurrogateIssues('body', request.body),
    ...loneSurrogateIssues('query', request.query),
    ...loneSurrogateIssues('params', rawParams),
  ];
  const locale = localeOf(headerOf(request, 'accept-language'));
  const params = parsePart('params', spec.params, rawParams, issues, locale);
  const { body: rawBody, occurredAt: rawOccurredAt } = commandBody(spec, request.body as unknown, rawParams, issues);
  if (spec.body !== undefined && rawBody === undefined)
    issues.push({ in: 'body', path: [], message: 'a JSON body is required (Content-Type: application/json)' });
  const body = readBody(rawBody, issues, locale);
  const query = parsePart('query', spec.query, { ...(request.query as object | undefined) }, issues, locale);
  const occurredAt =
    rawOccurredAt === undefined
      ? undefined
      : parsePart('body', z.object({ occurredAt: IsoDateTime }), { occurredAt: rawOccurredAt }, issues, locale);
  const headers = spec.command === undefined ? {} : headerIssues(request, issues);
  const minPosition = spec.projection === undefined ? undefined : minPositionOf(request, issues);
  if (issues.length > 0 || body === undefined) throw toHttpException({ kind: 'invalid-input', issues });
  return {
    body: body.value,
    query,
    params,
    actor: (request as FastifyRequest & { [ACTOR_KEY]?: Actor })[ACTOR_KEY],
    idempotencyKey: headers.idempotencyKey,
    expectedRevision: headers.expectedRevision,
    occurredAt: (occurredAt as { occurredAt: string } | undefined)?.occurredAt,
    minPosition,
  };
}

/** Validates a request against its route's schemas: every issue of body, query, params and headers at once, or 400. */
export function readInput(spec: RouteSpec, request: FastifyRequest): RouteInput {
  return readParts(spec, request, (raw, issues, locale) => {
    if (raw === undefined) return spec.body === undefined ? { value: undefined } : undefined;
    const count = issues.length;
    const value = parsePart('body', spec.body, raw, issues, locale);
    return issues.length === count ? { value } : undefined;
  });
}

/** A command request checked as {@link readInput} does, with its body as the route's typed payload. */
export interface CommandInput<P> extends Omit<RouteInput, 'body' | 'query' | 'minPosition'> {
  readonly payload: P;
}

/** Validates a command request: the body becomes the payload of the route's command type, typed by its schema. */
export function readCommand<P extends RoutePayload<string, unknown>>(
  spec: CommandRouteSpec<P>,
  request: FastifyRequest,
): CommandInput<P> {
  const {
    body,
    query: _query,
    minPosition: _minPosition,
    ...rest
  } = readParts(spec, request, (raw, issues, locale) => {
    if (raw === undefined) return undefined;
    // zod's zh-CN words need the input an issue was about, as in parsePart.
    const payload = spec.command.read(raw, { reportInput: locale !== 'en' });
    if (payload._tag === 'Right') return { value: payload.right };
    issues.push(...issuesOf('body', payload.left, locale));
    return undefined;
  });
  return { ...rest, payload: body };
}

/** The request validated against the route's {@link RouteSpec} (set by `@Route`). */
export const Input = createParamDecorator((_data: unknown, context: ExecutionContext): RouteInput => {
  const spec = Reflect.getMetadata(ROUTE_SPEC, context.getHandler()) as RouteSpec | undefined;
  if (spec === undefined) throw new Error(`${context.getHandler().name} has no @Route`);
  return readInput(spec, context.switchToHttp().getRequest<FastifyRequest>());
});
