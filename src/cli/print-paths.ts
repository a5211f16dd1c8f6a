// `patchlint --print-paths`: the lint's files, then the map of the paths their patch messages
// expose, as a tree (stylish) or as JSON (schema/print-paths.schema.json) instead of the problems.
import { modelledFiles } from '../paths/collect.js';
import { pathMap } from '../paths/map.js';
import { formatTree } from '../paths/tree.js';
import type { LintResult, ResolvedConfig } from '../shared/results.js';

export function printPaths(results: readonly LintResult[], configFor: (filePath: string) => ResolvedConfig, cwd: string, format: string, color: boolean): string {
  const messages = new Map(results.map((r) => [r.filePath, r.messages]));
  const map = pathMap(modelledFiles(results, configFor, cwd), (filePath) => messages.get(filePath) ?? [], cwd);
  return format === 'json' ? `${JSON.stringify(map)}\n` : formatTree(map, color);
}
