import { IntlMessageFormat } from 'intl-messageformat';
import en from './en.json' with { type: 'json' };
import zhCN from './zh-CN.json' with { type: 'json' };
import { CliError } from '../support/cli-error.js';

/** A key of the command line's catalogues (`en.json` is the reference). */
export type CliMessageKey = keyof typeof en;

/** The languages the command line's import messages come in. */
export type CliLocale = 'en' | 'zh-CN';

const CATALOGUES: Readonly<Record<CliLocale, Readonly<Record<CliMessageKey, string>>>> = { en, 'zh-CN': zhCN };

/**
 * The operator's language: `SALESBOOK_LANG` (a `zh` or `en` tag), else the POSIX locale (`LC_ALL`, `LC_MESSAGES`,
 * `LANG`, e.g. `zh_CN.UTF-8`), else English. Any other `SALESBOOK_LANG` stops the command.
 */
export function cliLocaleOf(env: NodeJS.ProcessEnv): CliLocale {
  const chosen = env['SALESBOOK_LANG']?.trim();
  if (chosen !== undefined && chosen !== '') {
    if (/^zh([-_].*)?$/i.test(chosen)) return 'zh-CN';
    if (/^en([-_].*)?$/i.test(chosen)) return 'en';
    throw new CliError(`SALESBOOK_LANG: "${chosen}" is not zh-CN or en`, 2);
  }
  const posix = [env['LC_ALL'], env['LC_MESSAGES'], env['LANG']].find((value) => value !== undefined && value !== '');
  return posix !== undefined && /^zh([-_.@]|$)/i.test(posix) ? 'zh-CN' : 'en';
}

let current: CliLocale = 'en';
const compiled = new Map<string, IntlMessageFormat>();

/** Sets the language of the messages (once, at start). */
export const setCliLocale = (locale: CliLocale): void => {
  current = locale;
};

/** The language of the messages. */
export const cliLocale = (): CliLocale => current;

/** The message `key` in the operator's language, `values` put in by ICU message format. */
export function say(key: CliMessageKey, values?: Readonly<Record<string, string | number>>): string {
  const id = `${current}\u0000${key}`;
  let format = compiled.get(id);
  if (format === undefined) compiled.set(id, (format = new IntlMessageFormat(CATALOGUES[current][key], current)));
  return String(format.format(values));
}

/** Reasons joined as the language lists them. */
export const joinReasons = (reasons: readonly string[]): string => reasons.join(say('list.separator'));
