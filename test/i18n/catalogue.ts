import { readFileSync } from 'node:fs';
import { IntlMessageFormat } from 'intl-messageformat';

/** A message catalogue: key -> ICU message. */
export type Catalogue = Readonly<Record<string, string>>;

/** Reads a JSON catalogue. */
export const readCatalogue = (file: string): Catalogue => JSON.parse(readFileSync(file, 'utf8')) as Catalogue;

interface Element {
  readonly type: number;
  readonly value?: unknown;
  readonly options?: Readonly<Record<string, { readonly value: readonly Element[] }>>;
  readonly children?: readonly Element[];
}

// ICU element types that name an argument: argument, number, date, time, select, plural, tag.
const NAMED = new Set([1, 2, 3, 4, 5, 6, 8]);

function names(elements: readonly Element[]): string[] {
  return elements.flatMap((element) => [
    ...(NAMED.has(element.type) && typeof element.value === 'string' ? [element.value] : []),
    ...Object.values(element.options ?? {}).flatMap((option) => names(option.value)),
    ...names(element.children ?? []),
  ]);
}

/** The argument names a message uses, sorted; throws when the message is not ICU message format. */
export const argumentsOf = (message: string, locale: string): string[] =>
  [...new Set(names(new IntlMessageFormat(message, locale).getAst() as unknown as readonly Element[]))].sort();
