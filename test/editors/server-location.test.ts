// Which patchlint the VS Code extension runs (editors/vscode/src/server-location.ts): the
// setting, the workspace's own, the bundled copy; only the bundled one in an untrusted workspace.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeLocation, locateServer, type LocateOptions } from '../../editors/vscode/src/server-location.js';

function fakePackage(root: string, version: string): string {
  mkdirSync(path.join(root, 'bin'), { recursive: true });
  writeFileSync(path.join(root, 'bin/patchlint.js'), '');
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'patchlint', version }));
  return root;
}

const base = mkdtempSync(path.join(tmpdir(), 'patchlint-locate-'));
const extensionPath = path.join(base, 'extension');
const bundled = fakePackage(path.join(extensionPath, 'server/patchlint'), '0.1.0');
const workspace = path.join(base, 'game');
const own = fakePackage(path.join(workspace, 'node_modules/patchlint'), '0.2.0');
const bare = path.join(base, 'bare');
mkdirSync(bare);
const options = (more: Partial<LocateOptions>): LocateOptions => ({ settingPath: null, useBundled: false, trusted: true, workspaceFolders: [workspace], extensionPath, ...more });

describe('locateServer', () => {
  it("uses the workspace's patchlint, as vscode-eslint uses the workspace's ESLint", () => {
    const located = locateServer(options({}));
    expect(located).toEqual({ location: { bin: path.join(own, 'bin/patchlint.js'), root: own, version: '0.2.0', source: 'workspace' }, notes: [] });
    if ('location' in located) expect(describeLocation(located.location)).toBe(`Using the workspace's patchlint 0.2.0 (${own}).`);
  });

  it('finds it from a folder below the one that holds node_modules, as Node resolves it', () => {
    const nested = path.join(workspace, 'process');
    mkdirSync(nested, { recursive: true });
    expect(locateServer(options({ workspaceFolders: [bare, nested] }))).toMatchObject({ location: { root: own, source: 'workspace' } });
  });

  it('falls back to the bundled copy, and says so', () => {
    const located = locateServer(options({ workspaceFolders: [bare] }));
    expect(located).toMatchObject({ location: { root: bundled, source: 'bundled', version: '0.1.0' } });
    if ('location' in located) expect(describeLocation(located.location)).toBe(`Using patchlint 0.1.0 bundled with the extension (${bundled}).`);
    expect(locateServer(options({ useBundled: true }))).toMatchObject({ location: { source: 'bundled' } });
  });

  it('untrusted workspace: only the bundled copy, whatever the setting says', () => {
    expect(locateServer(options({ trusted: false, settingPath: own }))).toEqual({
      location: expect.objectContaining({ source: 'bundled' }),
      notes: ["The workspace is not trusted: using the bundled patchlint (the workspace's own, patchlint.path and patchlint.runtime are used once you trust it)."],
    });
  });

  it('patchlint.path: a package folder or its launcher, relative to the first folder; a wrong one is an error', () => {
    expect(locateServer(options({ settingPath: 'node_modules/patchlint' }))).toMatchObject({ location: { root: own, source: 'setting' } });
    expect(locateServer(options({ settingPath: path.join(own, 'bin/patchlint.js') }))).toMatchObject({ location: { bin: path.join(own, 'bin/patchlint.js'), version: '0.2.0', source: 'setting' } });
    expect(locateServer(options({ settingPath: 'nowhere' }))).toEqual({
      error: `patchlint.path is "nowhere", but ${path.join(workspace, 'nowhere')} is neither a patchlint package folder nor its bin/patchlint.js`, notes: [],
    });
  });

  it('a missing bundled copy is an error naming the extension folder', () => {
    expect(locateServer({ ...options({ workspaceFolders: [bare] }), extensionPath: bare })).toEqual({ error: `the bundled patchlint is missing from ${bare}: reinstall the extension`, notes: [] });
  });
});
