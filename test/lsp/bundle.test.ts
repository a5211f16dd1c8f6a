// The language server is a lazy chunk: `patchlint` without --lsp never loads it (start-up time).
// Reads the built dist/ (`npm test` builds first).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const DIST = new URL('../../dist/', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, DIST), 'utf8');

/** Files under dist/ that `file` imports statically (`import ... from "./x"` and `import "./x"`). */
function staticImports(file: string): string[] {
  const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
  return [...read(file).matchAll(/^import\s(?:[^;]*?from\s*)?"(\.[^"]+)"/gm)].map((m) => new URL(m[1]!, new URL(dir, DIST)).href.slice(DIST.href.length));
}

/** Everything Node loads for `patchlint` before any dynamic import(). */
function loadedAtStartup(): string[] {
  const seen = new Set(['cli.js']);
  const queue = ['cli.js'];
  while (queue.length > 0) for (const next of staticImports(queue.pop()!)) if (!seen.has(next)) (seen.add(next), queue.push(next));
  return [...seen];
}

describe('the built CLI', () => {
  it('imports the server chunk only dynamically', () => {
    expect(read('cli.js')).toMatch(/import\("\.\/chunks\/server-[A-Z0-9]+\.js"\)/);
    const files = loadedAtStartup();
    expect(files.length).toBeGreaterThan(1);
    expect(files.filter((f) => f.includes('server-'))).toEqual([]);
  });

  it('does not load vscode-languageserver at start-up', () => {
    for (const file of loadedAtStartup()) expect(read(file), file).not.toContain('createConnection');
    const server = /import\("\.\/(chunks\/server-[A-Z0-9]+\.js)"\)/.exec(read('cli.js'))![1]!;
    expect(read(server)).toContain('createConnection');
  });
});
