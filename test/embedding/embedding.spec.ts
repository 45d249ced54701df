import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// docs/embedding.md promises an embedder a working service in ~30 lines. This test takes the first
// TypeScript block of that page, type-checks it against the *built* package (dist, as npm would install
// it) and runs it as an ES module with Node: if the doc or the package's exports drift, it fails.
const root = path.resolve(__dirname, '../..');
const work = path.join(root, 'test/embedding/.work');
const dist = path.join(root, 'packages/domain/dist/index.js');

beforeAll(() => {
  if (!existsSync(dist)) throw new Error('packages/domain is not built: run `npm run build` first (npm test does)');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('docs/embedding.md', () => {
  it('compiles against the built package and prints what its comments say', () => {
    const doc = readFileSync(path.join(root, 'docs/embedding.md'), 'utf8');
    const example = /```ts\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(example?.split('\n').length).toBeLessThanOrEqual(36);
    writeFileSync(path.join(work, 'service.mts'), example ?? '');
    writeFileSync(
      path.join(work, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          outDir: 'out',
          types: ['node'],
          skipLibCheck: false,
        },
        files: ['service.mts'],
      }),
    );
    execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', work], {
      cwd: work,
      stdio: 'pipe',
    });
    const output = execFileSync(process.execPath, [path.join(work, 'out/service.mjs')], {
      cwd: work,
      encoding: 'utf8',
    });
    const [placed, repeated, invalid] = output.trim().split('\n');
    expect(placed).toBe('201 OrderPlaced');
    expect(repeated).toMatch(/^409 ORDER_ALREADY_PLACED: /);
    expect(invalid).toMatch(/^400 lines: /);
  }, 60_000);
});
