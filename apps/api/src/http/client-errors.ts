import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';

/** What a client error (no request the router could take) is answered with: status, code, message. */
function refusalOf(code: string | undefined): { status: number; code: string; message: string } {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return { status: 408, code: 'REQUEST_TIMEOUT', message: 'the request (headers and body) did not arrive in time (SALESBOOK_REQUEST_TIMEOUT_MS)' };
  if (code === 'HPE_HEADER_OVERFLOW') return { status: 431, code: 'HEADERS_TOO_LARGE', message: 'the request headers are too large' };
  return { status: 400, code: 'MALFORMED_REQUEST', message: 'the request is not valid HTTP' };
}

/**
 * Node's `clientError`: a request that timed out before it fully arrived (a stalled body), headers too large, or
 * bytes that are not HTTP. Answered in the API's error shape, then the connection is closed; a connection the
 * client already reset gets nothing. Used as Fastify's `clientErrorHandler`.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const refusal = refusalOf(error.code);
  const body = JSON.stringify({ statusCode: refusal.status, code: refusal.code, message: refusal.message });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status] ?? ''}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

/**
 * Whether an error only says the client went away mid-request (it closed the connection, or its stalled body was
 * cut off by the request timeout): nothing to answer and nothing wrong with the server, so it is logged at info.
 */
export function isClientAbort(error: unknown, request: { readonly raw: { readonly socket: { readonly destroyed: boolean } | null } }): boolean {
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  // Not `raw.destroyed`: a request whose body was read to the end is destroyed too (autoDestroy).
  return code === 'ECONNRESET' || code === 'ECONNABORTED' || request.raw.socket?.destroyed === true;
}
