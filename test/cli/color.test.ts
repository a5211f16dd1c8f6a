// When the report has colours (issue 16): the flag, FORCE_COLOR, NO_COLOR, then the destination.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useColor } from '../../src/cli/color.js';
import { REPO_ROOT } from '../helpers/run-cli.js';

const BIN = path.join(REPO_ROOT, 'bin/patchlint.js');
const HAS_SCRIPT = spawnSync('script', ['--version']).status === 0;
const ESC = '\u001b[';

describe('useColor', () => {
  it('puts the flag first, then FORCE_COLOR, then NO_COLOR, then the destination', () => {
    expect(useColor(false, { FORCE_COLOR: '1' }, 'stdout', true)).toBe(false);
    expect(useColor(true, { NO_COLOR: '1' }, 'file', false)).toBe(true);
    for (const off of ['0', 'false', 'FALSE']) expect(useColor(undefined, { FORCE_COLOR: off }, 'stdout', true)).toBe(false);
    for (const on of ['', '1', '2', '3', 'true']) expect(useColor(undefined, { FORCE_COLOR: on }, 'stdout', false)).toBe(true);
    expect(useColor(undefined, { NO_COLOR: '1' }, 'stdout', true)).toBe(false);
    expect(useColor(undefined, { NO_COLOR: '' }, 'stdout', true)).toBe(true);
    expect(useColor(undefined, {}, 'file', true)).toBe(false);
    expect(useColor(undefined, { TERM: 'dumb' }, 'stdout', true)).toBe(false);
    expect(useColor(undefined, {}, 'stdout', false)).toBe(false);
    expect(useColor(undefined, { CI: 'true', GITHUB_ACTIONS: 'true' }, 'stdout', false)).toBe(true);
    expect(useColor(undefined, { CI: 'true' }, 'stdout', false)).toBe(false);
  });
});

describe.skipIf(!HAS_SCRIPT)('colours from a terminal (util-linux script gives the CLI a terminal)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'patchlint-color-'));
  writeFileSync(path.join(dir, 'a.lua'), "Send({ device = 'patch@1.0', cache = { Total = 1 } })\n");
  const inTerminal = (env: Record<string, string>, args: string) => {
    const clean: Record<string, string | undefined> = { ...process.env, TERM: 'xterm', ...env };
    if (!('FORCE_COLOR' in env)) delete clean.FORCE_COLOR;
    if (!('NO_COLOR' in env)) delete clean.NO_COLOR;
    delete clean.CI;
    return spawnSync('script', ['-qec', `"${process.execPath}" "${BIN}" ${args}`, '/dev/null'], { cwd: dir, encoding: 'utf8', env: clean }).stdout;
  };

  it('colours the terminal report, and FORCE_COLOR=0 turns them off', () => {
    expect(inTerminal({}, 'a.lua')).toContain(ESC);
    const plain = inTerminal({ FORCE_COLOR: '0' }, 'a.lua');
    expect(plain).toContain('lowercase-key');
    expect(plain).not.toContain(ESC);
  });

  it('writes no colour codes into a file given with -o, even from a terminal', () => {
    inTerminal({}, '-o report.txt a.lua');
    const report = readFileSync(path.join(dir, 'report.txt'), 'utf8');
    expect(report).toContain('lowercase-key');
    expect(report).not.toContain(ESC);
  });
});
