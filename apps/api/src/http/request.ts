import type { FastifyRequest } from 'fastify';

/** A request header as one string (Node joins repeated headers with ", "; `set-cookie`-like arrays are joined here). */
export function headerOf(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** The request's path, without its query string. */
export function pathOf(request: FastifyRequest): string {
  const query = request.url.indexOf('?');
  return query === -1 ? request.url : request.url.slice(0, query);
}

/** A body that is not JSON: the parser's refusal, answered 400 by the exception filter. */
export class MalformedBodyError extends Error {}

/** Whether a body is an HTML form's (`application/x-www-form-urlencoded`). */
export const isFormBody = (contentType: string | undefined): boolean =>
  (contentType ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');

/** A form body's fields (the last of a repeated name counts), for the one page that posts a form. */
export const parseFormBody = (body: Buffer): Record<string, string> =>
  Object.fromEntries(new URLSearchParams(body.toString('utf8')));

/**
 * The API's one body parser, for every content type: commands are JSON whatever a client declares, so a
 * form-encoded or typeless body is still checked (and refused) as JSON rather than read some other way.
 * An empty body reads as `{}` (then refused by the route's schema, with its issues).
 */
export function parseJsonBody(body: Buffer): unknown {
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw new MalformedBodyError('the body is not valid JSON');
  }
}
