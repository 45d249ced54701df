import { IntlMessageFormat } from 'intl-messageformat';
import { messageValues } from '@salesbook/domain';
import type { ErrorBody } from '../http/failures.js';
import { ERROR_MESSAGES_ZH } from './error-messages.js';
import { issueMessage } from './issue-messages.js';
import type { ApiLocale } from './locale.js';

const compiled = new Map<string, IntlMessageFormat>();

/** The values a Chinese message may use: the body's numbers and the refusal's plain details. */
const valuesOf = (body: ErrorBody): Record<string, string | number> => ({
  count: body.issues?.length ?? 0,
  ...messageValues(body.details),
});

/** The Chinese message of `code`, or `undefined` when the catalogue has none (the English one is kept). */
function chinese(body: ErrorBody): string | undefined {
  const source = (ERROR_MESSAGES_ZH as Readonly<Record<string, string>>)[body.code];
  if (source === undefined) return undefined;
  let format = compiled.get(body.code);
  if (format === undefined) compiled.set(body.code, (format = new IntlMessageFormat(source, 'zh-CN')));
  try {
    return String(format.format(valuesOf(body)));
  } catch {
    // A message that names a value this refusal did not carry: the English message beats a broken sentence.
    return undefined;
  }
}

/**
 * An error body in `locale`: the same status, `code`, `details` and issue paths; `message` and each issue's
 * message in the client's language.
 */
export function localizeError(body: ErrorBody, locale: ApiLocale): ErrorBody {
  if (locale === 'en') return body;
  const message = chinese(body) ?? body.message;
  const issues = body.issues?.map((issue) => ({ ...issue, message: issueMessage(issue.message, locale) }));
  return { ...body, message, ...(issues === undefined ? {} : { issues }) };
}
