import { readFileSync } from 'node:fs';
import { IntlMessageFormat } from 'intl-messageformat';

/** A message catalogue: key -> ICU message. */
export type Catalogue = Readonly<Record<string, string>>;

/** Reads a JSON catalogue. */
export const readCatalogue = (file: string): Catalogue => JSON.parse(readFileSync(file, 'utf8')) as Catalogue;

type Element = ReturnType<IntlMessageFormat['getAst']>[number];

// ICU element types that name an argument: argument, number, date, time, select, plural, tag.
const NAMED = new Set([1, 2, 3, 4, 5, 6, 8]);

function names(elements: readonly Element[]): string[] {
  return elements.flatMap((element) => [
    ...(NAMED.has(element.type) && 'value' in element && typeof element.value === 'string' ? [element.value] : []),
    ...('options' in element ? Object.values(element.options).flatMap((option) => names(option.value)) : []),
    ...('children' in element ? names(element.children) : []),
  ]);
}

/** The argument names a message uses, sorted; throws when the message is not ICU message format. */
export const argumentsOf = (message: string, locale: string): string[] =>
  [...new Set(names(new IntlMessageFormat(message, locale).getAst()))].sort();
