// The finishing step every face shares (CLI, Node API, --fix, language server): a file's own
// messages plus its cross-file messages, the directives applied once, sorted and counted.
import type { LintMessage, LintResult, ResolvedConfig } from '../shared/results.js';
import { crossFileReports } from './cross-file.js';
import { applyDirectives } from './directives/apply.js';
import type { FileLint } from './lint-file.js';
import { makeResult } from './results.js';

/**
 * `sourceOf` gives the text of a file whose lint did not keep it (it had nothing to show) when
 * the cross-file pass gives it a first problem: results carry `source` when they have problems.
 */
export function finishFiles(files: readonly FileLint[], configFor: (filePath: string) => ResolvedConfig, sourceOf: (filePath: string) => string | undefined = () => undefined): LintResult[] {
  const cross = crossFileReports(files, configFor);
  placeElsewhere(files, cross);
  return files.map((file) => {
    const extra = cross.get(file.filePath);
    return finishFile(file, configFor(file.filePath), extra, extra && file.source === undefined ? sourceOf(file.filePath) : file.source);
  });
}

/**
 * Problems found in tables that modules' functions return: in the module's own result when it
 * is linted in the same run (once, however many files and sends reach it), else at the call in
 * the file that made it.
 */
function placeElsewhere(files: readonly FileLint[], cross: Map<string, LintMessage[]>): void {
  const byPath = new Map(files.map((f) => [f.filePath, f]));
  const seen = new Set<string>();
  const key = (filePath: string, m: LintMessage) => `${filePath}\0${m.ruleId}\0${m.line}\0${m.column}\0${m.message}`;
  for (const f of files) for (const m of f.messages) seen.add(key(f.filePath, m));
  const add = (filePath: string, m: LintMessage) => {
    const k = key(filePath, m);
    if (seen.has(k)) return;
    seen.add(k);
    const list = cross.get(filePath);
    if (list) list.push(m);
    else cross.set(filePath, [m]);
  };
  for (const f of files) for (const e of f.elsewhere) {
    if (byPath.has(e.filePath)) add(e.filePath, e.message);
    else add(f.filePath, e.fallback);
  }
}

/** One file with these extra messages (finishFiles places the problems it found in modules). */
export function finishFile(file: FileLint, config: ResolvedConfig, extra: readonly LintMessage[] = [], source = file.source): LintResult {
  const all = extra.length > 0 ? [...file.messages, ...extra] : file.messages;
  const shown = file.directives ? applyDirectives(all, file.directives, config.reportUnusedDisableDirectives === true) : { messages: [...all], suppressedMessages: [] };
  const result = makeResult(file.filePath, shown.messages, shown.suppressedMessages);
  if ((result.messages.length > 0 || result.suppressedMessages.length > 0) && source !== undefined) result.source = source;
  return result;
}
