import { defineRule, isIdLength, type PatchModel, type ProjectReport, type Range } from './kit.js';

/** One occurrence of an exposed key, kept per file for the check across files (plain JSON). */
interface KeyOccurrence {
  path: string;
  range: Range;
}

/** Exposed keys in source order (each distinct place once: a wrapper's template and its calls share keys). */
function occurrences(model: PatchModel): KeyOccurrence[] {
  const seen = new Set<string>();
  const out: KeyOccurrence[] = [];
  for (const e of model.entries) {
    const path = e.path;
    if (path === null || e.bytes === null || isIdLength(e.bytes)) continue;
    // A key of a table a module's function returns is compared at the call in this file.
    const range = e.keyAt.call?.range ?? e.keyAt.range;
    const id = `${range[0]}:${path}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ path, range });
  }
  return out.sort((a, b) => a.range[0] - b.range[0]);
}

/**
 * True when two paths that fold to the same text differ in their last segment. When only an
 * ancestor differs (`cache/Stats/x` vs `cache/stats/x`), the ancestor is the one reported.
 */
function lastSegmentDiffers(a: string, b: string): boolean {
  return a.slice(a.lastIndexOf('/') + 1) !== b.slice(b.lastIndexOf('/') + 1);
}

export default defineRule({
  meta: {
    id: 'duplicate-key-case',
    description: 'Two exposed keys must not differ only by case.',
    defaultSeverity: 'error',
    messages: {
      sameFile: "Key '{{path}}' differs only in case from '{{first}}' on line {{line}}: use one spelling.",
      otherFile: "Key '{{path}}' differs only in case from '{{first}}' in {{file}}:{{line}}: use one spelling.",
    },
    why:
      'Two keys that differ only by case are a bug on every node, in two different ways. Nodes before July 2025 lowercased top-level keys, so both merged into one and the last write won, in pairs() order. Current nodes (HyperBEAM PR #367) keep both as written, and a lower-case read finds only the lower-case one. Either way readers see one value, not both.',
  },
  check(model, context) {
    const first = new Map<string, KeyOccurrence>();
    const all = occurrences(model);
    for (const occ of all) {
      const folded = occ.path.toLowerCase();
      const earlier = first.get(folded);
      if (!earlier) first.set(folded, occ);
      else if (lastSegmentDiffers(earlier.path, occ.path)) {
        context.report({
          range: occ.range, messageId: 'sameFile', data: { path: occ.path, first: earlier.path, line: context.lineOf(earlier.range[0]) }, related: earlier.range,
        });
      }
    }
    return all;
  },
  checkProject(files) {
    const reports: ProjectReport[] = [];
    const first = new Map<string, { occ: KeyOccurrence; filePath: string; line: number }>();
    for (const file of files) {
      const own = new Map<string, string>();
      for (const occ of file.facts as KeyOccurrence[]) {
        const folded = occ.path.toLowerCase();
        const ownFirst = own.get(folded);
        if (ownFirst === undefined) own.set(folded, occ.path);
        const global = first.get(folded);
        if (!global) {
          first.set(folded, { occ, filePath: file.filePath, line: file.lineOf(occ.range[0]) });
          continue;
        }
        // Within one file the per-file check already reported it.
        if (global.filePath === file.filePath || !lastSegmentDiffers(global.occ.path, occ.path) || (ownFirst !== undefined && ownFirst !== occ.path)) continue;
        reports.push({
          filePath: file.filePath,
          report: { range: occ.range, messageId: 'otherFile', data: { path: occ.path, first: global.occ.path, file: global.filePath, line: global.line } },
        });
      }
    }
    return reports;
  },
});
