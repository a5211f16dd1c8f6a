// Texts linted together, the whole pipeline without a file system: each file's lint, the
// cross-file pass, the finishing step; with `fix`, fixes applied in passes (each pass re-lints
// what changed, so the cross-file checks and the directives see the fixed texts). A result
// whose text changed gets `output`. The CLI's --fix, --stdin and the language server use it.
import { parseLua } from '../lua/parse.js';
import type { ModuleLoader } from '../model/index.js';
import type { LintResult, ResolvedConfig } from '../shared/results.js';
import { finishFiles } from './finish.js';
import { fixInPasses } from './fix.js';
import { lintFile, type FileLint } from './lint-file.js';

export interface SourceFile {
  filePath: string;
  text: string;
}

export interface LintTextsOptions {
  fix?: boolean;
  /**
   * The loader of the modules the files require, given the texts of this pass (a module being
   * fixed is read as fixed); none: call results are not followed into modules.
   */
  modules?: (textOf: (filePath: string) => string | undefined) => ModuleLoader;
}

export function lintTexts(files: readonly SourceFile[], configFor: (filePath: string) => ResolvedConfig, options: LintTextsOptions = {}): LintResult[] {
  // Each file's lint of a given text, kept across passes: an unchanged file is not linted again
  // (unless it read a module, which a pass may have changed).
  const lints = new Map<string, { text: string; lint: FileLint }>();
  const lintAll = (texts: readonly string[]): LintResult[] => {
    const byPath = new Map(files.map((f, i) => [f.filePath, texts[i]!]));
    const modules = options.modules?.((filePath) => byPath.get(filePath)) ?? null;
    const linted = texts.map((text, i) => {
      const { filePath } = files[i]!;
      let known = lints.get(filePath);
      if (!known || known.text !== text || known.lint.modules.length > 0) {
        known = { text, lint: lintFile(text, { filePath, config: configFor(filePath), modules }) };
        lints.set(filePath, known);
      }
      return known.lint;
    });
    return finishFiles(linted, configFor, (filePath) => lints.get(filePath)?.text);
  };
  const original = files.map((f) => f.text);
  if (!options.fix) return lintAll(original);
  const { texts, results } = fixInPasses(original, lintAll, (text) => parseLua(text).ok);
  results.forEach((result, i) => {
    if (texts[i] !== original[i]) result.output = texts[i]!;
  });
  return results;
}
