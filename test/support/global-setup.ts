import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The folder this Jest run's spec files share (its global setup makes it; its global teardown removes it). */
export const RUN_FOLDER = 'SALESBOOK_TEST_RUN_FOLDER';

/**
 * Jest's global setup for the cross-package tests: a temporary folder for what this run's spec files share (the
 * browser specs' seeded demo data), named in the environment the workers Jest starts next inherit. Always a new one,
 * so a Jest run that a test starts has its own, and two runs on one machine never share one.
 */
export default function globalSetup(): void {
  process.env[RUN_FOLDER] = mkdtempSync(join(tmpdir(), 'salesbook-test-run-'));
}
