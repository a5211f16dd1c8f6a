// `--output-file FILE`: the report goes to a file (CI artifacts such as SARIF), written even
// when it is empty so later steps always find it; missing parent folders are created. Written
// atomically (a full disk leaves the old file, never half a report), and a symbolic link at
// that name is replaced, not followed (a planted link must not make patchlint overwrite its
// target). Devices and FIFOs (`-o /dev/stdout`) are written into, never replaced.
import { lstat, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describeError } from '../node/errors.js';
import { replaceAtomically } from '../node/write-atomic.js';
import { escapeForMessage } from '../shared/escape.js';

const STANDARD_STREAMS: Record<string, number> = {
  '/dev/stdout': 1, '/dev/fd/1': 1, '/proc/self/fd/1': 1, '/dev/stderr': 2, '/dev/fd/2': 2, '/proc/self/fd/2': 2,
};

/** Writes the report; returns a one-line reason when it cannot, for the CLI to print. */
export async function writeReport(file: string, cwd: string, report: string): Promise<string | null> {
  const target = path.resolve(cwd, file);
  try {
    const text = report.length === 0 || report.endsWith('\n') ? report : `${report}\n`;
    // `-o /dev/stdout` (a link to /proc/self/fd/1), a FIFO or a device named as such: a stream
    // to write into, not a file to replace. A link elsewhere is replaced whatever it points to.
    const named = await lstat(target).catch(() => null);
    const stream = /^\/(?:dev|proc)\//.test(target) || (named !== null && !named.isFile() && !named.isDirectory() && !named.isSymbolicLink());
    if (stream) {
      // Opening /proc/self/fd/1 fails (ENXIO) when it is a socket: write to the stream itself.
      const fd = STANDARD_STREAMS[target];
      if (fd !== undefined) await new Promise<void>((resolve, reject) => (fd === 1 ? process.stdout : process.stderr).write(text, (e) => (e ? reject(e) : resolve())));
      else await writeFile(target, text);
      return null;
    }
    await mkdir(path.dirname(target), { recursive: true });
    await replaceAtomically(target, text);
    return null;
  } catch (error) {
    return `Cannot write ${escapeForMessage(file, 500)}: ${describeError(error as NodeJS.ErrnoException)}`;
  }
}
