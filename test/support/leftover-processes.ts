import { readdirSync, readFileSync, rmSync } from 'node:fs';

// Jest's global teardown for the cross-package tests: no process a test started may outlive the run. A leftover one
// that still holds an inherited output pipe keeps the task runner waiting for that pipe to close, and so keeps CI
// waiting long after the last test passed. Whatever is left is named on stderr (so the spec that leaked it can be
// fixed) and ended. The run's shared folder (global-setup.ts) goes too.

interface ProcessInfo {
  readonly pid: number;
  /** `Z` for a zombie: ended, waiting for its parent to read its status; nothing to end. */
  readonly state: string;
  readonly ppid: number;
  readonly session: number;
  /** Clock ticks after boot. */
  readonly startedAt: number;
}

/** `/proc/<pid>/stat` read past the command name (which may hold spaces and parentheses); undefined once gone. */
function info(pid: number | 'self'): ProcessInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the name: state, ppid, pgrp, session, tty, tpgid, flags, 4 fault counts, 4 times, priority, nice,
    // threads, itrealvalue, starttime.
    return {
      pid: Number(stat.slice(0, stat.indexOf(' '))),
      state: fields[0] ?? '',
      ppid: Number(fields[1]),
      session: Number(fields[3]),
      startedAt: Number(fields[19]),
    };
  } catch {
    return undefined;
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim().slice(0, 300);
  } catch {
    return '?';
  }
}

function descendsFrom(other: ProcessInfo, ancestor: number): boolean {
  for (let current: ProcessInfo | undefined = other; current !== undefined && current.ppid > 1;) {
    if (current.ppid === ancestor) return true;
    current = info(current.ppid);
  }
  return false;
}

/**
 * The processes started after this one in its session that descend from it or were left to init (parent 1), other
 * than Jest's own workers: what the tests started and left behind. Other jobs of the same terminal have their shell
 * as parent and are not touched.
 */
export function leftoverProcesses(): { pid: number; command: string }[] {
  const self = info('self');
  if (self === undefined) return []; // no /proc: not Linux, nothing to look at
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => info(Number(name)))
    .filter((other): other is ProcessInfo => other !== undefined && other.state !== 'Z')
    .filter((other) => other.pid !== self.pid && other.session === self.session && other.startedAt >= self.startedAt)
    .filter((other) => other.ppid === 1 || descendsFrom(other, self.pid))
    .map((other) => ({ pid: other.pid, command: commandLine(other.pid) }))
    .filter((other) => !/jest-worker|processChild\.js/.test(other.command));
}

export default function endLeftovers(): void {
  const leftovers = leftoverProcesses();
  for (const { pid, command } of leftovers) {
    process.stderr.write(`test teardown: a test left process ${pid} running; ending it: ${command}\n`);
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  // Named as global-setup.ts names it (a relative import is not resolved here: Jest loads its global hooks without
  // the specs' module mapping).
  const folder = process.env['SALESBOOK_TEST_RUN_FOLDER'];
  if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
}
