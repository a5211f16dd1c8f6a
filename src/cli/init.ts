// `patchlint --init`: looks at the project's patch messages, picks the preset that matches how
// they expose state (a `cache` table, or keys at the message root: the direct-keys style), and
// writes patchlint.config.json with it and `$schema`. It never replaces a config: when one
// already applies to the current folder it says which and writes nothing.
import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { findConfigFile } from '../config/load.js';
import { patchStyles } from '../engine/index.js';
import { describeError } from '../node/errors.js';
import { findFiles } from '../node/find-files.js';

export const INIT_FILE = 'patchlint.config.json';

export interface InitOutcome {
  /** What to print (stdout when written, stderr when not). */
  text: string;
  written: boolean;
}

export async function init(patterns: string[], cwd: string): Promise<InitOutcome> {
  const existing = findConfigFile(cwd);
  if (existing) {
    return { written: false, text: `A config already applies here: ${path.relative(cwd, existing) || existing}. --init writes none; edit that file instead (docs/configuration.md).` };
  }
  const { files, errors } = await findFiles(patterns, { cwd, errorOnUnmatchedPattern: false });
  let cacheStyle = 0, rootStyle = 0;
  const examples: { cache?: string; root?: string } = {};
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      errors.push(`Cannot read ${file}: ${describeError(error as NodeJS.ErrnoException)}`);
      continue;
    }
    const styles = patchStyles(text, file);
    const at = (line: number | undefined) => (line === undefined ? undefined : `${path.relative(cwd, file)}:${line}`);
    cacheStyle += styles.cache.length;
    rootStyle += styles.root.length;
    examples.cache ??= at(styles.cache[0]);
    examples.root ??= at(styles.root[0]);
  }
  const direct = rootStyle > cacheStyle;
  const preset = direct ? 'direct-keys' : 'recommended';
  const why = cacheStyle + rootStyle === 0
    ? `no patch message found in ${files.length} Lua file${files.length === 1 ? '' : 's'}: the default preset, which expects a cache table`
    : direct
      ? `${rootStyle} of ${cacheStyle + rootStyle} patch messages put their keys at the message root (e.g. ${examples.root}), read at /compute/<key>`
      : `${cacheStyle} of ${cacheStyle + rootStyle} patch messages send a cache table (e.g. ${examples.cache}), read at /compute/cache/<key>`;
  const config = { $schema: './node_modules/patchlint/schema/patchlint.schema.json', extends: preset, rules: {} };
  const target = path.join(cwd, INIT_FILE);
  try {
    // 'wx': never replace a file that appeared meanwhile.
    writeFileSync(target, `${JSON.stringify(config, null, 2)}\n`, { flag: 'wx' });
  } catch (error) {
    return { written: false, text: `Cannot write ${INIT_FILE}: ${describeError(error as NodeJS.ErrnoException)}` };
  }
  const notes = errors.map((e) => `  (${e})`).join('\n');
  return { written: true, text: `Wrote ${INIT_FILE} with the ${preset} preset: ${why}.${notes ? `\n${notes}` : ''}\nRun patchlint to lint the project; rules and options: docs/configuration.md.` };
}
