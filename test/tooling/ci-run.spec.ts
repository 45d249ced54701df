import { readFileSync } from 'node:fs';
import path from 'node:path';

// CI runs what a newcomer runs: `.ci/run` calls the README's test command as it stands, and nothing else installs
// what the tests need (that is `npm test`'s own job, scripts/test-prerequisites.sh).
const root = path.resolve(__dirname, '../..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const ci = readFileSync(path.join(root, '.ci/run'), 'utf8');
const testScript =
  (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts[
    'test'
  ] ?? '';

describe('.ci/run and the README', () => {
  const command = /Run the whole test suite[^\n]*\n\n```sh\n([^\n]+)\n```/.exec(readme)?.[1];

  it('the README states one test command', () => {
    expect(command).toBe('npm ci && npm test');
  });

  it('.ci/run runs exactly that command and installs nothing itself', () => {
    const commands = ci.split('\n').filter((line) => line.includes('npm ') && !line.startsWith('#'));
    expect(commands).toEqual([`{ ${command ?? ''}; } 2>&1 | tee "$log"`]);
    expect(ci).not.toMatch(/apt-get|brew|dnf/);
  });

  it('npm test finds or installs its prerequisites before anything else', () => {
    expect(testScript.startsWith('bash scripts/test-prerequisites.sh && ')).toBe(true);
  });
});
