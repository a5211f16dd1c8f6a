// Lints files together (per-file pass, then the cross-file pass) and, with `fix`, applies
// fixes in passes, re-linting everything after each pass so the cross-file checks and the
// directives see the fixed texts. A file whose text changed gets `output`.
import { fixInPasses } from './fix.js';
import { lintProject, lintSource, type FileLint } from './linter.js';
import { parseLua } from './parse.js';
import type { ResolvedConfig } from './types.js';

export interface SourceFile {
  filePath: string;
  text: string;
}

export function lintWithFixes(
  files: SourceFile[],
  lintOne: (filePath: string, text: string) => FileLint,
  configFor: (filePath: string) => ResolvedConfig,
  fix: boolean,
): FileLint[] {
  if (!fix) {
    const linted = files.map((f) => lintOne(f.filePath, f.text));
    lintProject(linted, configFor, textsByPath(files, files.map((f) => f.text)));
    return linted;
  }
  // The project pass changes results in place: keep each file's per-file lint of a given text
  // untouched, so an unchanged file is cloned instead of linted again in the next pass.
  const pristine = new Map<string, { text: string; lint: FileLint }>();
  const lintAll = (texts: string[]): FileLint[] => {
    const linted = texts.map((text, i) => {
      const { filePath } = files[i]!;
      let entry = pristine.get(filePath);
      if (!entry || entry.text !== text) {
        entry = { text, lint: lintOne(filePath, text) };
        pristine.set(filePath, entry);
      }
      return structuredClone(entry.lint);
    });
    lintProject(linted, configFor, textsByPath(files, texts));
    return linted;
  };
  const parses = (text: string) => parseLua(text).ok;
  const { texts, results } = fixInPasses(files.map((f) => f.text), (t) => lintAll(t).map(asFixable), parses);
  return results.map((fixable, i) => {
    const linted = fixable.lint;
    if (texts[i] !== files[i]!.text) linted.result.output = texts[i]!;
    return linted;
  });
}

/** The cross-file pass's `sourceOf`: each file's text in this pass (`texts[i]` is `files[i]`'s). */
function textsByPath(files: SourceFile[], texts: string[]): (filePath: string) => string | undefined {
  let byPath: Map<string, string> | undefined;
  return (filePath) => (byPath ??= new Map(files.map((f, i) => [f.filePath, texts[i]!]))).get(filePath);
}

/** fixInPasses reads `messages`; keep the whole FileLint alongside. */
function asFixable(lint: FileLint) {
  return { messages: lint.result.messages, lint };
}

/** One text (--stdin with --fix-dry-run): lint, fix in passes, and set `output` when it changed. */
export function lintTextWithFixes(text: string, filePath: string, config: ResolvedConfig): FileLint['result'] {
  const lintOne = (path: string, source: string) => lintSource(source, { filePath: path, config });
  return lintWithFixes([{ filePath, text }], lintOne, () => config, true)[0]!.result;
}
