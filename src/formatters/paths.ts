// Paths as machine-readable formats want them: relative to cwd, with forward slashes.
import path from 'node:path';
import { escapeForMessage } from '../shared/escape.js';
import type { LintMessage } from '../shared/results.js';

/** `filePath` relative to cwd with `/` separators; names that are not paths (`<text>`) stay as they are. */
export function relativePath(filePath: string, cwd: string): string {
  if (!path.isAbsolute(filePath)) return filePath.split(path.sep).join('/');
  const rel = path.relative(cwd, filePath);
  return (rel === '' ? path.basename(filePath) : rel).split(path.sep).join('/');
}

/**
 * The message text with the related file (duplicate-key-case names the first occurrence by
 * its absolute path) shown relative to cwd, so outputs carry no absolute paths.
 */
export function messageText(message: LintMessage, cwd: string): string {
  const related = message.relatedLocation?.filePath;
  if (!related || !path.isAbsolute(related)) return message.message;
  // Rule data is interpolated with escapeForMessage's default length limit (src/engine/messages.ts).
  const shown = escapeForMessage(related);
  return message.message.split(shown).join(escapeForMessage(relativePath(related, cwd), 10_000));
}
