import { visitEntries } from './entry-visits.js';
import type { PatchModel } from '../src/model/index.js';
import { defineRule, type KeyOccurrence, type ProjectReport } from '../src/rule.js';
import { utf8Length } from '../src/text.js';

/** Process IDs and wallet addresses: case-significant, and HyperBEAM keeps them as written. */
const ID_LENGTHS = new Set([32, 42, 43]);

/** Per model and mode: `check` and `collect` both need the list, built once (read-only). */
const computed = [new WeakMap<PatchModel, KeyOccurrence[]>(), new WeakMap<PatchModel, KeyOccurrence[]>()];

/** Exposed keys in source order (each distinct place once). */
function occurrences(model: PatchModel, directKeys: boolean): KeyOccurrence[] {
  const map = computed[directKeys ? 1 : 0]!;
  let list = map.get(model);
  if (!list) {
    list = collectOccurrences(model, directKeys);
    map.set(model, list);
  }
  return list;
}

function collectOccurrences(model: PatchModel, directKeys: boolean): KeyOccurrence[] {
  const seen = new Set<string>();
  const out: KeyOccurrence[] = [];
  for (const patch of model.patches) {
    visitEntries(patch, directKeys, ({ entry, path, exposed }) => {
      if (!exposed || path === null || entry.key.text === null || ID_LENGTHS.has(utf8Length(entry.key.text))) return;
      const range = entry.key.range;
      const id = `${range[0]}:${path}`;
      if (seen.has(id)) return;
      seen.add(id);
      out.push({ path, range });
    });
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
    fixable: false,
    hasSuggestions: false,
    messages: {
      sameFile:
        "Key '{{path}}' differs only in case from '{{first}}' on line {{line}}: HTTP reads are case-insensitive, so which value a read returns is unpredictable. Use one spelling.",
      otherFile:
        "Key '{{path}}' differs only in case from '{{first}}' in {{file}}:{{line}}: HTTP reads are case-insensitive, so which value a read returns is unpredictable. Use one spelling.",
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaults: {},
    docs: 'docs/rules/duplicate-key-case.md',
  },
  check(model, context) {
    const first = new Map<string, KeyOccurrence>();
    for (const occ of occurrences(model, context.directKeys)) {
      const folded = occ.path.toLowerCase();
      const earlier = first.get(folded);
      if (!earlier) first.set(folded, occ);
      else if (lastSegmentDiffers(earlier.path, occ.path)) {
        context.report({
          range: occ.range, messageId: 'sameFile', data: { path: occ.path, first: earlier.path, line: context.lineOf(earlier.range[0]) }, related: earlier.range,
        });
      }
    }
  },
  collect(model, context) {
    return occurrences(model, context.directKeys);
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
