// The import structure of src/ and rules/ (docs/architecture.md): no circles, and every import
// points down the pipeline. A stage may import only the stages listed for it below.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/run-cli.js';

/** Each stage and the stages it may import (besides itself). */
const ALLOWED: Record<string, string[]> = {
  'src/shared': [],
  'src/lua': ['src/shared'],
  'src/model': ['src/shared', 'src/lua'],
  rules: ['src/shared', 'src/model'],
  'src/engine': ['src/shared', 'src/lua', 'src/model', 'rules'],
  'src/config': ['src/shared', 'rules'],
  'src/formatters': ['src/shared'],
  'src/node': ['src/shared', 'src/model', 'src/engine', 'src/config'],
  'src/lsp': ['src/shared', 'src/model', 'src/engine', 'src/config', 'src/node'],
  'src/paths': ['src/shared', 'src/lua', 'src/model', 'src/engine', 'src/node'],
  'src/verify': ['src/shared', 'src/lua', 'src/model'],
  'src/cli': ['src/shared', 'src/engine', 'src/config', 'src/formatters', 'src/node', 'src/lsp', 'src/paths', 'src/verify'],
  'src/index.ts': ['src/shared', 'src/model', 'rules', 'src/engine', 'src/config', 'src/formatters', 'src/node'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(REPO_ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return sourceFiles(rel);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [rel] : [];
  });
}

/** The repository files a file imports (static, re-exports and dynamic import() of relative paths). */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(REPO_ROOT, file), 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"`;]*?from\s*'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)|^import\s+'(\.[^']+)'/gm)) {
    const spec = m[1] ?? m[2] ?? m[3]!;
    out.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)).replace(/\.js$/, '.ts'));
  }
  return out;
}

function stageOf(file: string): string {
  if (file === 'src/index.ts') return file;
  if (file.startsWith('rules/')) return 'rules';
  return file.split('/').slice(0, 2).join('/');
}

const files = [...sourceFiles('src'), ...sourceFiles('rules')];
const graph = new Map(files.map((f) => [f, importsOf(f)]));

describe('the import structure', () => {
  it('knows every stage folder', () => {
    expect([...new Set(files.map(stageOf))].sort()).toEqual(Object.keys(ALLOWED).sort());
  });

  it('imports only files that exist', () => {
    const missing = [...graph].flatMap(([from, to]) => to.filter((t) => !graph.has(t)).map((t) => `${from} → ${t}`));
    expect(missing).toEqual([]);
  });

  it('has every import point down the pipeline', () => {
    const wrong = [...graph].flatMap(([from, to]) =>
      to.filter((t) => stageOf(t) !== stageOf(from) && !ALLOWED[stageOf(from)]!.includes(stageOf(t))).map((t) => `${from} → ${t}`));
    expect(wrong).toEqual([]);
  });

  it('has no circles', () => {
    // Depth-first search; a file met again while still on the path closes a circle.
    const state = new Map<string, 'open' | 'done'>();
    const circles: string[] = [];
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        circles.push([...trail.slice(trail.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(circles).toEqual([]);
  });
});

describe('the import reader', () => {
  it('sees static, type-only, re-exported and dynamic imports', () => {
    expect(importsOf('src/engine/lint-file.ts')).toEqual(expect.arrayContaining(['rules/index.ts', 'rules/kit.ts', 'src/lua/parse.ts', 'src/model/index.ts']));
    expect(importsOf('src/model/index.ts')).toContain('src/model/types.ts');
    expect(importsOf('src/cli/main.ts')).toEqual(expect.arrayContaining(['src/lsp/server.ts', 'src/cli/args-yargs.ts']));
    expect([...graph.values()].flat().length).toBeGreaterThan(150);
  });
});
