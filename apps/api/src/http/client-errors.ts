import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { localeOf } from '../i18n/locale.js';
import { localizeError } from '../i18n/localize.js';
import { headerOf } from './request.js';

/**
 * The `Accept-Language` of the request a connection is carrying, noted when its headers were read (Fastify's
 * onRequest) and dropped when it was answered: a body that then stalls is refused in the client's language.
 */
const languages = new WeakMap<Socket, string>();

/** Notes each request's `Accept-Language` on its connection once its headers are read, and forgets it once answered. */
export function noteLanguages(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    const language = headerOf(request, 'accept-language');
    if (language !== undefined && request.raw.socket !== null) languages.set(request.raw.socket, language);
    done();
  });
  fastify.addHook('onResponse', (request, _reply, done) => {
    if (request.raw.socket !== null) languages.delete(request.raw.socket);
    done();
  });
}

/**
 * The client's `Accept-Language` for a refusal written on the socket: the one noted for the request in progress, else
 * the header found in the bytes Node's parser failed on (`rawPacket`: headers too large, not HTTP), else none.
 */
function languageOf(error: Error & { rawPacket?: unknown }, socket: Socket): string | undefined {
  const noted = languages.get(socket);
  if (noted !== undefined) return noted;
  if (!Buffer.isBuffer(error.rawPacket)) return undefined;
  return /\r\naccept-language:[ \t]*([^\r\n]*)/i.exec(error.rawPacket.toString('latin1'))?.[1];
}

/** What a client error (no request the router could take) is answered with: status, code, message. */
function refusalOf(code: string | undefined): { status: number; code: string; message: string } {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return {
      status: 408,
      code: 'REQUEST_TIMEOUT',
      message: 'the request (headers and body) did not arrive in time (SALESBOOK_REQUEST_TIMEOUT_MS)',
    };
  if (code === 'HPE_HEADER_OVERFLOW')
    return { status: 431, code: 'HEADERS_TOO_LARGE', message: 'the request headers are too large' };
  return { status: 400, code: 'MALFORMED_REQUEST', message: 'the request is not valid HTTP' };
}

/**
 * Node's `clientError`: a request that timed out before it fully arrived (a stalled body), headers too large, or
 * bytes that are not HTTP. Answered in the API's error shape, in the client's language where its `Accept-Language`
 * is known (see {@link languageOf}; English otherwise), then the connection is closed; a connection the client
 * already reset gets nothing. Used as Fastify's `clientErrorHandler`.
 */
export function answerClientError(error: Error & { code?: string; rawPacket?: unknown }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const refusal = refusalOf(error.code);
  const locale = localeOf(languageOf(error, socket));
  const body = JSON.stringify(
    localizeError({ statusCode: refusal.status, code: refusal.code, message: refusal.message }, locale),
  );
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status] ?? ''}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Language: ${locale}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

/**
 * Whether an error only says the client went away mid-request (it closed the connection, or its stalled body was
 * cut off by the request timeout): nothing to answer and nothing wrong with the server, so it is logged at info.
 */
export function isClientAbort(
  error: unknown,
  request: { readonly raw: { readonly socket: { readonly destroyed: boolean } | null } },
): boolean {
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  // Not `raw.destroyed`: a request whose body was read to the end is destroyed too (autoDestroy).
  return code === 'ECONNRESET' || code === 'ECONNABORTED' || request.raw.socket?.destroyed === true;
}
