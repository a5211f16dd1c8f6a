// End to end with a real editor: Neovim 0.7 (Debian's) starts `patchlint --lsp`, opens a
// fixture, and reports what it received. Neovim converts our UTF-16 positions to byte
// columns itself, so the emoji and CJK text before the problems checks the encoding.
// Runs the built server (bin/patchlint.js → dist/): `npm test` builds first; alone, run `node scripts/build.js` before.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintText } from '../../src/index.js';
import { ruleById } from '../../rules/index.js';
import { BIN } from './client.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURE = path.join(here, 'fixtures/game.lua');
const hasNvim = spawnSync('nvim', ['--version'], { stdio: 'ignore' }).status === 0;
// Rule links point at the pages shipped beside the code (docs/ is in the package): they open offline.
const DOCS = new URL('../../docs/rules/', import.meta.url).href;

function runNvim(env: Record<string, string>): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn('nvim', ['--headless', '--clean', '-c', `luafile ${path.join(here, 'nvim-client.lua')}`], {
      env: { ...process.env, ...env }, stdio: 'ignore',
    });
    const timer = setTimeout(() => child.kill(), 25_000);
    child.on('error', reject);
    child.on('exit', (code) => (clearTimeout(timer), resolve(code)));
  });
}

describe.skipIf(!hasNvim)(hasNvim ? 'Neovim 0.7 end to end' : 'Neovim end to end (skipped: nvim is not installed; .ci/run installs it)', () => {
  let dir: string;
  let seen: any;
  const source = readFileSync(FIXTURE, 'utf8');
  const line = source.split('\n')[2]!;
  /** The byte column (what Neovim reports) of a piece of the fixture's third line. */
  const byteCol = (piece: string) => Buffer.byteLength(line.slice(0, line.indexOf(piece)));

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'patchlint-nvim-'));
    const file = path.join(dir, 'game.lua');
    copyFileSync(FIXTURE, file);
    const out = path.join(dir, 'out.json');
    const code = await runNvim({
      PATCHLINT_NODE: process.execPath, PATCHLINT_BIN: BIN, PATCHLINT_FIXTURE: file, PATCHLINT_OUT: out,
      XDG_CONFIG_HOME: dir, XDG_DATA_HOME: dir, XDG_STATE_HOME: dir, XDG_CACHE_HOME: dir,
    });
    expect(code).toBe(0);
    seen = JSON.parse(readFileSync(out, 'utf8'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('receives the exact diagnostics, at the right byte columns after emoji and CJK text', () => {
    expect(seen.error).toBeUndefined();
    const diagnostics = [...seen.diagnostics].sort((a, b) => a.col - b.col);
    // The one-line message, then the rule's why as a second paragraph.
    const messages = lintText(source).messages.map((m) => `${m.message}\n\n${ruleById.get(m.ruleId!)!.meta.why}`);
    expect(diagnostics).toEqual([
      { lnum: 2, col: byteCol("'Patch@1.0'"), end_lnum: 2, end_col: byteCol("'Patch@1.0'") + 11, severity: 1, source: 'patchlint', message: messages[0], code: 'device-name', href: `${DOCS}device-name.md` },
      { lnum: 2, col: byteCol('Score'), end_lnum: 2, end_col: byteCol('Score') + 5, severity: 1, source: 'patchlint', message: messages[1], code: 'lowercase-key', href: `${DOCS}lowercase-key.md` },
      { lnum: 2, col: byteCol('items'), end_lnum: 2, end_col: byteCol('items') + 5, severity: 2, source: 'patchlint', message: messages[2], code: 'serialize-complex-value', href: `${DOCS}serialize-complex-value.md` },
    ]);
    // The byte columns differ from the UTF-16 ones: the encoding really was converted.
    expect(byteCol('Score')).toBe(line.indexOf('Score') + 6);
  });

  it('applies the preferred code action (the lowercase-key fix) to the buffer', () => {
    // Neovim 0.7 sends the line's diagnostics back with byte columns; the server still finds them.
    expect(seen.titles).toEqual([
      'Fix this device-name problem',
      'Fix this lowercase-key problem',
      lintText(source).messages[2]!.suggestions![0]!.desc,
      'Disable device-name for this line',
      'Disable lowercase-key for this line',
      'Disable serialize-complex-value for this line',
    ]);
    expect(seen.lines).toEqual(source.replace('Score', 'score').split('\n').slice(0, -1));
  });
});
