import { IntlMessageFormat } from 'intl-messageformat';
import { DOMAIN_ERROR_MESSAGES_ZH, isDomainErrorCode, messageValues, type DomainError } from '@salesbook/domain';
import { cliLocale } from './messages.js';

const compiled = new Map<string, IntlMessageFormat>();

/** The Chinese message of a refusal from the domain's catalogue (the API's too), or `undefined` to keep the English. */
function chinese(error: DomainError): string | undefined {
  if (!isDomainErrorCode(error.code)) return undefined;
  let format = compiled.get(error.code);
  if (format === undefined)
    compiled.set(error.code, (format = new IntlMessageFormat(DOMAIN_ERROR_MESSAGES_ZH[error.code], 'zh-CN')));
  try {
    return String(format.format(messageValues(error.details)));
  } catch {
    // A message naming a value this refusal did not carry: the decider's English beats a broken sentence.
    return undefined;
  }
}

/** A decider's refusal in the operator's language, its stable code first (`ORDER_DATE_IN_FUTURE: ...`). */
export function refusalText(error: DomainError): string {
  const message = cliLocale() === 'zh-CN' ? chinese(error) : undefined;
  return message === undefined ? `${error.code}: ${error.message}` : `${error.code}：${message}`;
}
