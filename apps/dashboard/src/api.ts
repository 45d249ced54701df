import type { z } from 'zod';
import { locale, t } from './i18n/i18n.js';

/** A failed call as the page shows it: the HTTP status and the API's code and message. */
export interface ApiError {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

/** An answer: the parsed body, or what went wrong. */
export type Answer<T> = { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: ApiError };

/** Query parameters; empty and undefined values are left out. */
export type Params = Readonly<Record<string, string | undefined>>;

/** The path and query of a call, as the page and the tests build it. */
export function pathWithQuery(path: string, params: Params): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined && value !== '') query.set(name, value);
  const text = query.toString();
  return text === '' ? path : `${path}?${text}`;
}

/** Calls the API of the page's own origin with the signed-in token, in the page's language, and checks the answer's shape. */
export class ApiClient {
  constructor(private readonly token: string) {}

  /** GET, at least as fresh as `minPosition` (a command's answer) when given. */
  get<S extends z.ZodType>(path: string, params: Params, schema: S, minPosition?: string): Promise<Answer<z.infer<S>>> {
    return this.send(
      pathWithQuery(path, params),
      { headers: this.headers(minPosition === undefined ? {} : { 'x-min-position': minPosition }) },
      schema,
    );
  }

  /** POSTs a command's JSON body, with an idempotency key so a retried click does not act twice. */
  post<S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<Answer<z.infer<S>>> {
    const headers = this.headers({ 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() });
    return this.send(path, { method: 'POST', headers, body: JSON.stringify(body) }, schema);
  }

  private headers(extra: Readonly<Record<string, string>>): Record<string, string> {
    return { authorization: `Bearer ${this.token}`, accept: 'application/json', 'accept-language': locale(), ...extra };
  }

  private async send<S extends z.ZodType>(url: string, init: RequestInit, schema: S): Promise<Answer<z.infer<S>>> {
    let response: Response;
    try {
      response = await fetch(url, init);
    } catch (error) {
      return { ok: false, error: { status: 0, code: 'NETWORK', message: `${t('error.network')} (${String(error)})` } };
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const failure = body as { code?: unknown; message?: unknown } | undefined;
      return {
        ok: false,
        error: {
          status: response.status,
          code: String(failure?.code ?? 'HTTP_ERROR'),
          message: String(failure?.message ?? response.statusText),
        },
      };
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success)
      return {
        ok: false,
        error: { status: response.status, code: 'UNEXPECTED_ANSWER', message: t('error.unexpected') },
      };
    return { ok: true, data: parsed.data };
  }
}
