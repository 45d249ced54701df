import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateMasterKey, parseMasterKey, resolveMasterKey } from './master-key.js';

describe('the master key', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'salesbook-master-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is read from SALESBOOK_MASTER_KEY: 32 bytes of base64, or one line naming the variable', () => {
    const value = generateMasterKey();
    expect(resolveMasterKey({ value, development: false, developmentKeyFile: path.join(dir, 'master.key') })).toEqual({
      key: Buffer.from(value, 'base64'),
      source: 'environment',
    });
    expect(() => parseMasterKey('c2hvcnQ=')).toThrow(
      'SALESBOOK_MASTER_KEY must be 32 random bytes in base64 (e.g. `openssl rand -base64 32`), got 5 bytes',
    );
    expect(() => parseMasterKey('not base64 at all!')).toThrow(/SALESBOOK_MASTER_KEY must be/);
  });

  it('is required outside development mode', () => {
    expect(() =>
      resolveMasterKey({ value: undefined, development: false, developmentKeyFile: path.join(dir, 'master.key') }),
    ).toThrow(/SALESBOOK_MASTER_KEY is required/);
  });

  it('is made once in development mode, kept beside the data (mode 0600), with a warning each start', () => {
    const file = path.join(dir, 'data', 'master.key');
    const warnings: string[] = [];
    const first = resolveMasterKey({
      value: '',
      development: true,
      developmentKeyFile: file,
      warn: (line) => warnings.push(line),
    });
    const second = resolveMasterKey({
      value: undefined,
      development: true,
      developmentKeyFile: file,
      warn: (line) => warnings.push(line),
    });
    expect(second).toEqual(first);
    expect(first).toMatchObject({ source: 'development-file' });
    expect(readFileSync(file, 'utf8').trim()).toBe(first.key.toString('base64'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(
      /development mode: the master key is in .*master\.key.*set SALESBOOK_MASTER_KEY in production/,
    );
  });
});
