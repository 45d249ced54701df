import type { ApiLocale } from '../i18n/locale.js';
import { ITEMS, pageTexts, type PageRefusal, type PageTexts } from './public-survey.texts.js';

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe inside HTML elements and quoted attributes (company names are user input). */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);

const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}' +
  'fieldset{border:1px solid #ccc;margin:1rem 0}label{margin-right:.6rem;white-space:nowrap}' +
  '.ends{color:#555;font-size:.9em}.refusal{color:#8a1c1c}textarea{width:100%}button{font-size:1rem;padding:.4rem 1rem}';

/** A whole page: the language, the title and its body (already escaped). */
function page(locale: ApiLocale, texts: PageTexts, body: string): string {
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(texts.title)}</title><style>${STYLE}</style></head><body><h1>${escapeHtml(texts.title)}</h1>${body}</body></html>`;
}

/** One question answered by a score from `from` to `to` (radio buttons named `name`). */
function scale(name: string, legend: string, from: number, to: number, ends?: readonly [string, string]): string {
  const options = Array.from({ length: to - from + 1 }, (_, index) => from + index)
    .map((value) => `<label><input type="radio" name="${name}" value="${value}" required> ${value}</label>`)
    .join('');
  const hint = ends === undefined ? '' : `<div class="ends">${escapeHtml(ends[0])} · ${escapeHtml(ends[1])}</div>`;
  return `<fieldset><legend>${escapeHtml(legend)}</legend>${options}${hint}</fieldset>`;
}

/** The form of one invitation: the company's name and the campaign's questions, posted back to the same address. */
export function formPage(locale: ApiLocale, companyName: string, refusal?: PageRefusal): string {
  const texts = pageTexts(locale);
  const problem =
    refusal === undefined ? '' : `<p class="refusal" role="alert">${escapeHtml(texts.refusal[refusal])}</p>`;
  const items = ITEMS.map((item) => scale(item, texts.item[item], 1, 5)).join('');
  return page(
    locale,
    texts,
    `<p>${escapeHtml(texts.forCompany)} <strong id="company">${escapeHtml(companyName)}</strong></p>${problem}` +
      `<form method="post">${scale('nps', texts.nps, 0, 10, texts.npsEnds)}${scale('csat', texts.csat, 1, 5, texts.csatEnds)}` +
      `<p>${escapeHtml(texts.items)}</p>${items}` +
      `<p><label for="comment">${escapeHtml(texts.comment)}</label><br><textarea id="comment" name="comment" rows="4" maxlength="4000"></textarea></p>` +
      `<button type="submit">${escapeHtml(texts.send)}</button></form>`,
  );
}

/** The page after an answer was recorded. */
export function thanksPage(locale: ApiLocale): string {
  const texts = pageTexts(locale);
  return page(locale, texts, `<p id="thanks">${escapeHtml(texts.thanks)}</p>`);
}

/** The page of a refusal: what went wrong, nothing about the invitation or the customer. */
export function refusalPage(locale: ApiLocale, refusal: PageRefusal): string {
  const texts = pageTexts(locale);
  return page(
    locale,
    texts,
    `<p class="refusal" id="refusal" data-refusal="${refusal}">${escapeHtml(texts.refusal[refusal])}</p>`,
  );
}
