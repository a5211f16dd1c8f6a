// Which entries of the patch messages are exposed over HTTP, at which level and path: the
// model's `entries`, computed once per file. HyperBEAM merges the whole message (minus its
// envelope) into the process state, so root data keys are exposed at /compute/<key>, `cache`
// at /compute/cache, its entries at /compute/cache/<key>, and nested tables below them.
import { utf8Length } from '../lua/strings.js';
import { childPath, foldKey, isCacheKey, isEnvelopeKey } from './keys.js';
import type { Entry, ExposedEntry, KeyStyle, ModuleFile, PatchMessage, Place, Range, TableShape } from './types.js';
import { TableJudge } from './values.js';

/** A visit before its derived fields are filled in. */
interface Visit {
  entry: Entry;
  level: ExposedEntry['level'];
  isCache: boolean;
  stray: boolean;
  depth: number;
  path: string | null;
  parent: TableShape;
  /** The call in the linted file through which a module's table arrived (inherited below it). */
  call: Place['call'];
}

/**
 * A table held in a variable (`cache = { balances = Balances }`) or returned by a function is
 * one shape shared by every message that sends it. Its entries are listed below the first
 * place that reaches it (its owner), not again below every message: their diagnostics point
 * into the table's definition and would only repeat, and walking a big table once per message
 * would make linting quadratic.
 */
export function exposedEntries(patches: readonly PatchMessage[], source: string, keyStyle: KeyStyle): ExposedEntry[] {
  const owned = new Set<TableShape>();
  const judge = new TableJudge();
  const folded = new Map<TableShape, Map<string, number>>();
  const out: ExposedEntry[] = [];
  for (const patch of patches) {
    walk(patch, keyStyle, (visit) => {
      out.push(describe(patch, visit, source, judge, folded));
      const value = visit.entry.value;
      if (visit.stray || value.kind !== 'table' || owned.has(value.table)) return false;
      owned.add(value.table);
      return true;
    });
  }
  return out;
}

/** Visits the root data keys (`cache` included), then, depth first, what `descend` lets it enter. */
function walk(patch: PatchMessage, keyStyle: KeyStyle, descend: (v: Visit) => boolean): void {
  const root = patch.root;
  const stack: Visit[] = [];
  for (let i = root.entries.length - 1; i >= 0; i--) {
    const entry = root.entries[i]!;
    const text = entry.key.text;
    if (text !== null && isEnvelopeKey(text)) continue;
    const isCache = isCacheKey(text);
    if (!isCache && keyStyle === 'cache' && entry.key.form === 'positional') continue;
    stack.push({ entry, level: 'root', isCache, stray: !isCache && keyStyle === 'cache', depth: 1, path: text, parent: root, call: null });
  }
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (!descend(v)) continue;
    const value = v.entry.value as { table: TableShape; range: Range; callee?: string };
    const table = value.table;
    // Entering a module's table from the linted file: the call that returned it.
    const call = v.call ?? (table.module !== null && v.parent.module === null ? { range: value.range, callee: value.callee ?? 'a function' } : null);
    for (let j = table.entries.length - 1; j >= 0; j--) {
      const child = table.entries[j]!;
      const level = v.isCache ? 'cache' : 'nested';
      stack.push({ entry: child, level, isCache: false, stray: false, depth: v.isCache ? 1 : v.depth + 1, path: childPath(v.path, segmentOf(child)), parent: table, call });
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
  const module: ModuleFile | null = parent.module;
  const written = module?.text ?? source;
  return {
    patch, entry, level: v.level, isCache: v.isCache, stray: v.stray, depth: v.depth, path: v.path, parent, parentFacts: judge.of(parent),
    label: text ?? (key.index !== undefined ? `[${key.index}]` : `[${written.slice(key.range[0], key.range[1])}]`),
    folded: fold,
    bytes: text === null ? null : utf8Length(text),
    sameFolded: fold === null ? 0 : foldedCounts(parent, folded).get(fold) ?? 0,
    inMessage: module === null && (key.via !== null || (parent.range !== null && contains(patch.range, parent.range))),
    keyAt: { range: key.range, module, call: v.call },
    valueAt: { range: value.via ?? key.range, module, call: v.call },
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
