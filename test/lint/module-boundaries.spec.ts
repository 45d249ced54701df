import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';

// The dependency rules (docs/architecture.md) must fail lint, not just be written down:
// each case lints a deliberate violation as if it were a file of that package.
const root = path.resolve(__dirname, '../..');
const eslintBin = path.join(root, 'node_modules/eslint/bin/eslint.js');

interface LintMessage {
  ruleId: string | null;
  message: string;
}

function lintAs(file: string, source: string): LintMessage[] {
  const run = spawnSync(process.execPath, [eslintBin, '--format', 'json', '--stdin', '--stdin-filename', file], {
    cwd: root,
    input: source,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  const [report] = JSON.parse(run.stdout) as Array<{ messages: LintMessage[] }>;
  return report?.messages ?? [];
}

const boundaryErrors = (messages: LintMessage[]): string[] =>
  messages
    .filter((m) => m.ruleId === '@nx/enforce-module-boundaries' || m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);

beforeAll(() => {
  // The rule reads Nx's cached project graph and is skipped (with only a warning) without one.
  execFileSync(process.execPath, [path.join(root, 'node_modules/nx/dist/bin/nx.js'), 'show', 'projects'], {
    cwd: root,
    env: { ...process.env, NX_DAEMON: 'false' },
    stdio: 'ignore',
  });
}, 60_000);

describe('module boundaries', () => {
  it.each([
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
  ])(
    'fails lint for %s',
    (_label, file, source) => {
      expect(boundaryErrors(lintAs(file, source)).length).toBeGreaterThan(0);
    },
    60_000,
  );

  it('accepts the allowed direction (store -> domain, domain -> zod)', () => {
    const store = lintAs(
      'packages/eventstore/src/allowed.ts',
      "import { fold } from '@salesbook/domain';\nexport const x = fold;\n",
    );
    const sqlite = lintAs(
      'packages/eventstore-sqlite/src/allowed.ts',
      "import { createFileSync } from '@salesbook/sqlite-support';\nexport const x = createFileSync;\n",
    );
    expect(boundaryErrors(sqlite)).toEqual([]);
    const domain = lintAs('packages/domain/src/allowed.ts', "import { z } from 'zod';\nexport const x = z;\n");
    expect(boundaryErrors(store)).toEqual([]);
    expect(boundaryErrors(domain)).toEqual([]);
    // A cached project graph was found: the rule ran rather than being skipped.
    expect([...store, ...domain].map((m) => m.message).join('\n')).not.toMatch(/No cached ProjectGraph/);
  }, 60_000);
});

describe('house rules that lint enforces', () => {
  it('fails lint for a property test without a seed, and accepts a seeded one', () => {
    const rule = (messages: LintMessage[]): string[] =>
      messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
    const unseeded = lintAs(
      'packages/domain/src/violation.spec.ts',
      "import fc from 'fast-check';\nfc.assert(fc.property(fc.nat(), () => true));\n",
    );
    const seeded = lintAs(
      'packages/domain/src/allowed.spec.ts',
      "import fc from 'fast-check';\nfc.assert(fc.property(fc.nat(), () => true), { seed: 1 });\n",
    );
    expect(rule(unseeded)).toEqual([expect.stringMatching(/^Seed every property test/)]);
    expect(rule(seeded)).toEqual([]);
  }, 60_000);

  it('lints the .mjs files that hold test logic (a test child process)', () => {
    const messages = lintAs('test/faults/violation.mjs', 'const unused = 1;\n');
    expect(messages.map((m) => m.ruleId)).toContain('@typescript-eslint/no-unused-vars');
  }, 60_000);
});
