// Which entries of a patch message are exposed over HTTP, at which level and path.
// `cache = {...}` children are always exposed (/compute/cache/<k>); root data keys are
// exposed keys in direct-keys mode and stray keys (reported by require-cache) otherwise.
import type { Entry, PatchMessage, TableShape } from './types.js';

/** Message fields that are envelope, never data (case-insensitive). */
export const ENVELOPE = new Set(['device', 'method', 'target', 'data', 'anchor', 'tags']);

export interface EntryVisit {
  entry: Entry;
  /** 'root': a data key at the message root; 'cache': directly under cache; 'nested': deeper. */
  level: 'root' | 'cache' | 'nested';
  /** 1 for exposed keys (root data or cache children), more for nested ones. */
  depth: number;
  /** Full exposed path (`cache/score`, `balances/abc`), null when a segment is unknown. */
  path: string | null;
  /** false for root data keys when the cache style is enforced (they belong under cache). */
  exposed: boolean;
  parent: TableShape;
}

/** Per table: how many keys have each lower-case spelling (built once per table, not per key). */
const foldedCounts = new WeakMap<TableShape, Map<string, number>>();

/** How many keys of the table are spelled `lower` ignoring case. */
export function keysFoldingTo(table: TableShape, lower: string): number {
  let counts = foldedCounts.get(table);
  if (!counts) {
    counts = new Map();
    for (const e of table.entries) {
      const folded = e.key.text?.toLowerCase();
      if (folded !== undefined) counts.set(folded, (counts.get(folded) ?? 0) + 1);
    }
    foldedCounts.set(table, counts);
  }
  return counts.get(lower) ?? 0;
}

export function isCacheKey(entry: Entry): boolean {
  return entry.key.text?.toLowerCase() === 'cache';
}

/**
 * A table held in a variable (`cache = { balances = Balances }`) is one shape shared by every
 * message that sends it. Its entries are visited below the first place that reaches it (its
 * owner), not again below every message: their diagnostics point into the table's definition
 * and would only repeat, and walking a big table once per message would make linting
 * quadratic. Owners are assigned by `assignOwners` when the model is built, per mode.
 */
interface Owner {
  patch: PatchMessage;
  entry: Entry;
}
const owners = [new WeakMap<TableShape, Owner>(), new WeakMap<TableShape, Owner>()];

export function assignOwners(patches: readonly PatchMessage[]): void {
  for (const directKeys of [false, true]) {
    const map = owners[directKeys ? 1 : 0]!;
    for (const patch of patches) {
      walk(patch, directKeys, () => {}, (v, table) => {
        if (map.has(table)) return false;
        map.set(table, { patch, entry: v.entry });
        return true;
      });
    }
  }
}

export function visitEntries(patch: PatchMessage, directKeys: boolean, visit: (v: EntryVisit) => void): void {
  const map = owners[directKeys ? 1 : 0]!;
  walk(patch, directKeys, visit, (v, table) => {
    const owner = map.get(table);
    return !owner || (owner.patch === patch && owner.entry === v.entry);
  });
}

function walk(patch: PatchMessage, directKeys: boolean, visit: (v: EntryVisit) => void, descend: (v: EntryVisit, table: TableShape) => boolean): void {
  const root = patch.root;
  const stack: EntryVisit[] = [];
  for (let i = root.entries.length - 1; i >= 0; i--) {
    const entry = root.entries[i]!;
    const text = entry.key.text;
    if (text !== null && ENVELOPE.has(text.toLowerCase())) continue;
    if (isCacheKey(entry)) {
      if (entry.value.kind !== 'table') continue;
      const cache = entry.value.table;
      const prefix = `${text}/`;
      for (let j = cache.entries.length - 1; j >= 0; j--) {
        const child = cache.entries[j]!;
        const t = child.key.text ?? (child.key.index !== undefined ? String(child.key.index) : null);
        stack.push({ entry: child, level: 'cache', depth: 1, path: t === null ? null : prefix + t, exposed: true, parent: cache });
      }
      continue;
    }
    if (entry.key.form === 'positional' && !directKeys) continue;
    stack.push({ entry, level: 'root', depth: 1, path: text, exposed: directKeys, parent: root });
  }
  while (stack.length > 0) {
    const v = stack.pop()!;
    visit(v);
    if (!v.exposed || v.entry.value.kind !== 'table') continue;
    const table = v.entry.value.table;
    if (!descend(v, table)) continue;
    for (let j = table.entries.length - 1; j >= 0; j--) {
      const child = table.entries[j]!;
      const t = child.key.text ?? (child.key.index !== undefined ? String(child.key.index) : null);
      stack.push({
        entry: child, level: 'nested', depth: v.depth + 1, path: v.path === null || t === null ? null : `${v.path}/${t}`, exposed: true, parent: table,
      });
    }
  }
}
