import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// scripts/test-prerequisites.sh, run for real by bash. Installing a package or taking root for real cannot happen
// in a test, so `apt-get`, `id` and `sudo` are small scripts on a PATH of their own that record how they were called.
const script = path.resolve(__dirname, '../../scripts/test-prerequisites.sh');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'salesbook-prereq-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function tool(name: string, body: string): void {
  const file = path.join(dir, name);
  writeFileSync(file, `#!/bin/bash\n${body}\n`);
  chmodSync(file, 0o755);
}

const calls = (): string => (existsSync(path.join(dir, 'calls')) ? readFileSync(path.join(dir, 'calls'), 'utf8') : '');

function run(chromium: string): { status: number | null; stderr: string } {
  const result = spawnSync('/bin/bash', [script], { env: { PATH: dir, CHROMIUM_PATH: chromium }, encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr };
}

describe('scripts/test-prerequisites.sh', () => {
  it('does nothing when every need is met', () => {
    tool('apt-get', `echo "apt-get $*" >> ${dir}/calls`);
    expect(run('/bin/sh')).toEqual({ status: 0, stderr: '' });
    expect(calls()).toBe('');
  });

  it('installs a missing browser with apt-get as root', () => {
    tool('id', 'echo 0');
    tool('apt-get', `echo "apt-get $*" >> ${dir}/calls`);
    const result = run(path.join(dir, 'no-chromium'));
    expect(result.status).toBe(0);
    expect(calls()).toMatch(/^apt-get update -qq\napt-get install -y -qq --no-install-recommends chromium\n$/);
  });

  it('uses sudo when it needs no password', () => {
    tool('id', 'echo 1000');
    tool('sudo', `[ "$1" = -n ] || exit 1; shift; [ "$#" -eq 1 ] && [ "$1" = true ] && exit 0; echo "sudo $*" >> ${dir}/calls`);
    tool('apt-get', 'exit 1');
    expect(run(path.join(dir, 'no-chromium')).status).toBe(0);
    expect(calls()).toContain('sudo apt-get install -y -qq --no-install-recommends chromium');
  });

  it('stops at once with the one command that fixes it when it cannot install', () => {
    tool('id', 'echo 1000');
    tool('sudo', 'exit 1');
    tool('apt-get', `echo "apt-get $*" >> ${dir}/calls`);
    const result = run(path.join(dir, 'no-chromium'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('sudo apt-get install -y --no-install-recommends chromium');
    expect(calls()).toBe('');
  });

  it('says what to do on a machine without apt', () => {
    tool('id', 'echo 1000');
    const result = run(path.join(dir, 'no-chromium'));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/no apt-get[\s\S]*CHROMIUM_PATH/);
  });
});
