// Shared judgements about values, so the value rules agree on which one is most specific:
// unencodable-value > empty-table-value > serialize-complex-value.
import type { TableShape, Value } from './types.js';

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

export function isUnencodable(value: Value): boolean {
  return value.kind === 'function' || value.kind === 'non-finite' || (value.kind === 'table' && tableLayoutProblem(value.table) !== null);
}

/** Nesting depths already computed (a table sent by many messages is measured once). */
const depths = new WeakMap<TableShape, number>();

/** How deep tables nest in this value: 0 for a non-table, 1 for a table of scalars (or `{}`). */
export function tableDepth(value: Value): number {
  if (value.kind !== 'table') return 0;
  let depth = depths.get(value.table);
  if (depth === undefined) {
    // Shapes are finite trees (at most the evaluator's depth limit): plain recursion is safe.
    depth = 1;
    for (const e of value.table.entries) depth = Math.max(depth, 1 + tableDepth(e.value));
    depths.set(value.table, depth);
  }
  return depth;
}

/** Tables already judged: a table shared by many messages is walked once, not once per message. */
const unencodableInside = new WeakMap<TableShape, boolean>();

/** True when the value, or anything inside it, is unencodable. */
export function containsUnencodable(value: Value): boolean {
  if (value.kind !== 'table') return isUnencodable(value);
  let known = unencodableInside.get(value.table);
  if (known === undefined) {
    known = searchUnencodable(value);
    unencodableInside.set(value.table, known);
  }
  return known;
}

function searchUnencodable(value: Value): boolean {
  const stack: Value[] = [value];
  let budget = 10_000;
  while (stack.length > 0 && budget-- > 0) {
    const v = stack.pop()!;
    if (isUnencodable(v)) return true;
    if (v.kind === 'table') for (const e of v.table.entries) stack.push(e.value);
  }
  return false;
}

/** Still `{}` when sent: no entries, nothing added later, nothing else can fill it. */
export function isEmptyTable(value: Value): boolean {
  return value.kind === 'table' && value.table.entries.length === 0 && !value.table.filledUnknown && !value.table.open;
}

export function isNonEmptyTable(value: Value): boolean {
  return value.kind === 'table' && (value.table.entries.length > 0 || value.table.filledUnknown);
}
