import fc from 'fast-check';
import { z } from 'zod';
import type { Role } from '@salesbook/domain';
import type { RouteSpec } from '../http/route-spec.js';

/**
 * Requests that are wrong in at least one way the edge must catch before any handler writes: each draws one or
 * more "faults" that are invalid by construction, plus noise (random values for the route's real fields).
 */
export interface BadRequest {
  readonly route: RouteSpec;
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  /** The raw body text, if any. */
  readonly body: string | undefined;
  /** Who the bearer token is for: an allowed role, a denied one, none, or a forged/garbled header. */
  readonly auth:
    | { readonly kind: 'role'; readonly role: Role }
    | { readonly kind: 'none' }
    | { readonly kind: 'header'; readonly value: string }
    | { readonly kind: 'lifetime'; readonly role: Role; readonly token: BadLifetime };
  readonly faults: readonly Fault[];
}

/** Ways a request is wrong; `unknown-id` alone is well-formed but names nothing (404 or 400). */
export type Fault =
  | 'malformed-json'
  | 'non-object-body'
  | 'unknown-field'
  | 'too-large'
  | 'bad-param'
  | 'bad-header'
  | 'bad-query'
  | 'bad-auth'
  | 'unknown-id'
  | 'lone-surrogate'
  | 'token-lifetime';

/** Correctly signed tokens of an allowed role that break the lifetime rules: no `exp`, too long a life, issued in the future. */
export type BadLifetime = 'no-exp' | 'too-long' | 'future-iat';

/** Text with a lone UTF-16 surrogate (JSON carries it as a `\\ud800` escape). */
const LONE_SURROGATES = ['x\ud800y', '\udc00', 'Li \ud83d', '\udfff\ud800'];

const INJECTIONS = [
  "'; DROP TABLE events; --",
  '" OR 1=1 --',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '${process.exit(1)}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  '%00',
  '\u0000',
  'a'.repeat(300),
  '💥',
  'Ω≈ç√',
  '\r\nX-Injected: 1',
  'NaN',
  '-0',
  '1e309',
];
const BAD_NUMBERS = [-1, -0.5, 1.5, 1e21, -1e21, Number.MAX_SAFE_INTEGER + 2, 2 ** 63, -(2 ** 63), 0.1 + 0.2];
const BAD_DATES = [
  '2026-13-01',
  '2026-02-30',
  '0000-00-00',
  '99999-01-01',
  '2026-1-1',
  '2026-03-01T25:00:00Z',
  '1969-12-31T23:59:60Z',
  '2026-03',
  '+275760-09-13',
  '9999-12-31T23:59:59.999+14:00',
];
/** Path parameters that match no id pattern (injections, traversal, bad percent-encoding). */
const BAD_PARAMS = [
  ...INJECTIONS.map(encodeURIComponent),
  '%E0%A4%A',
  '..',
  '-leading-dash',
  'x'.repeat(200),
  'order-',
  '%2e%2e%2f',
];
const UNKNOWN_IDS = ['nope-1', 'x-404', 'missing.order', 'Z9'];
const MALFORMED = [
  '{"a": ',
  "{'single': 1}",
  '{"a":1,}',
  '[1, 2',
  '{"a": undefined}',
  'NaN',
  '{"a": 01}',
  '\u0000',
  '{"a":"\\x"}',
  '<xml/>',
  'null',
  '"text"',
  '42',
  'true',
];
const BAD_HEADERS: Record<string, readonly string[]> = {
  'if-match': ['abc', '-2', '1.5', '"', 'W/"x"', '99999999999999999999', '*', ''],
  'idempotency-key': ['has spaces', 'x'.repeat(129), 'ünïcode', 'a/b', ''],
  'x-min-position': ['-1', 'abc', '1.5', '0x10', '1'.repeat(41), ''],
};
const BAD_TOKENS = [
  'Bearer',
  'Bearer ',
  'Basic dXNlcjpwYXNz',
  'Bearer a.b.c',
  'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwicm9sZSI6InN5c3RlbSJ9.',
  'bearer  x',
  'Token abc',
];
const ROLES: readonly Role[] = [
  'sales_manager',
  'regional_manager',
  'sales_rep',
  'market_analyst',
  'finance',
  'auditor',
  'system',
];

const badValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(...INJECTIONS, ...BAD_NUMBERS, ...BAD_DATES, null, true, [], {}),
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double({ noNaN: true }),
);

/** The top-level field names a zod object schema declares (empty when it is not an object). */
const fieldsOf = (schema: z.ZodType | undefined): string[] => {
  if (schema === undefined) return [];
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, unknown>;
  };
  return Object.keys(json.properties ?? {});
};

const noise = (schema: z.ZodType | undefined): fc.Arbitrary<Record<string, unknown>> => {
  const fields = fieldsOf(schema);
  return fields.length === 0
    ? fc.constant({})
    : fc.dictionary(fc.constantFrom(...fields), badValue, { maxKeys: fields.length });
};

const faultsOf = (route: RouteSpec): Fault[] => [
  'malformed-json',
  'too-large',
  ...(route.body === undefined ? [] : (['non-object-body', 'unknown-field'] as const)),
  ...(route.params === undefined ? [] : (['bad-param'] as const)),
  ...(route.command !== undefined || isReport(route) ? (['bad-header'] as const) : []),
  ...(route.query === undefined ? [] : (['bad-query'] as const)),
  ...(route.audience === 'public' ? [] : (['bad-auth'] as const)),
  ...(route.params !== undefined && route.command !== undefined ? (['unknown-id'] as const) : []),
  ...(route.body === undefined ? [] : (['lone-surrogate'] as const)),
  ...(route.audience === 'public' ? [] : (['token-lifetime'] as const)),
];

/** Report routes honour `X-Min-Position`. */
const isReport = (route: RouteSpec): boolean => route.method === 'GET' && route.path.startsWith('/reports/');

const allowedRoles = (route: RouteSpec): readonly Role[] => (route.audience === 'public' ? ROLES : route.audience);

/** One bad request for `route`, given the body limit (a too-large body exceeds it). */
export function badRequest(route: RouteSpec, bodyLimit: number): fc.Arbitrary<BadRequest> {
  const params = route.path.match(/:[A-Za-z]+/g) ?? [];
  return fc
    .record({
      faults: fc.subarray(faultsOf(route), { minLength: 1, maxLength: Math.min(3, faultsOf(route).length) }),
      role: fc.constantFrom(...allowedRoles(route)),
      deniedRole: fc.constantFrom(...ROLES),
      badToken: fc.constantFrom(...BAD_TOKENS),
      body: noise(route.body),
      query: noise(route.query),
      unknownKey: fc.constantFrom('colour', 'zz_unknown', '__proto__x', 'isAdmin', 'orderId2'),
      unknownValue: badValue,
      nonObject: fc.constantFrom('[]', '[{"a":1}]', '"x"', '0', 'false'),
      malformed: fc.constantFrom(...MALFORMED),
      largeBy: fc.integer({ min: 1, max: 3 * bodyLimit }),
      paramValues: fc.array(fc.constantFrom(...BAD_PARAMS), { minLength: params.length, maxLength: params.length }),
      knownIds: fc.array(fc.constantFrom(...UNKNOWN_IDS, 'c-1', 'o-1'), {
        minLength: params.length,
        maxLength: params.length,
      }),
      header: fc
        .constantFrom(...Object.keys(BAD_HEADERS))
        .chain((name) =>
          fc.record({ name: fc.constant(name), value: fc.constantFrom(...(BAD_HEADERS[name] ?? [''])) }),
        ),
      idempotencyKey: fc.option(fc.stringMatching(/^[A-Za-z0-9._:-]{1,20}$/), { nil: undefined }),
      surrogate: fc.record({
        text: fc.constantFrom(...LONE_SURROGATES),
        field: fc.constantFrom(...fieldsOf(route.body), 'note'),
      }),
      lifetime: fc.constantFrom<BadLifetime>('no-exp', 'too-long', 'future-iat'),
      contentType: fc.constantFrom(
        'application/json',
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/json; charset=latin1',
      ),
    })
    .map((draw): BadRequest => {
      const has = (fault: Fault) => draw.faults.includes(fault);
      const ids = draw.knownIds.map((id) =>
        has('unknown-id') ? (UNKNOWN_IDS.includes(id) ? id : (UNKNOWN_IDS[0] ?? 'nope')) : id,
      );
      const values = has('bad-param')
        ? draw.paramValues
        : route.path.includes(':stream')
          ? ids.map((id) => `order-${id}`)
          : ids;
      const path = params.reduce((text, param, index) => text.replace(param, values[index] ?? 'x'), route.path);
      // JSON text, not String(): a drawn object may carry its own `toString` key, which String() cannot call.
      const query = has('bad-query')
        ? {
            ...draw.query,
            [draw.unknownKey]:
              typeof draw.unknownValue === 'string' ? draw.unknownValue : JSON.stringify(draw.unknownValue),
          }
        : draw.query;
      const search = new URLSearchParams(
        Object.entries(query).map(([key, value]): [string, string] => [
          key,
          typeof value === 'string' ? value : JSON.stringify(value),
        ]),
      ).toString();
      const withUnknown = has('unknown-field') ? { ...draw.body, [draw.unknownKey]: draw.unknownValue } : draw.body;
      const object = has('lone-surrogate')
        ? { ...withUnknown, [draw.surrogate.field]: draw.surrogate.text }
        : withUnknown;
      let body =
        route.body === undefined && !has('malformed-json') && !has('too-large') ? undefined : JSON.stringify(object);
      if (has('non-object-body')) body = draw.nonObject;
      if (has('malformed-json')) body = draw.malformed;
      if (has('too-large')) body = JSON.stringify({ ...object, padding: 'x'.repeat(bodyLimit + draw.largeBy) });
      const headers: Record<string, string> = { 'content-type': draw.contentType };
      if (draw.idempotencyKey !== undefined && route.command !== undefined)
        headers['idempotency-key'] = draw.idempotencyKey;
      if (has('bad-header')) {
        const name =
          route.command === undefined
            ? 'x-min-position'
            : draw.header.name === 'x-min-position'
              ? 'if-match'
              : draw.header.name;
        headers[name] =
          BAD_HEADERS[name]?.includes(draw.header.value) === true
            ? draw.header.value
            : (BAD_HEADERS[name]?.[0] ?? 'abc');
      }
      const denied = route.audience !== 'public' && !route.audience.includes(draw.deniedRole);
      const badAuth: BadRequest['auth'] = denied
        ? { kind: 'role', role: draw.deniedRole }
        : draw.badToken === 'Bearer'
          ? { kind: 'none' }
          : { kind: 'header', value: draw.badToken };
      const auth: BadRequest['auth'] = has('token-lifetime')
        ? { kind: 'lifetime', role: draw.role, token: draw.lifetime }
        : has('bad-auth')
          ? badAuth
          : { kind: 'role', role: draw.role };
      return {
        route,
        method: route.method,
        path: search === '' ? path : `${path}?${search}`,
        headers,
        body,
        auth,
        faults: draw.faults,
      };
    });
}
