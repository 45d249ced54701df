import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// scripts/test-prerequisites.sh, run for real by bash. Installing a package or taking root for real cannot happen
// in a test, so `apt-get`, `id`, `sudo` and `fc-list` are small scripts on a PATH of their own (with the real grep)
// that record how they were called.
const script = path.resolve(__dirname, '../../scripts/test-prerequisites.sh');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'salesbook-prereq-'));
  symlinkSync(existsSync('/usr/bin/grep') ? '/usr/bin/grep' : '/bin/grep', path.join(dir, 'grep'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function tool(name: string, body: string): void {
  const file = path.join(dir, name);
  writeFileSync(file, `#!/bin/bash\n${body}\n`);
  chmodSync(file, 0o755);
}

const calls = (): string => (existsSync(path.join(dir, 'calls')) ? readFileSync(path.join(dir, 'calls'), 'utf8') : '');

/** Runs the script with every need met, or with the browser, the CJK font and PostgreSQL all missing. */
function run(met: boolean): { status: number | null; stderr: string } {
  const pgBin = path.join(dir, 'pg');
  if (met) {
    tool('fc-list', 'echo "/fonts/wqy-microhei.ttc: WenQuanYi Micro Hei"');
    mkdirSync(pgBin);
    writeFileSync(path.join(pgBin, 'initdb'), '#!/bin/sh\n');
    chmodSync(path.join(pgBin, 'initdb'), 0o755);
  }
  const env = { PATH: dir, CHROMIUM_PATH: met ? '/bin/sh' : path.join(dir, 'no-chromium'), SALESBOOK_PG_BIN: pgBin };
  const result = spawnSync('/bin/bash', [script], { env, encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr };
}

const missing = 'chromium fonts-wqy-microhei postgresql';

describe('scripts/test-prerequisites.sh', () => {
  it('does nothing when every need is met', () => {
    tool('apt-get', `echo "apt-get $*" >> ${dir}/calls`);
    expect(run(true)).toEqual({ status: 0, stderr: '' });
    expect(calls()).toBe('');
  });

  it('installs what is missing with apt-get as root', () => {
    tool('id', 'echo 0');
    tool('apt-get', `echo "apt-get $*" >> ${dir}/calls`);
    const result = run(false);
    expect(result.status).toBe(0);
    expect(calls()).toMatch(
      new RegExp(`^apt-get update -qq\napt-get install -y -qq --no-install-recommends ${missing}\n$`),
    );
  });

  it('uses sudo when it needs no password', () => {
    tool('id', 'echo 1000');
    tool(
      'sudo',
      `[ "$1" = -n ] || exit 1; shift; [ "$#" -eq 1 ] && [ "$1" = true ] && exit 0; echo "sudo $*" >> ${dir}/calls`,
    );
    tool('apt-get', 'exit 1');
    expect(run(false).status).toBe(0);
    expect(calls()).toContain(`sudo apt-get install -y -qq --no-install-recommends ${missing}`);
  });

  it('stops at once with the one command that fixes it when it cannot install', () => {
    tool('id', 'echo 1000');
    tool('sudo', 'exit 1');
    tool('apt-get', `echo "apt-get $*" >> ${dir}/calls`);
    const result = run(false);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`sudo apt-get install -y --no-install-recommends ${missing}`);
    expect(calls()).toBe('');
  });

  it('says what to do on a machine without apt', () => {
    tool('id', 'echo 1000');
    const result = run(false);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/no apt-get[\s\S]*CHROMIUM_PATH[\s\S]*CJK font[\s\S]*SALESBOOK_PG_BIN/);
  });
});
