import type {
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  PathItemObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger';
import { z } from 'zod';
import type { RouteSpec } from './route-spec.js';

type JsonSchema = SchemaObject;

/** The JSON Schema of a zod schema as a request is written (input side) or an answer is (output), without its `$schema` line. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): JsonSchema {
  // JSON Schema's type admits boolean sub-schemas (`not: false`), which zod never writes and OpenAPI's type leaves out.
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  }) as SchemaObject & { $schema?: string };
  return rest;
}

/** The success answer of a route: a command's outcome, a read route's documented answer (a component), or bare. */
function success(spec: RouteSpec, operationId: string, schemas: Record<string, SchemaObject>): ResponseObject {
  const json = (name: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } });
  if (spec.command !== undefined) return { description: 'Appended', content: json('CommandOutcome') };
  if (spec.response === undefined) return { description: 'OK' };
  const name = `${operationId.charAt(0).toUpperCase()}${operationId.slice(1)}Answer`;
  schemas[name] = jsonSchema(spec.response, 'output');
  return { description: 'OK', content: json(name) };
}

/** A command's body as clients send it: the path's id left out, `occurredAt` allowed for imports. */
function commandBody(spec: RouteSpec, schema: JsonSchema): JsonSchema {
  const idField = spec.command?.idField;
  const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).filter(([name]) => name !== idField));
  const required = (schema.required ?? []).filter((name) => name !== idField);
  const occurredAt = {
    type: 'string',
    format: 'date-time',
    description: 'Business time of the act; only the system role (imports) may set it',
  };
  return { ...schema, properties: { ...properties, occurredAt }, required };
}

const LANGUAGE_NOTE = [
  'Commands append events; reports read projections. Authenticate with a bearer JWT (sub, role, region).',
  "Errors: `code` is stable in every language; `message` and each issue's `message` follow the request's Accept-Language:",
  'Simplified Chinese for any `zh` tag (zh-CN, zh, zh-Hans), English otherwise and by default; the answer names it in Content-Language.',
  'This document itself is in English.',
].join(' ');

const ERROR_BODY: JsonSchema = {
  type: 'object',
  required: ['statusCode', 'code', 'message'],
  properties: {
    statusCode: { type: 'integer' },
    code: {
      type: 'string',
      description: 'Stable code: INVALID_INPUT, MALFORMED_JSON, ROLE_NOT_ALLOWED, or the DomainError code',
    },
    message: {
      type: 'string',
      description:
        'For people, in the language of Accept-Language (zh-CN or en; English by default); never switch on it',
    },
    issues: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          in: { type: 'string' },
          path: { type: 'array' },
          message: { type: 'string', description: 'In the language of Accept-Language, as message' },
        },
      },
    },
    details: { type: 'object' },
  },
};

const COMMAND_OUTCOME: JsonSchema = {
  type: 'object',
  required: ['streamName', 'revision', 'position', 'events'],
  properties: {
    streamName: { type: 'string' },
    revision: { type: 'integer', description: 'The stream revision after the command; send it as If-Match' },
    position: {
      type: ['string', 'null'],
      description: 'Global position of the last event; send it as X-Min-Position to read your writes',
    },
    events: { type: 'array', items: { type: 'string' } },
  },
};

const header = (name: string, description: string): ParameterObject => ({
  name,
  in: 'header',
  required: false,
  schema: { type: 'string' },
  description,
});

function parameters(spec: RouteSpec): ParameterObject[] {
  const of = (where: 'path' | 'query', schema: z.ZodType | undefined) => {
    const json = schema === undefined ? undefined : jsonSchema(schema);
    return Object.entries(json?.properties ?? {}).map(([name, property]) => ({
      name,
      in: where,
      required: where === 'path' || (json?.required ?? []).includes(name),
      schema: property,
    }));
  };
  const headers = [
    ...(spec.command === undefined
      ? []
      : [
          header(
            'Idempotency-Key',
            'Makes the command retry-safe: a repeat returns the first result. Bound to the token subject, the route and the body it first came with: reused for another command it is 422 IDEMPOTENCY_KEY_REUSED',
          ),
          header('If-Match', 'Expected stream revision (-1: must not exist)'),
        ]),
    ...(spec.projection === undefined
      ? []
      : [header('X-Min-Position', 'Wait (bounded) until the report reflects this position')]),
  ];
  return [...of('path', spec.params), ...of('query', spec.query), ...headers];
}

function operation(spec: RouteSpec, schemas: Record<string, SchemaObject>): OperationObject {
  if (spec.body !== undefined && spec.bodyName !== undefined)
    schemas[spec.bodyName] = commandBody(spec, jsonSchema(spec.body));
  const roles = spec.audience === 'public' ? 'public' : spec.audience.join(', ');
  const error = (description: string) => ({
    description,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  });
  const operationId =
    spec.command?.type ??
    `${spec.method.toLowerCase()}${spec.path.replace(/[^A-Za-z]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`;
  return {
    summary: spec.summary,
    description: `Roles: ${roles}`,
    tags: [spec.tag],
    operationId,
    ...(spec.audience === 'public' ? { security: [] } : {}),
    parameters: parameters(spec),
    ...(spec.bodyName === undefined
      ? {}
      : {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: `#/components/schemas/${spec.bodyName}` } } },
          },
        }),
    responses: {
      [spec.status]: success(spec, operationId, schemas),
      400: error('Invalid input: every issue with its path'),
      ...(spec.audience === 'public'
        ? {}
        : { 401: error('No valid bearer token'), 403: error('The role may not use this route') }),
      404: error('Unknown id'),
      ...(spec.command === undefined
        ? {}
        : { 409: error('Business rule or concurrency conflict (DomainError code)'), 413: error('Body too large') }),
    },
  };
}

/** The OpenAPI 3.1 document of the route table: the same zod schemas that validate requests, as components. */
export function buildOpenApiDocument(routes: readonly RouteSpec[], version: string): OpenAPIObject {
  const schemas: Record<string, SchemaObject> = { Error: ERROR_BODY, CommandOutcome: COMMAND_OUTCOME };
  const paths: Record<string, PathItemObject> = {};
  for (const spec of routes) {
    const path = spec.path.replace(/:([A-Za-z]+)/g, '{$1}');
    paths[path] = { ...paths[path], [spec.method.toLowerCase()]: operation(spec, schemas) };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Salesbook API', version, description: LANGUAGE_NOTE },
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } }, schemas },
    paths,
  };
}
