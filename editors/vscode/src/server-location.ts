// Which patchlint runs the language server, as vscode-eslint picks the workspace's ESLint:
// patchlint.path when set, else the workspace's own (node_modules/patchlint, found the way Node
// resolves it from each workspace folder), else the copy bundled in the extension. Only the
// bundled copy runs in a workspace the user has not trusted: the others are code from the
// workspace (or settings it can set). No `vscode` import here, so that it is plain to test.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface ServerLocation {
  /** The launcher to run with `--lsp`. */
  bin: string;
  /** The package folder it belongs to. */
  root: string;
  version: string;
  source: 'setting' | 'workspace' | 'bundled';
}

export interface LocateOptions {
  /** patchlint.path as set (null: unset). */
  settingPath: string | null;
  useBundled: boolean;
  trusted: boolean;
  workspaceFolders: string[];
  /** The extension's folder (the bundled copy lives in server/patchlint/). */
  extensionPath: string;
}

export type Located = { location: ServerLocation; notes: string[] } | { error: string; notes: string[] };

export function locateServer(options: LocateOptions): Located {
  const notes: string[] = [];
  const bundled = fromPackage(path.join(options.extensionPath, 'server', 'patchlint'), 'bundled');
  const fallback = (): Located => (bundled ? { location: bundled, notes } : { error: `the bundled patchlint is missing from ${options.extensionPath}: reinstall the extension`, notes });
  if (!options.trusted) {
    notes.push('The workspace is not trusted: using the bundled patchlint (the workspace\'s own, patchlint.path and patchlint.runtime are used once you trust it).');
    return fallback();
  }
  if (options.settingPath) {
    const given = path.resolve(options.workspaceFolders[0] ?? process.cwd(), options.settingPath);
    const location = fromSetting(given);
    if (location) return { location, notes };
    return { error: `patchlint.path is ${JSON.stringify(options.settingPath)}, but ${given} is neither a patchlint package folder nor its bin/patchlint.js`, notes };
  }
  if (!options.useBundled) {
    for (const folder of options.workspaceFolders) {
      const root = resolvePackage(folder);
      if (!root) continue;
      const location = fromPackage(root, 'workspace');
      if (location) return { location, notes };
      notes.push(`${root} does not look like a patchlint package (no bin/patchlint.js): ignored.`);
    }
  }
  return fallback();
}

/** The folder of the `patchlint` package Node would load from `folder`, or null. */
function resolvePackage(folder: string): string | null {
  try {
    return path.dirname(createRequire(path.join(folder, 'package.json')).resolve('patchlint/package.json'));
  } catch {
    return null;
  }
}

function fromSetting(given: string): ServerLocation | null {
  const stats = statSync(given, { throwIfNoEntry: false });
  if (stats?.isDirectory()) return fromPackage(given, 'setting');
  if (stats?.isFile()) {
    const root = path.dirname(path.dirname(given));
    return { bin: given, root, version: versionOf(root), source: 'setting' };
  }
  return null;
}

function fromPackage(root: string, source: ServerLocation['source']): ServerLocation | null {
  const bin = path.join(root, 'bin', 'patchlint.js');
  return existsSync(bin) ? { bin, root, version: versionOf(root), source } : null;
}

function versionOf(root: string): string {
  try {
    return (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version?: string }).version ?? 'unknown version';
  } catch {
    return 'unknown version';
  }
}

/** The output channel's line saying which patchlint runs. */
export function describeLocation(location: ServerLocation): string {
  const where = { setting: 'from patchlint.path', workspace: "the workspace's", bundled: 'bundled with the extension' }[location.source];
  return location.source === 'workspace'
    ? `Using the workspace's patchlint ${location.version} (${location.root}).`
    : `Using patchlint ${location.version} ${where} (${location.root}).`;
}
