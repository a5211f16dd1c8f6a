// Writes a fixed file atomically: a temporary file in the same folder, then a rename, so a
// crash or a concurrent reader never sees half a file. What the file was stays: its mode,
// its owner (when run as root), its hard links, its symbolic link (the target is replaced).
import { randomBytes } from 'node:crypto';
import { readdirSync, unlinkSync } from 'node:fs';
import { access, chmod, chown, constants, readFile, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describeError } from './errors.js';
import { readTextOf } from './read-snapshot.js';

const TEMP_SUFFIX = '.patchlint-tmp';
/** Bytes of the original name kept in a temporary name: the whole name must stay under NAME_MAX (255). */
const NAME_BYTES_KEPT = 100;

/**
 * `expected`: the text the new one was computed from. If the file no longer holds it, nothing
 * is written (someone changed the file meanwhile: their change wins, re-run to fix again);
 * nor if its bytes are not valid UTF-8 (they would not survive the round trip), nor if it is
 * read-only (its owner meant it not to change).
 */
export async function writeFileAtomic(filePath: string, text: string, expected?: string): Promise<void> {
  const target = await realpath(filePath);
  const info = await stat(target);
  // rename() needs only the folder's permission: check the file's own, as an editor would.
  // Root may write anything, so for root the owner's write bit decides.
  if ((info.mode & 0o222) === 0 || (process.getuid?.() === 0 && (info.mode & 0o200) === 0)) throw new Error('the file is read-only; not overwritten');
  if (!(await writable(target))) throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
  const check = async () => {
    if (expected === undefined) return;
    const bytes = await readFile(target);
    const current = bytes.toString('utf8');
    if (current !== expected) throw new Error('it changed on disk while patchlint ran; not overwritten (run patchlint --fix again)');
    // Invalid UTF-8 was read as U+FFFD: writing the text back would replace those bytes too.
    if (!bytes.equals(Buffer.from(current, 'utf8'))) throw new Error('it is not valid UTF-8; not overwritten (fix it by hand)');
  };
  if (info.nlink > 1) {
    // A rename would give this name a new file and leave the other links with the old text:
    // a file with hard links is rewritten in place (not atomic; docs/robustness.md).
    await check();
    await writeFile(target, text, 'utf8');
    return;
  }
  await replaceAtomically(target, text, {
    mode: info.mode & 0o7777,
    owner: process.getuid?.() === 0 && (info.uid !== 0 || info.gid !== 0) ? { uid: info.uid, gid: info.gid } : null,
    beforeRename: check,
  });
  sweepStaleTemps(target);
}

async function writable(file: string): Promise<boolean> {
  try {
    await access(file, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export interface ReplaceOptions {
  mode?: number;
  owner?: { uid: number; gid: number } | null;
  /** Runs after the temporary file is written, before the rename; throwing cancels the write. */
  beforeRename?: () => Promise<void>;
}

/**
 * Puts `text` at `target` by writing a temporary file beside it and renaming it over the
 * target. The rename replaces whatever `target` is, a symbolic link included, without
 * following it. The temporary file is removed on failure and when the process is interrupted.
 */
export async function replaceAtomically(target: string, text: string, options: ReplaceOptions = {}): Promise<void> {
  const temp = tempNameFor(target);
  pending.add(temp);
  watchSignals();
  try {
    await writeFile(temp, text, { encoding: 'utf8', flag: 'wx', mode: options.mode ?? 0o666 });
    if (options.mode !== undefined) await chmod(temp, options.mode);
    if (options.owner) await chown(temp, options.owner.uid, options.owner.gid);
    await options.beforeRename?.();
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  } finally {
    pending.delete(temp);
  }
}

/** `.<name, at most 100 bytes>.<pid>.<random>.patchlint-tmp`, in the target's folder. */
function tempNameFor(target: string): string {
  let name = path.basename(target);
  while (Buffer.byteLength(name) > NAME_BYTES_KEPT) name = name.slice(0, -1);
  return path.join(path.dirname(target), `.${name}.${process.pid}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`);
}

// Temporary files of writes under way: removed if a signal ends the run (SIGKILL cannot be
// caught: sweepStaleTemps removes what such a run left, on the next --fix of that file).
const pending = new Set<string>();
let watching = false;
function watchSignals(): void {
  if (watching) return;
  watching = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      for (const temp of pending) {
        try {
          unlinkSync(temp);
        } catch {
          // already gone
        }
      }
      // End as the signal would have: the shell sees the usual status.
      process.kill(process.pid, signal);
    });
  }
}

/** Removes temporary files left beside `target` by runs that no longer exist. */
function sweepStaleTemps(target: string): void {
  const folder = path.dirname(target);
  let name = path.basename(target);
  while (Buffer.byteLength(name) > NAME_BYTES_KEPT) name = name.slice(0, -1);
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return;
  }
  for (const entry of entries) {
    if (!entry.endsWith(TEMP_SUFFIX) || !entry.startsWith(`.${name}.`)) continue;
    const pid = Number(/\.(\d+)\.[0-9a-f]{8}\.patchlint-tmp$/.exec(entry)?.[1]);
    if (!Number.isInteger(pid) || pid === process.pid || isAlive(pid)) continue;
    try {
      unlinkSync(path.join(folder, entry));
    } catch {
      // not ours to remove, or gone
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** ESLint's outputFixes: writes every result that has a fixed `output`. Returns one line per failure. */
export async function outputFixes(results: { filePath: string; output?: string }[]): Promise<string[]> {
  const errors: string[] = [];
  for (const result of results) {
    if (result.output === undefined) continue;
    try {
      await writeFileAtomic(result.filePath, result.output, readTextOf(result));
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      errors.push(`Cannot write the fixed ${result.filePath}: ${e.code ? describeError(e) : e.message}`);
    }
  }
  return errors;
}
