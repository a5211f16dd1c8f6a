// The one-script build (dist/chunks/cli.cjs, started from its code cache by bin/patchlint.js) bundles
// everything, so its lazy parts are lazy only because esbuild wraps each lazily imported module
// in a function that runs on first use. This checks, with V8's own coverage of a real
// pre-commit run (one file, default options), that the parts a lint does not need never ran,
// and that the lint's own code did (so the check cannot pass on an empty report).
// Reads the built dist/ (`npm test` builds first).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/run-cli.js';

interface FunctionCoverage { functionName: string; ranges: { startOffset: number; endOffset: number; count: number }[] }
interface ScriptCoverage { url: string; functions: FunctionCoverage[] }

const CJS_BUILD = path.join(REPO_ROOT, 'dist/chunks/cli.cjs');
let coverageDir: string;
/** Bundle section (esbuild's `// node_modules/<package>/...` and `// src/...` comments) → functions that ran in it. */
let ranBySection: Map<string, string[]>;

/** Start offset and name of each section of the bundle, in order. */
function sections(source: string): { start: number; name: string }[] {
  const found: { start: number; name: string }[] = [];
  for (const m of source.matchAll(/^\/\/ ((?:node_modules\/(?:@[^/\n]+\/)?[^/\n]+)|src\/[^\n]+|rules\/[^\n]+)[^\n]*$/gm)) found.push({ start: m.index!, name: m[1]! });
  return found;
}

beforeAll(() => {
  coverageDir = mkdtempSync(path.join(tmpdir(), 'patchlint-cjs-coverage-'));
  const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/patchlint.js'), 'fixtures/examples/token.lua'], {
    cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, NODE_V8_COVERAGE: coverageDir, PATCHLINT_WORKERS: undefined },
  });
  expect(run.stderr).toBe('');
  const scripts = readdirSync(coverageDir).flatMap((f) => (JSON.parse(readFileSync(path.join(coverageDir, f), 'utf8')) as { result: ScriptCoverage[] }).result);
  const bundle = scripts.find((s) => s.url === CJS_BUILD || s.url === pathToFileURL(CJS_BUILD).href);
  expect(bundle, 'the run used dist/chunks/cli.cjs').toBeDefined();
  const marks = sections(readFileSync(CJS_BUILD, 'latin1'));
  ranBySection = new Map();
  for (const fn of bundle!.functions) {
    const own = fn.ranges[0]!;
    if (own.count === 0) continue;
    let section = '(bundle top)';
    for (const mark of marks) if (mark.start <= own.startOffset) section = mark.name; else break;
    ranBySection.set(section, [...(ranBySection.get(section) ?? []), fn.functionName || '(anonymous)']);
  }
});
afterAll(() => rmSync(coverageDir, { recursive: true, force: true }));

const ran = (prefix: string) => [...ranBySection].filter(([section]) => section.startsWith(prefix)).flatMap(([section, fns]) => fns.map((fn) => `${section}: ${fn}`));

describe('dist/chunks/cli.cjs on one file', () => {
  it('runs the parser, the model, the rules and the stylish formatter', () => {
    for (const part of ['node_modules/luaparse', 'src/model/walk/walker.ts', 'rules/lowercase-key.ts', 'src/formatters/stylish.ts']) expect(ran(part), part).not.toEqual([]);
  });

  it.each([
    ['yargs (help, version, errors)', 'node_modules/yargs'],
    ['the language server', 'node_modules/vscode-'],
    ['the language server', 'src/lsp/'],
    ['fast-glob (folders and globs only)', 'node_modules/fast-glob'],
    ['fast-glob (folders and globs only)', 'node_modules/picomatch'],
    ['the worker pool', 'src/node/workers/'],
    ['the cache', 'src/node/cache.ts'],
    ['the other formatters', 'src/formatters/sarif.ts'],
  ])('never runs %s (%s)', (_what, prefix) => {
    expect(ran(prefix)).toEqual([]);
  });
});
