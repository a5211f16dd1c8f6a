// Which entries of the patch messages are exposed over HTTP, at which level and path: the
// model's `entries`, computed once per file for its key style. `cache = {...}` children are
// always exposed (/compute/cache/<k>); root data keys are exposed keys in the 'direct' style
// and stray keys (reported by require-cache) in the 'cache' style.
import { utf8Length } from '../lua/strings.js';
import { childPath, foldKey, isCacheKey, isEnvelopeKey } from './keys.js';
import type { Entry, ExposedEntry, KeyStyle, PatchMessage, Range, TableShape } from './types.js';
import { TableJudge } from './values.js';

/** A visit before its derived fields are filled in. */
interface Visit {
  entry: Entry;
  level: ExposedEntry['level'];
  depth: number;
  path: string | null;
  exposed: boolean;
  parent: TableShape;
}

/**
 * A table held in a variable (`cache = { balances = Balances }`) is one shape shared by every
 * message that sends it. Its entries are listed below the first place that reaches it (its
 * owner), not again below every message: their diagnostics point into the table's definition
 * and would only repeat, and walking a big table once per message would make linting
 * quadratic.
 */
export function exposedEntries(patches: readonly PatchMessage[], keyStyle: KeyStyle, source: string): ExposedEntry[] {
  const owners = new Map<TableShape, Visit>();
  const judge = new TableJudge();
  const folded = new Map<TableShape, Map<string, number>>();
  const out: ExposedEntry[] = [];
  for (const patch of patches) {
    walk(patch, keyStyle, (visit) => {
      out.push(describe(patch, visit, source, judge, folded));
      if (!visit.exposed || visit.entry.value.kind !== 'table') return false;
      const table = visit.entry.value.table;
      const owner = owners.get(table);
      if (owner === undefined) owners.set(table, visit);
      return owner === undefined;
    });
  }
  return out;
}

/** Visits root data keys and cache children, then, depth first, what `descend` lets it enter. */
function walk(patch: PatchMessage, keyStyle: KeyStyle, visit: (v: Visit) => boolean): void {
  const root = patch.root;
  const stack: Visit[] = [];
  for (let i = root.entries.length - 1; i >= 0; i--) {
    const entry = root.entries[i]!;
    const text = entry.key.text;
    if (text !== null && isEnvelopeKey(text)) continue;
    if (isCacheKey(text)) {
      if (entry.value.kind !== 'table') continue;
      const cache = entry.value.table;
      for (let j = cache.entries.length - 1; j >= 0; j--) {
        const child = cache.entries[j]!;
        stack.push({ entry: child, level: 'cache', depth: 1, path: childPath(text, segmentOf(child)), exposed: true, parent: cache });
      }
      continue;
    }
    if (entry.key.form === 'positional' && keyStyle === 'cache') continue;
    stack.push({ entry, level: 'root', depth: 1, path: text, exposed: keyStyle === 'direct', parent: root });
  }
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (!visit(v)) continue;
    const table = (v.entry.value as { table: TableShape }).table;
    for (let j = table.entries.length - 1; j >= 0; j--) {
      const child = table.entries[j]!;
      stack.push({ entry: child, level: 'nested', depth: v.depth + 1, path: childPath(v.path, segmentOf(child)), exposed: true, parent: table });
    }
  }
}

/** A key as a path segment: its text, or its integer index. */
function segmentOf(entry: Entry): string | null {
  const key = entry.key;
  return key.text ?? (key.index !== undefined ? String(key.index) : null);
}

function describe(patch: PatchMessage, v: Visit, source: string, judge: TableJudge, folded: Map<TableShape, Map<string, number>>): ExposedEntry {
  const { entry, parent } = v;
  const key = entry.key;
  const text = key.text;
  const fold = text === null ? null : foldKey(text);
  const value = entry.value;
  return {
    patch, entry, level: v.level, depth: v.depth, path: v.path, exposed: v.exposed, parent,
    label: text ?? (key.index !== undefined ? `[${key.index}]` : `[${source.slice(key.range[0], key.range[1])}]`),
    folded: fold,
    bytes: text === null ? null : utf8Length(text),
    sameFolded: fold === null ? 0 : foldedCounts(parent, folded).get(fold) ?? 0,
    inMessage: key.via !== null || (parent.range !== null && contains(patch.range, parent.range)),
    keyAt: key.range,
    valueAt: value.via ?? key.range,
    table: value.kind === 'table' ? judge.of(value.table) : null,
  };
}

/** How many keys of the table fold to each text (built once per table, not per key). */
function foldedCounts(table: TableShape, known: Map<TableShape, Map<string, number>>): Map<string, number> {
  let counts = known.get(table);
  if (!counts) {
    counts = new Map();
    for (const e of table.entries) {
      if (e.key.text === null) continue;
      const f = foldKey(e.key.text);
      counts.set(f, (counts.get(f) ?? 0) + 1);
    }
    known.set(table, counts);
  }
  return counts;
}

function contains(outer: Range, inner: Range): boolean {
  return outer[0] <= inner[0] && inner[1] <= outer[1];
}
