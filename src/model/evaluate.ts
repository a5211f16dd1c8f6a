// Resolves expressions to the values and table shapes of types.ts, following plain local
// data flow recorded by the walk: constants, tables filled by later field writes, and
// wrapper parameters substituted by call arguments. What it cannot know is 'unknown'.
import type { Expression, Identifier, Range, TableConstructorExpression } from '../lua-ast.js';
import { decodeLuaString } from '../text.js';
import type { Binding, Facts, FunctionInfo } from './facts.js';
import type { Entry, Key, TableShape, Value } from './types.js';

/** A wrapper call's arguments, standing in for the wrapper's parameters. */
export interface Env {
  subst: Map<Binding, { node: Expression; env: Env }> | null;
}
export const ROOT_ENV: Env = { subst: null };

interface Holder {
  binding: Binding;
  prefix: string[];
}

const MAX_DEPTH = 24;
const SERIALIZERS = new Set(['encode', 'stringify', 'tostring', 'format', 'serialize']);

export class Evaluator {
  /** Parameters read while evaluating (a template that depends on them is a wrapper). */
  readonly paramsSeen = new Set<FunctionInfo>();
  private readonly holdersOf = new Map<TableConstructorExpression, Binding[]>();
  private readonly openCtors = new Set<TableConstructorExpression>();
  private readonly resolving = new Set<Binding>();
  private readonly memo = new Map<Binding, Value>();

  constructor(private readonly facts: Facts, private readonly text: string) {
    for (const b of facts.bindings) {
      const ctor = this.tableSource(b);
      if (!ctor) continue;
      let list = this.holdersOf.get(ctor);
      if (!list) this.holdersOf.set(ctor, (list = []));
      list.push(b);
    }
  }

  /** The constructor a binding always holds: `x = {...}` or `X = X or {...}`, assigned once. */
  tableSource(b: Binding): TableConstructorExpression | null {
    if (b.assignments.length !== 1 || b.kind === 'param') return null;
    const v = b.assignments[0]!.value;
    if (!v) return null;
    if (v.type === 'TableConstructorExpression') return v;
    if (v.type === 'LogicalExpression' && v.operator === 'or' && v.right.type === 'TableConstructorExpression' && isSelf(v.left, b.name)) {
      this.openCtors.add(v.right);
      return v.right;
    }
    return null;
  }

  holders(ctor: TableConstructorExpression): Binding[] {
    return this.holdersOf.get(ctor) ?? [];
  }

  source(range: Range): string {
    return this.text.slice(range[0], range[1]);
  }

  evaluate(node: Expression, env: Env, extra: Holder[] = [], depth = 0): Value {
    const range = node.range;
    if (depth > MAX_DEPTH) return { kind: 'unknown', range };
    switch (node.type) {
      case 'StringLiteral':
        return { kind: 'string', range, text: decodeLuaString(node.raw), literal: true, serialized: false };
      case 'NumericLiteral':
        return Number.isFinite(node.value)
          ? { kind: 'number', range, raw: node.raw, value: node.value }
          : { kind: 'non-finite', range, text: node.raw };
      case 'BooleanLiteral':
        return { kind: 'boolean', range };
      case 'NilLiteral':
        return { kind: 'nil', range };
      case 'FunctionDeclaration':
        return { kind: 'function', range };
      case 'TableConstructorExpression': {
        const holders: Holder[] = this.holders(node).map((binding) => ({ binding, prefix: [] }));
        return { kind: 'table', range, table: this.shape(node, env, holders.concat(extra), depth + 1) };
      }
      case 'Identifier':
        return this.identifier(node, env, extra, depth);
      case 'MemberExpression': {
        if (node.identifier.name === 'huge' && node.base.type === 'Identifier' && node.base.name === 'math') {
          return { kind: 'non-finite', range, text: 'math.huge' };
        }
        if (node.indexer !== '.') return { kind: 'unknown', range };
        const base = this.evaluate(node.base, env, [], depth + 1);
        if (base.kind !== 'table') return { kind: 'unknown', range };
        const entry = base.table.entries.find((e) => e.key.text === node.identifier.name);
        return entry ? { ...entry.value, range } : { kind: 'unknown', range };
      }
      case 'UnaryExpression': {
        if (node.operator === 'not') return { kind: 'boolean', range };
        if (node.operator !== '-') return { kind: 'unknown', range };
        const v = this.evaluate(node.argument, env, [], depth + 1);
        if (v.kind === 'number') return { kind: 'number', range, raw: `-${v.raw}`, value: -v.value };
        if (v.kind === 'non-finite') return { kind: 'non-finite', range, text: this.source(range) };
        return { kind: 'unknown', range };
      }
      case 'BinaryExpression': {
        if (node.operator === '..') return { kind: 'string', range, text: null, literal: false, serialized: false };
        if (['==', '~=', '<', '>', '<=', '>='].includes(node.operator)) return { kind: 'boolean', range };
        if (node.operator === '/') {
          const right = this.evaluate(node.right, env, [], depth + 1);
          if (right.kind === 'number' && right.value === 0) return { kind: 'non-finite', range, text: this.source(range) };
        }
        return { kind: 'unknown', range };
      }
      case 'LogicalExpression': {
        if (node.operator === 'or' && node.right.type === 'TableConstructorExpression') {
          const right = this.evaluate(node.right, env, extra, depth + 1);
          if (right.kind === 'table') return { ...right, range, table: { ...right.table, open: true } };
        }
        return { kind: 'unknown', range };
      }
      case 'CallExpression':
      case 'StringCallExpression':
      case 'TableCallExpression': {
        const callee = node.base;
        const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? callee.identifier.name : '';
        if (SERIALIZERS.has(name)) return { kind: 'string', range, text: null, literal: false, serialized: true };
        return { kind: 'unknown', range };
      }
      default:
        return { kind: 'unknown', range };
    }
  }

  private identifier(node: Identifier, env: Env, extra: Holder[], depth: number): Value {
    const range = node.range;
    const b = this.facts.refs.get(node);
    if (!b) return { kind: 'unknown', range };
    const arg = env.subst?.get(b);
    if (arg) {
      const v = this.evaluate(arg.node, arg.env, extra, depth + 1);
      return { ...v, via: v.via ?? arg.node.range };
    }
    if (b.kind === 'param') {
      if (b.fn) this.paramsSeen.add(b.fn);
      return { kind: 'unknown', range };
    }
    if (b.declaredFunction) return { kind: 'function', range };
    const memoable = extra.length === 0;
    const cached = memoable ? this.memo.get(b) : undefined;
    if (cached) return { ...cached, range, literal: false } as Value;
    if (this.resolving.has(b)) return { kind: 'unknown', range };
    this.resolving.add(b);
    let v = this.bindingValue(b, extra, depth);
    this.resolving.delete(b);
    if (memoable) this.memo.set(b, v);
    v = v.kind === 'string' ? { ...v, range, literal: false } : { ...v, range };
    return v;
  }

  private bindingValue(b: Binding, extra: Holder[], depth: number): Value {
    const range: Range = [0, 0];
    const list = b.assignments;
    if (list.length === 0) return { kind: 'unknown', range };
    if (list.length === 1) {
      const a = list[0]!;
      if (a.multi) return { kind: 'unknown', range };
      if (!a.value) return b.kind === 'local' ? { kind: 'nil', range } : { kind: 'unknown', range };
      return this.evaluate(a.value, ROOT_ENV, extra, depth + 1);
    }
    // Assigned several times: only "some table" survives, and only if every value is one.
    let nonEmpty = b.writes.length > 0;
    for (const a of list) {
      const v = a.value;
      if (!v) return { kind: 'unknown', range };
      const t = v.type === 'LogicalExpression' && v.operator === 'or' ? v.right : v;
      if (t.type !== 'TableConstructorExpression') return { kind: 'unknown', range };
      if (t.fields.length > 0) nonEmpty = true;
    }
    return { kind: 'table', range, table: { range: null, entries: [], filledUnknown: nonEmpty, open: true } };
  }

  key(node: Expression, env: Env, depth: number): Key {
    const range = node.range;
    if (node.type === 'StringLiteral') {
      return { form: 'string', text: decodeLuaString(node.raw), range, literal: { range, form: 'string' }, viaArgument: null };
    }
    const v = this.evaluate(node, env, [], depth + 1);
    const via = v.via ?? null;
    if (v.kind === 'number' && Number.isInteger(v.value)) {
      return { form: 'number', text: null, index: v.value, range, literal: null, viaArgument: via };
    }
    if (v.kind === 'string' && !v.serialized) {
      const literal = via && v.literal ? { range: v.range, form: 'string' as const } : null;
      return { form: 'expression', text: v.text, range: via ?? range, literal, viaArgument: via };
    }
    return { form: 'expression', text: null, range: via ?? range, literal: null, viaArgument: via };
  }

  shape(ctor: TableConstructorExpression, env: Env, holders: Holder[], depth: number): TableShape {
    const entries: Entry[] = [];
    let filledUnknown = false;
    let open = this.openCtors.has(ctor);
    let position = 0;
    const fields = ctor.fields;
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i]!;
      let key: Key;
      if (f.type === 'TableValue') {
        position++;
        if (i === fields.length - 1 && isMulti(f.value)) filledUnknown = true;
        key = { form: 'positional', text: null, index: position, range: f.value.range, literal: null, viaArgument: null };
      } else if (f.type === 'TableKeyString') {
        key = { form: 'name', text: f.key.name, range: f.key.range, literal: { range: f.key.range, form: 'name' }, viaArgument: null };
      } else {
        key = this.key(f.key, env, depth);
      }
      const value = this.evaluate(f.value, env, key.text === null ? [] : extend(holders, key.text), depth + 1);
      entries.push({ key, value, valueAt: value.via ?? key.range });
    }
    for (const h of holders) {
      if (h.binding.escapes) open = true;
      const n = h.prefix.length;
      for (const w of h.binding.writes) {
        if (w.path.length !== n + 1 || !startsWith(w.path.map((s) => s.text), h.prefix)) continue;
        const seg = w.path[n]!;
        let key: Key;
        if (seg.form === 'append' || !seg.node) {
          filledUnknown = true;
          continue;
        } else if (seg.form === 'name') {
          key = { form: 'name', text: seg.text, range: seg.node.range, literal: { range: seg.node.range, form: 'name' }, viaArgument: null };
        } else {
          key = this.key(seg.node as Expression, ROOT_ENV, depth);
          if (key.text === null && key.form !== 'number') {
            filledUnknown = true;
            continue;
          }
        }
        const value: Value = w.value
          ? this.evaluate(w.value, ROOT_ENV, key.text === null ? [] : extend(holders, key.text), depth + 1)
          : { kind: 'unknown', range: w.range };
        entries.push({ key, value, valueAt: key.range });
      }
    }
    return { range: ctor.range, entries, filledUnknown, open };
  }
}

function extend(holders: Holder[], text: string): Holder[] {
  const out: Holder[] = [];
  for (const h of holders) if (h.binding.writes.length > 0) out.push({ binding: h.binding, prefix: [...h.prefix, text] });
  return out;
}

function startsWith(path: (string | null)[], prefix: string[]): boolean {
  for (let i = 0; i < prefix.length; i++) if (path[i] !== prefix[i]) return false;
  return true;
}

function isMulti(e: Expression): boolean {
  return e.type === 'CallExpression' || e.type === 'TableCallExpression' || e.type === 'StringCallExpression' || e.type === 'VarargLiteral';
}

/** `X` in `X = X or {...}`, also for member paths (`State.x = State.x or {}`). */
export function isSelf(e: Expression, name: string): boolean {
  return pathName(e) === name;
}

export function pathName(e: Expression): string | null {
  if (e.type === 'Identifier') return e.name;
  if (e.type === 'MemberExpression' && e.indexer === '.') {
    const base = pathName(e.base);
    return base === null ? null : `${base}.${e.identifier.name}`;
  }
  return null;
}
