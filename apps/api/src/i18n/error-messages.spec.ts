import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';
import { ERROR_MESSAGES_ZH } from './error-messages.js';

// Every code a client can receive must have its Chinese message. The codes are found where they are written:
// the deciders' and stores' code unions, and every SCREAMING_SNAKE literal in the API's own source.
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );

/** The members of every `export type ...ErrorCode = 'A' | 'B'` union in `file`. */
function unionCodes(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/export type \w*ErrorCode\s*=([^;]+);/g)].flatMap((m) =>
    [...(m[1] ?? '').matchAll(/'([A-Z][A-Z0-9_]+)'/g)].map((c) => c[1] ?? ''),
  );
}

// Names that look like codes but are not answered: Fastify's, Node's HTTP parser's and SQLite's own codes, variable
// names, the decode reasons a policy logs.
const NOT_ANSWERED =
  /^(FST_|ERR_|HPE_|SQLITE_|SALESBOOK_|EVENT_(NOT_DECODABLE|TYPE_UNKNOWN|VERSION_UNSUPPORTED|DATA_INVALID|DATA_NOT_JSON)$|COUNTER_AMOUNT_INVALID$)/;

function apiCodes(): string[] {
  const src = join(root, 'apps', 'api', 'src');
  const sources = filesUnder(src).filter(
    (file) => file.endsWith('.ts') && !/\.spec\.ts$|^(testing|i18n)[/\\]/.test(relative(src, file)),
  );
  return sources
    .flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)'/g)].map((m) => m[1] ?? ''),
    )
    .filter((code) => !NOT_ANSWERED.test(code));
}

function deciderCodes(): string[] {
  const domain = join(root, 'packages', 'domain', 'src');
  const files = [
    ...filesUnder(domain).filter((file) => /[/\\]errors\.ts$/.test(file)),
    join(domain, 'target', 'decide.ts'),
    join(domain, 'team', 'decide.ts'),
    join(domain, 'shared', 'access.ts'),
    join(domain, 'shared', 'money.ts'),
    join(root, 'packages', 'eventstore', 'src', 'errors.ts'),
  ];
  return files.flatMap(unionCodes);
}

it('has a Chinese message for every code the deciders, the stores and the API can answer with', () => {
  const codes = [...new Set([...deciderCodes(), ...apiCodes()])].sort();
  expect(codes.length).toBeGreaterThan(70);
  expect(codes).toContain('ROLE_NOT_ALLOWED');
  expect(codes).toContain('ORDER_DELIVERY_BEFORE_SHIPMENT');
  expect(codes).toEqual(
    expect.arrayContaining([
      'FORBIDDEN_SCOPE',
      'ACTOR_NOT_REGISTERED',
      'REP_NOT_REGISTERED',
      'TEAM_BOOTSTRAP_REQUIRED',
    ]),
  );
  expect(codes.filter((code) => !(code in ERROR_MESSAGES_ZH))).toEqual([]);
});

it('holds messages that parse as ICU message format and are Chinese', () => {
  for (const [code, message] of Object.entries(ERROR_MESSAGES_ZH)) {
    expect({
      code,
      parsed: new IntlMessageFormat(message, 'zh-CN').getAst().length > 0,
      han: /\p{Script=Han}/u.test(message),
    }).toEqual({ code, parsed: true, han: true });
  }
});
