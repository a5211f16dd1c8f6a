// Writes a fixed file atomically: a temporary file in the same folder, then a rename, so a
// crash or a concurrent reader never sees half a file. Symbolic links are followed (the
// target is replaced, not the link) and the file mode is kept.
import { randomBytes } from 'node:crypto';
import { chmod, readFile, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { readTextOf } from './read-snapshot.js';
import path from 'node:path';

/**
 * `expected`: the text the new one was computed from. If the file no longer holds it, nothing
 * is written (someone changed the file meanwhile: their change wins, re-run to fix again);
 * nor if its bytes are not valid UTF-8 (they would not survive the round trip).
 */
export async function writeFileAtomic(filePath: string, text: string, expected?: string): Promise<void> {
  const target = await realpath(filePath);
  const { mode } = await stat(target);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.patchlint-tmp`);
  try {
    await writeFile(temp, text, { encoding: 'utf8', flag: 'wx', mode });
    await chmod(temp, mode);
    if (expected !== undefined) {
      const bytes = await readFile(target);
      const current = bytes.toString('utf8');
      if (current !== expected) throw new Error('it changed on disk while patchlint ran; not overwritten (run patchlint --fix again)');
      // Invalid UTF-8 was read as U+FFFD: writing the text back would replace those bytes too.
      if (!bytes.equals(Buffer.from(current, 'utf8'))) throw new Error('it is not valid UTF-8; not overwritten (fix it by hand)');
    }
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
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
      errors.push(`Cannot write the fixed ${result.filePath}: ${e.code ?? e.message}`);
    }
  }
  return errors;
}
