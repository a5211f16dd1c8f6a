// Issue 16 (first run): the published package installs nothing. Every library is bundled into
// dist/ (scripts/build.js), so package.json declares no runtime dependency and the bundle
// loads nothing but Node's built-in modules: an offline pre-commit install has nothing to fetch.
import { spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

  it('its packed tarball installs offline from an empty npm cache, alone, and runs', () => {
    const work = mkdtempSync(path.join(tmpdir(), 'patchlint-pack-'));
    const npm = (args: string[], cwd: string) => spawnSync('npm', [...args, '--cache', path.join(work, 'empty-cache'), '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8' });
    // dist/ is built by `npm test`; --ignore-scripts keeps `prepare` from building it again.
    const pack = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work], REPO_ROOT);
    expect(pack.status).toBe(0);
    const [{ filename, files }] = JSON.parse(pack.stdout) as [{ filename: string; files: { path: string }[] }];
    const paths = files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['LICENSE', 'CHANGELOG.md', 'README.md', 'bin/patchlint.js', 'dist/cli.js', 'docs/rules/lowercase-key.md', 'schema/patchlint.schema.json']));
    expect(paths.filter((p) => p.startsWith('src/') || p.startsWith('test/') || p.startsWith('node_modules/'))).toEqual([]);
    const app = path.join(work, 'app');
    spawnSync('mkdir', [app]);
    writeFileSync(path.join(app, 'package.json'), '{ "name": "app", "private": true }\n');
    const install = npm(['install', '--offline', path.join(work, filename)], app);
    expect(install.stderr).toBe('');
    expect(install.status).toBe(0);
    expect(readdirSync(path.join(app, 'node_modules')).filter((n) => n !== '.package-lock.json')).toEqual(['.bin', 'patchlint']);
    writeFileSync(path.join(app, 'a.lua'), "Send({ device = 'patch@1.0', cache = { Total = 1 } })\n");
    const run = spawnSync(process.execPath, [path.join(app, 'node_modules/patchlint/bin/patchlint.js'), '-f', 'compact', 'a.lua'], { cwd: app, encoding: 'utf8' });
    expect(run.stdout).toContain('a.lua:1:40: error');
    expect(run.status).toBe(1);
  }, 60_000);
});
