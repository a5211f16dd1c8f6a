// Issue 18, item 16: a reader that closes the pipe early ends the run quietly; a write that
// fails (a full disk) is one line and exit 2, never a stack trace.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/run-cli.js';

const BIN = path.join(REPO_ROOT, 'bin/patchlint.js');
const sh = (script: string) => spawnSync('sh', ['-c', script], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', NODE: process.execPath, BIN } });

describe('standard output that fails', () => {
  it('`| head -c 10`: nothing on stderr (was an EPIPE stack trace)', () => {
    // A report far larger than the pipe buffer, so that the write meets the closed pipe; stderr is
    // kept in a file and printed after the pipeline.
    const run = sh('err=$(mktemp); "$NODE" "$BIN" -f json fixtures fixtures fixtures 2>"$err" | head -c 10 >/dev/null; cat "$err"; rm -f "$err"');
    expect(run.stdout).toBe('');
  });

  it.skipIf(!existsSync('/dev/full'))('> /dev/full: one line, exit 2 (no /dev/full here)', () => {
    const run = sh('"$NODE" "$BIN" fixtures/examples > /dev/full');
    expect(run.stderr).toBe('patchlint: Cannot write the report to standard output: no space left on the device\n');
    expect(run.status).toBe(2);
  });

  it.skipIf(!existsSync('/dev/full'))('-o /dev/full: one line, exit 2', () => {
    const run = sh('"$NODE" "$BIN" -o /dev/full fixtures/examples');
    expect(run.stderr).toBe('patchlint: Cannot write /dev/full: no space left on the device\n');
    expect(run.status).toBe(2);
  });
});
