import { IntlMessageFormat } from 'intl-messageformat';
import en from './en.json' with { type: 'json' };
import zhCN from './zh-CN.json' with { type: 'json' };
import { CliError } from '../support/cli-error.js';

/** A key of the command line's catalogues (`en.json` is the reference). */
export type CliMessageKey = keyof typeof en;

/** The languages the command line's import messages come in. */
export type CliLocale = 'en' | 'zh-CN';

const CATALOGUES: Readonly<Record<CliLocale, Readonly<Record<CliMessageKey, string>>>> = { en, 'zh-CN': zhCN };

/** A language tag as the command line reads it: any `zh` tag is zh-CN, any `en` tag English, else `undefined`. */
const tagLocale = (tag: string): CliLocale | undefined =>
  /^zh([-_].*)?$/i.test(tag) ? 'zh-CN' : /^en([-_].*)?$/i.test(tag) ? 'en' : undefined;

/**
 * The operator's language: `--lang` (a `zh` or `en` tag), else `SALESBOOK_LANG`, else the POSIX locale (`LC_ALL`,
 * `LC_MESSAGES`, `LANG`, e.g. `zh_CN.UTF-8`), else English. Any other `--lang` or `SALESBOOK_LANG` stops the command.
 */
export function cliLocaleOf(env: NodeJS.ProcessEnv, flag?: string): CliLocale {
  for (const [name, value] of [
    ['--lang', flag],
    ['SALESBOOK_LANG', env['SALESBOOK_LANG']],
  ] as const) {
    const chosen = value?.trim();
    if (chosen === undefined || chosen === '') continue;
    const locale = tagLocale(chosen);
    if (locale === undefined) throw new CliError(`${name}: "${chosen}" is not zh-CN or en`, 2);
    return locale;
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
