import { IntlMessageFormat } from 'intl-messageformat';
import en from './en.json' with { type: 'json' };
import zhCN from './zh-CN.json' with { type: 'json' };

/** A key of the message catalogues; `en.json` is the reference every other catalogue must match. */
export type MessageKey = keyof typeof en;

/** The languages the page speaks. */
export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

// Typed as the English catalogue's keys: a key missing from another catalogue fails the type check.
const CATALOGUES: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = { en, 'zh-CN': zhCN };

/** Where the chosen language is remembered (across sessions, unlike the token). */
export const LOCALE_KEY = 'salesbook.locale';

/**
 * The language to start in: the one chosen before, else the first of the browser's languages the page
 * speaks (any Chinese is zh-CN, any English en), else English.
 */
export function pickLocale(saved: string | null, preferred: readonly string[]): Locale {
  if (saved !== null && (LOCALES as readonly string[]).includes(saved)) return saved as Locale;
  for (const tag of preferred) {
    const language = tag.toLowerCase().split('-')[0];
    if (language === 'zh') return 'zh-CN';
    if (language === 'en') return 'en';
  }
  return 'en';
}

let current: Locale = pickLocale(localStorage.getItem(LOCALE_KEY), navigator.languages);
const compiled = new Map<string, IntlMessageFormat>();

/** The page's language now. */
export const locale = (): Locale => current;

/** Switches the language and remembers it. */
export function setLocale(next: Locale): void {
  current = next;
  localStorage.setItem(LOCALE_KEY, next);
}

/** The message `key` in the page's language, with `values` put in by ICU message format. */
export function t(key: MessageKey, values?: Readonly<Record<string, string | number>>): string {
  const id = `${current}\u0000${key}`;
  let format = compiled.get(id);
  if (format === undefined) {
    format = new IntlMessageFormat(CATALOGUES[current][key], current);
    compiled.set(id, format);
  }
  return String(format.format(values));
}

/** A label for a value of a closed vocabulary (`category.delivery`), or the value itself when the catalogue has none. */
export function term(prefix: string, value: string): string {
  const key = `${prefix}.${value}`;
  return key in CATALOGUES[current] ? t(key as MessageKey) : value;
}

/**
 * Puts the catalogue's words into the static page: `data-i18n="key"` sets an element's text,
 * `data-i18n-placeholder` / `data-i18n-title` an attribute; `<html lang>` and the title follow.
 */
export function translatePage(root: Document): void {
  root.documentElement.lang = current;
  root.title = t('page.title');
  for (const node of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    node.textContent = t(node.dataset['i18n'] as MessageKey, { command: 'npm start' });
  }
}
