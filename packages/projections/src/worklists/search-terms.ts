/** Longest term kept: a query longer than this matches on its first this many characters' worth of terms only. */
const MAX_TERM = 48;
/** At most this many terms per customer, so a very long name cannot flood the table. */
const MAX_TERMS = 40;

const HAN = /\p{Script=Han}/u;

/** The text a name or a query is compared as: NFKC, lower case, every run of other than letters and digits one space. */
export function searchText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Where a word starts in a normalized name: after a space, and at every Han character (Chinese has no spaces, so each
 * character may begin a word: 华东 matches 上海华东电子).
 */
function wordStarts(text: string): number[] {
  const chars = Array.from(text);
  const starts: number[] = [];
  let offset = 0;
  chars.forEach((char, i) => {
    const previous = chars[i - 1];
    if (
      char !== ' ' &&
      (i === 0 || previous === ' ' || HAN.test(char) || (previous !== undefined && HAN.test(previous)))
    )
      starts.push(offset);
    offset += char.length;
  });
  return starts;
}

/**
 * The terms a customer is found by, each matched by prefix: its id (lower case) and every tail of its normalized
 * company name that starts a word. A query matches when it is a prefix of one: the start of the name, the start of
 * any word, or a run of words from one ("machinery co" in "Huatech Machinery Co., Ltd.").
 */
export function searchTerms(customerId: string, companyName: string): string[] {
  const text = searchText(companyName);
  const tails = wordStarts(text).map((start) => Array.from(text.slice(start)).slice(0, MAX_TERM).join(''));
  return [...new Set([customerId.toLowerCase(), ...tails])].slice(0, MAX_TERMS);
}

/** The exclusive upper bound of the terms that start with `prefix` (binary text order, as SQLite compares). */
export const prefixEnd = (prefix: string): string => `${prefix}\u{10FFFF}`;

/** A query as it is compared with terms: normalized, cut to the longest term kept. */
export const queryTerm = (q: string): string => Array.from(searchText(q)).slice(0, MAX_TERM).join('');
