import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

// The repository's docs stand alone: no file sends a reader to a document outside the repository, and every
// relative link in a Markdown file reaches a file that exists inside it.
const root = path.resolve(__dirname, '../..');
const tracked = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
  cwd: root,
  encoding: 'utf8',
})
  .split('\0')
  .filter((file) => /\.(ts|mjs|cjs|js|md|json)$/.test(file) && !file.endsWith('package-lock.json'));
// Tracked files the work tree no longer has (deleted, not yet committed) are not the repository's docs.
const files = tracked.filter((file) => existsSync(path.join(root, file)));
const read = (file: string): string => readFileSync(path.join(root, file), 'utf8');

// The first wave's specification lived beside the repository; its rules are written into docs/ now.
const OUTSIDE = /DESIGN(\.md| section)|\/work\/shared|shared project notes/;
const THIS_FILE = 'test/lint/docs.spec.ts';

describe('docs that stand alone', () => {
  it('no file refers to the specification that lives outside the repository', () => {
    const hits = files
      .filter((file) => file !== THIS_FILE)
      .flatMap((file) =>
        read(file)
          .split('\n')
          .flatMap((line, index) => (OUTSIDE.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : [])),
      );
    expect(hits).toEqual([]);
  });

  it('every relative Markdown link reaches a file inside the repository', () => {
    const broken = files
      .filter((file) => file.endsWith('.md'))
      .flatMap((file) =>
        [...read(file).matchAll(/\]\(([^)\s#]+)(?:#[^)\s]*)?\)/g)].flatMap(([, target = '']) => {
          if (/^[a-z]+:/i.test(target)) return [];
          const resolved = path.resolve(root, path.dirname(file), target);
          const inside = resolved === root || resolved.startsWith(`${root}${path.sep}`);
          return inside && existsSync(resolved) ? [] : [`${file}: ${target}`];
        }),
      );
    expect(broken).toEqual([]);
  });

  it('finds what it looks for (the checks above are not vacuous)', () => {
    expect(files).toContain('docs/architecture.md');
    expect(OUTSIDE.test('see DESIGN.md section 5')).toBe(true);
    expect(files.filter((file) => file.endsWith('.md')).length).toBeGreaterThan(10);
  });
});
