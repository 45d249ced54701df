import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';

// The dependency rules (docs/architecture.md) must fail lint, not just be written down:
// each case lints a deliberate violation as if it were a file of that package.
const root = path.resolve(__dirname, '../..');

interface LintMessage {
  ruleId: string | null;
  message: string;
}

/** Lints every source in one ESLint process (each spawn loads the typed config anew: seconds of CPU apiece). */
const LINT_ALL = `
import { ESLint } from 'eslint';
let input = '';
for await (const chunk of process.stdin) input += chunk;
const eslint = new ESLint();
const reports = [];
for (const { file, source } of JSON.parse(input)) {
  const [report] = await eslint.lintText(source, { filePath: file });
  reports.push(report ? report.messages : []);
}
process.stdout.write(JSON.stringify(reports));
`;

function lintEach(files: ReadonlyArray<readonly [file: string, source: string]>): LintMessage[][] {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', LINT_ALL], {
    cwd: root,
    input: JSON.stringify(files.map(([file, source]) => ({ file, source }))),
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  if (run.status !== 0) throw new Error(`eslint failed (${String(run.status)}): ${run.stderr}`);
  const reports = JSON.parse(run.stdout) as LintMessage[][];
  if (reports.length !== files.length) throw new Error(`eslint answered ${reports.length} of ${files.length} sources`);
  return reports;
}

/** What lint says of each source of this file, linted once before the tests ({@link lintAs} looks it up). */
const linted = new Map<string, LintMessage[]>();
const caseKey = (file: string, source: string): string => `${file}\n${source}`;

function lintAs(file: string, source: string): LintMessage[] {
  const messages = linted.get(caseKey(file, source));
  if (messages === undefined) throw new Error(`${file} was not linted: add it to LINTED`);
  return messages;
}

const boundaryErrors = (messages: LintMessage[]): string[] =>
  messages
    .filter((m) => m.ruleId === '@nx/enforce-module-boundaries' || m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);

/** Imports each package must not make: each is linted as if it were a file of that package. */
const VIOLATIONS: ReadonlyArray<readonly [label: string, file: string, source: string]> = [
  [
    'the domain importing the event store',
    'packages/domain/src/violation.ts',
    "import { GENESIS_HASH } from '@salesbook/eventstore';\nexport const x = GENESIS_HASH;\n",
  ],
  [
    'the domain doing I/O',
    'packages/domain/src/violation.ts',
    "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
  ],
  [
    'the domain using a framework',
    'packages/domain/src/violation.ts',
    "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n",
  ],
  [
    'the event store knowing NestJS',
    'packages/eventstore/src/violation.ts',
    "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n",
  ],
  [
    'the event store port knowing SQLite',
    'packages/eventstore/src/violation.ts',
    "import Database from 'better-sqlite3';\nexport const x = Database;\n",
  ],
  [
    'the event store port knowing personal data',
    'packages/eventstore/src/violation.ts',
    "import { isSealed } from '@salesbook/personal-data';\nexport const x = isSealed;\n",
  ],
  [
    'the SQLite helpers knowing the event store',
    'packages/sqlite-support/src/violation.ts',
    "import { GENESIS_HASH } from '@salesbook/eventstore';\nexport const x = GENESIS_HASH;\n",
  ],
  [
    'the browser dashboard importing the SQLite projections',
    'apps/dashboard/src/violation.ts',
    "import { allProjections } from '@salesbook/projections';\nexport const x = allProjections;\n",
  ],
  [
    'the browser dashboard using Node built-ins',
    'apps/dashboard/src/violation.ts',
    "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
  ],
];

const ALLOWED_STORE = [
  'packages/eventstore/src/allowed.ts',
  "import { fold } from '@salesbook/domain';\nexport const x = fold;\n",
] as const;
const ALLOWED_SQLITE = [
  'packages/eventstore-sqlite/src/allowed.ts',
  "import { createFileSync } from '@salesbook/sqlite-support';\nexport const x = createFileSync;\n",
] as const;
const ALLOWED_DOMAIN = ['packages/domain/src/allowed.ts', "import { z } from 'zod';\nexport const x = z;\n"] as const;
const UNSEEDED = [
  'packages/domain/src/violation.spec.ts',
  "import fc from 'fast-check';\nfc.assert(fc.property(fc.nat(), () => true));\n",
] as const;
const SEEDED = [
  'packages/domain/src/allowed.spec.ts',
  "import fc from 'fast-check';\nfc.assert(fc.property(fc.nat(), () => true), { seed: 1 });\n",
] as const;
const TEST_MJS = ['test/faults/violation.mjs', 'const unused = 1;\n'] as const;
const LINTED = [
  ...VIOLATIONS.map(([, file, source]) => [file, source] as const),
  ALLOWED_STORE,
  ALLOWED_SQLITE,
  ALLOWED_DOMAIN,
  UNSEEDED,
  SEEDED,
  TEST_MJS,
];

beforeAll(() => {
  // The rule reads Nx's cached project graph and is skipped (with only a warning) without one.
  execFileSync(process.execPath, [path.join(root, 'node_modules/nx/dist/bin/nx.js'), 'show', 'projects'], {
    cwd: root,
    env: { ...process.env, NX_DAEMON: 'false' },
    stdio: 'ignore',
  });
  const reports = lintEach(LINTED);
  LINTED.forEach(([file, source], index) => linted.set(caseKey(file, source), reports[index] ?? []));
}, 120_000);

describe('module boundaries', () => {
  it.each(VIOLATIONS)('fails lint for %s', (_label, file, source) => {
    expect(boundaryErrors(lintAs(file, source)).length).toBeGreaterThan(0);
  });

  it('accepts the allowed direction (store -> domain, domain -> zod)', () => {
    const store = lintAs(...ALLOWED_STORE);
    const sqlite = lintAs(...ALLOWED_SQLITE);
    expect(boundaryErrors(sqlite)).toEqual([]);
    const domain = lintAs(...ALLOWED_DOMAIN);
    expect(boundaryErrors(store)).toEqual([]);
    expect(boundaryErrors(domain)).toEqual([]);
    // A cached project graph was found: the rule ran rather than being skipped.
    expect([...store, ...domain].map((m) => m.message).join('\n')).not.toMatch(/No cached ProjectGraph/);
  });
});

describe('house rules that lint enforces', () => {
  it('fails lint for a property test without a seed, and accepts a seeded one', () => {
    const rule = (messages: LintMessage[]): string[] =>
      messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
    const unseeded = lintAs(...UNSEEDED);
    const seeded = lintAs(...SEEDED);
    expect(rule(unseeded)).toEqual([expect.stringMatching(/^Seed every property test/)]);
    expect(rule(seeded)).toEqual([]);
  });

  it('lints the .mjs files that hold test logic (a test child process)', () => {
    const messages = lintAs(...TEST_MJS);
    expect(messages.map((m) => m.ruleId)).toContain('@typescript-eslint/no-unused-vars');
  });
});
