import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// The API's OpenAPI document, built from the route table of the API's compiled modules (tsc's output, which the
// build then bundles into dist/), turned into TypeScript paths by openapi-typescript; a small program (client.ts)
// calls a report and a command through openapi-fetch and must type-check against them. A program reading a field the
// document does not have must not.
const ROOT = resolve(__dirname, '..', '..');
const HERE = __dirname;
const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);
const DOCUMENT_SCRIPT = `import('./apps/api/out-tsc/routes.js').then(async ({ ROUTES }) => {
  const { buildOpenApiDocument } = await import('./apps/api/out-tsc/http/openapi.js');
  process.stdout.write(JSON.stringify(buildOpenApiDocument(ROUTES, '0.0.0')));
});`;

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'salesbook-openapi-'));
  writeFileSync(join(work, 'openapi.json'), execFileSync(process.execPath, ['-e', DOCUMENT_SCRIPT], { cwd: ROOT }));
  execFileSync(bin('openapi-typescript'), [join(work, 'openapi.json'), '-o', join(HERE, 'schema.d.ts')], {
    cwd: ROOT,
    stdio: 'pipe',
  });
}, 60_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const typeCheck = (project: string) => spawnSync(bin('tsc'), ['-p', project], { cwd: ROOT, encoding: 'utf8' });

it('generates paths whose report answers carry their rows', () => {
  const schema = readFileSync(join(HERE, 'schema.d.ts'), 'utf8');
  expect(schema).toContain('"/reports/sales/daily"');
  expect(schema).toMatch(/month_to_date_attainment: number \| null/);
});

it('type-checks a program calling a report and a command through the generated client', () => {
  const result = typeCheck(join(HERE, 'tsconfig.json'));
  expect(result.stdout + result.stderr).toBe('');
  expect(result.status).toBe(0);
}, 60_000);

it('refuses a program reading a report field the document does not have', () => {
  // Beside the real one, so the program resolves openapi-fetch as it does; removed afterwards.
  const wrong = mkdtempSync(join(HERE, '.wrong-'));
  copyFileSync(join(HERE, 'schema.d.ts'), join(wrong, 'schema.d.ts'));
  const program = readFileSync(join(HERE, 'client.ts'), 'utf8').replace('figures.booked', 'figures.bookedTotal');
  writeFileSync(join(wrong, 'client.ts'), program);
  writeFileSync(
    join(wrong, 'tsconfig.json'),
    readFileSync(join(HERE, 'tsconfig.json'), 'utf8').replace(
      '../../tsconfig.base.json',
      '../../../tsconfig.base.json',
    ),
  );
  const result = typeCheck(join(wrong, 'tsconfig.json'));
  rmSync(wrong, { recursive: true, force: true });
  expect(result.status).not.toBe(0);
  expect(result.stdout).toContain("Property 'bookedTotal' does not exist");
}, 60_000);
