// Stylish's total on runs of more than a few files (issue 16; luacheck prints "Total: … in N files").
import { describe, expect, it } from 'vitest';
import stylish from '../../src/formatters/stylish.js';
import { runCli } from '../helpers/run-cli.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CWD, result, upperKey } from './results.js';

const clean = (n: number) => Array.from({ length: n }, (_, i) => result(`f${i}.lua`, []));

describe('stylish footer total', () => {
  it('a clean run of more than five files says so in one line', () => {
    expect(stylish(clean(6), { cwd: CWD, color: false, run: { files: 6, milliseconds: 1234 } })).toBe('\u2714 6 files linted in 1.23 s: no problems.\n');
  });

  it('five files or fewer: no total (a clean run prints nothing, as ESLint)', () => {
    expect(stylish(clean(5), { cwd: CWD, color: false, run: { files: 5, milliseconds: 10 } })).toBe('');
  });

  it('with problems: the count and time after the summary lines', () => {
    const results = [...clean(6), result('a.lua', [upperKey])];
    expect(stylish(results, { cwd: CWD, color: false, run: { files: 7, milliseconds: 50 } })).toBe(
      "\na.lua\n  3:40  error  Key 'Score' has upper-case letters.  lowercase-key\n\n\u2716 1 problem (1 error, 0 warnings)\n  7 files linted in 0.05 s.\n",
    );
  });

  it('from the CLI, and not with --quiet', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'patchlint-total-'));
    for (let i = 0; i < 6; i++) writeFileSync(path.join(dir, `${i}.lua`), `local x = ${i}\n`);
    expect(runCli([], { cwd: dir }).stdout).toMatch(/^\u2714 6 files linted in \d+\.\d\d s: no problems\.\n$/);
    expect(runCli(['--quiet'], { cwd: dir }).stdout).toBe('');
    expect(runCli(['-f', 'compact'], { cwd: dir }).stdout).toBe('');
  });
});
