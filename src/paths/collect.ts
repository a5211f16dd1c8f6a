// The patch models of the files a lint run linted, for the map of exposed paths. Built as the
// lint builds them (same key style, same size limit, modules read through `require`), once
// more per file: `--print-paths` is run by hand or by a frontend's build, not on every commit.
import { readFileSync } from 'node:fs';
import { keyStyleOf } from '../engine/lint-file.js';
import { modelOf } from '../engine/model-of.js';
import { moduleFiles } from '../node/modules.js';
import { DEFAULT_MAX_FILE_SIZE, type LintResult, type ResolvedConfig } from '../shared/results.js';
import type { ModelledFile } from './map.js';

export function modelledFiles(results: readonly LintResult[], configFor: (filePath: string) => ResolvedConfig, cwd: string): ModelledFile[] {
  const modules = moduleFiles(cwd);
  const out: ModelledFile[] = [];
  for (const result of results) {
    // A file that did not parse or was not linted (ignored, too large, unreadable) exposes nothing we know.
    // (ignored files and links out of the tree carry one line-0 note and were never read).
    if (result.fatalErrorCount > 0 || result.messages.some((m) => m.ruleId === null && m.line === 0)) continue;
    let text: string;
    try {
      text = result.source ?? readFileSync(result.filePath, 'utf8');
    } catch {
      continue;
    }
    const config = configFor(result.filePath);
    const model = modelOf(text, result.filePath, { keyStyle: keyStyleOf(config), maxFileSize: config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE, modules: modules.loader });
    if (model && model.patches.length > 0) out.push({ filePath: result.filePath, text, model });
  }
  return out;
}
