/** The languages the API's messages come in; English when the client asks for neither. */
export type ApiLocale = 'en' | 'zh-CN';

/**
 * The language of an `Accept-Language` header: the highest-weighted tag the API speaks (any `zh` is zh-CN,
 * any `en` English, `*` English); English when the header is missing, malformed or names neither.
 */
export function localeOf(acceptLanguage: string | undefined): ApiLocale {
  if (acceptLanguage === undefined) return 'en';
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params
        .map((param) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(param)?.[1])
        .find((value) => value !== undefined);
      return { language: tag.trim().toLowerCase().split('-')[0] ?? '', q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { language } of ranked) {
    if (language === 'zh') return 'zh-CN';
    if (language === 'en' || language === '*') return 'en';
  }
  return 'en';
}
