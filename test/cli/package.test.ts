// Issue 16 (first run): the published package installs nothing. Every library is bundled into
// dist/ (scripts/build.js), so package.json declares no runtime dependency and the bundle
// loads nothing but Node's built-in modules: an offline pre-commit install has nothing to fetch.
import { builtinModules } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/run-cli.js';

const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;

describe('the published package', () => {
  it('declares no runtime, optional or peer dependency', () => {
    expect([pkg.dependencies, pkg.optionalDependencies, pkg.peerDependencies]).toEqual([undefined, undefined, undefined]);
  });

  it('its bundle and launcher load only Node built-ins', () => {
    const files = [
      ...readdirSync(path.join(REPO_ROOT, 'dist')).filter((f) => f.endsWith('.js')).map((f) => path.join('dist', f)),
      ...readdirSync(path.join(REPO_ROOT, 'dist/chunks')).filter((f) => /\.c?js$/.test(f)).map((f) => path.join('dist/chunks', f)),
      'bin/patchlint.js',
    ];
    const loaded = new Set<string>();
    for (const file of files) {
      const text = readFileSync(path.join(REPO_ROOT, file), 'utf8');
      for (const m of text.matchAll(/\brequire\("([\w@/.:-]+)"\)|\bfrom\s*"([\w@/.:-]+)"|\bimport\("([\w@/.:-]+)"\)/g)) loaded.add(m[1] ?? m[2] ?? m[3]!);
    }
    const builtins = new Set(builtinModules);
    const external = [...loaded].filter((name) => !name.startsWith('.') && !name.startsWith('node:') && !builtins.has(name));
    expect(external).toEqual([]);
  });
});
