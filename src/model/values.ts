// Judgements about table values that the value rules share, so they agree on which one is most
// specific: unencodable-value > empty-table-value > serialize-complex-value.
import type { TableFacts, TableShape, Value } from './types.js';

/** Why aos's JSON encoder would throw on (or silently drop) this table itself, if it would. */
export function tableLayoutProblem(table: TableShape): 'mixed' | 'sparse' | null {
  let named = false;
  const integers: number[] = [];
  for (const e of table.entries) {
    if (e.key.form === 'positional' || e.key.form === 'number') {
      if (e.key.index !== undefined) integers.push(e.key.index);
    } else named = true;
  }
  if (integers.length === 0) return null;
  if (named) return 'mixed';
  if (table.filledUnknown) return null;
  const seen = new Set(integers);
  for (let i = 1; i <= seen.size; i++) if (!seen.has(i)) return 'sparse';
  return null;
}

/**
 * The facts of each table, computed once per model (a table shared by many messages, or
 * nested in many exposed entries, is judged once: linear in the tables' entries).
 */
export class TableJudge {
  private readonly known = new Map<TableShape, TableFacts>();

  of(table: TableShape): TableFacts {
    let facts = this.known.get(table);
    if (facts) return facts;
    // Shapes are finite trees (at most the evaluator's depth limit): plain recursion is safe.
    const layout = tableLayoutProblem(table);
    let depth = 1;
    let holdsUnencodable = layout !== null;
    for (const e of table.entries) {
      const v = e.value;
      if (v.kind === 'table') {
        const inner = this.of(v.table);
        if (inner.depth + 1 > depth) depth = inner.depth + 1;
        if (inner.holdsUnencodable) holdsUnencodable = true;
      } else if (isUnencodableScalar(v)) holdsUnencodable = true;
    }
    // `{ gone = nil }` is `{}` too: aos's encoder sends it as [] (`ao.unset` entries are left to unset-sentinel).
    const empty = !table.filledUnknown && !table.open && table.entries.every((e) => e.value.kind === 'nil' && e.value.sentinel !== true);
    facts = { empty, filled: table.filledUnknown || table.entries.some((e) => e.value.kind !== 'nil'), layout, depth, holdsUnencodable, trie: isTrie(table) };
    this.known.set(table, facts);
    return facts;
  }
}

/** A function, NaN or an infinity, or a reference back to an enclosing table: aos's encoder drops or throws on it. */
export function isUnencodableScalar(value: Value): boolean {
  return value.kind === 'function' || value.kind === 'non-finite' || value.kind === 'cycle';
}

/** `device = 'trie@1.0'`: the documented way to hold a large table (HyperBEAM resolves it as a trie). */
function isTrie(table: TableShape): boolean {
  return table.entries.some((e) => e.key.text === 'device' && e.value.kind === 'string' && e.value.text === 'trie@1.0');
}
