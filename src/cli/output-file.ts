// `--output-file FILE`: the report goes to a file (CI artifacts such as SARIF), written even
// when it is empty so later steps always find it; missing parent folders are created.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describeError } from '../node/errors.js';
import { escapeForMessage } from '../shared/escape.js';

/** Writes the report; returns a one-line reason when it cannot, for the CLI to print. */
export async function writeReport(file: string, cwd: string, report: string): Promise<string | null> {
  const target = path.resolve(cwd, file);
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, report.length === 0 || report.endsWith('\n') ? report : `${report}\n`);
    return null;
  } catch (error) {
    return `Cannot write ${escapeForMessage(file, 500)}: ${describeError(error as NodeJS.ErrnoException)}`;
  }
}
