// Where `require('name')` finds its file, as aos `.load` bundles modules: dots become slashes
// (`.common.utils` and `common.utils` are common/utils.lua), looked up in the requiring file's
// folder, then in its parent folders up to the project root. Only regular files whose real
// path is inside the project are read: a module never leads out of the linted tree.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { ModuleLoader, type ModuleFile } from '../model/index.js';
import { isInside as inside } from './inside.js';

/** Module files larger than this are not read for analysis (generated data, not code). */
const MAX_MODULE_BYTES = 2_000_000;

export interface ModuleFiles {
  /** The loader the model reads modules through (one per run and thread). */
  loader: ModuleLoader;
  /** The file `require(name)` in `fromFile` loads, as aos `.load` finds it (null: not in the project). */
  resolve(name: string, fromFile: string): ModuleFile | null;
  /** The current text of a file read as a module (read again: the cache checks it has not changed). */
  currentText(filePath: string): string | null;
}

/**
 * `root`: the project folder modules may come from. `texts`: files whose text is already in
 * hand (a --fix pass, open editor documents), used instead of the disk.
 */
export function moduleFiles(root: string, texts?: (filePath: string) => string | undefined): ModuleFiles {
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    realRoot = path.resolve(root);
  }
  const read = new Map<string, ModuleFile | null>();
  const load = (filePath: string): ModuleFile | null => {
    if (read.has(filePath)) return read.get(filePath)!;
    let file: ModuleFile | null = null;
    const given = texts?.(filePath);
    if (given !== undefined) file = { filePath, text: given };
    else {
      try {
        const stat = statSync(filePath);
        if (stat.isFile() && stat.size <= MAX_MODULE_BYTES && inside(realRoot, realpathSync(filePath))) file = { filePath, text: readFileSync(filePath, 'utf8') };
      } catch {
        file = null;
      }
    }
    read.set(filePath, file);
    return file;
  };
  const resolve = (name: string, fromFile: string): ModuleFile | null => {
    if (!path.isAbsolute(fromFile) || !/^[\w.-]+$/.test(name)) return null;
    const relative = `${name.replace(/^\.+/, '').replace(/\./g, path.sep)}.lua`;
    for (let dir = path.dirname(fromFile); ; dir = path.dirname(dir)) {
      if (!inside(path.resolve(root), dir) && !inside(realRoot, dir)) return null;
      const found = load(path.join(dir, relative));
      if (found) return found;
      if (dir === path.dirname(dir)) return null;
    }
  };
  return {
    loader: new ModuleLoader(resolve),
    resolve,
    currentText(filePath) {
      const given = texts?.(filePath);
      if (given !== undefined) return given;
      try {
        return readFileSync(filePath, 'utf8');
      } catch {
        return null;
      }
    },
  };
}
