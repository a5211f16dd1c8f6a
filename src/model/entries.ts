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

export function isCacheKey(entry: Entry): boolean {
  return entry.key.text?.toLowerCase() === 'cache';
}

export function visitEntries(patch: PatchMessage, directKeys: boolean, visit: (v: EntryVisit) => void): void {
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
    for (let j = table.entries.length - 1; j >= 0; j--) {
      const child = table.entries[j]!;
      const t = child.key.text ?? (child.key.index !== undefined ? String(child.key.index) : null);
      stack.push({
        entry: child, level: 'nested', depth: v.depth + 1, path: v.path === null || t === null ? null : `${v.path}/${t}`, exposed: true, parent: table,
      });
    }
  }
}
