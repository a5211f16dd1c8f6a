// Resolves expressions to the values and table shapes of types.ts, following plain local
// data flow recorded by the walk: constants, tables filled by later field writes, wrapper
// parameters substituted by call arguments, and the table a called function returns (in this
// file or in a module loaded with require). What it cannot know is 'unknown'.
import type { Expression, FunctionDeclaration, Identifier, Range, Statement, TableConstructorExpression } from '../lua/ast.js';
import { decodeLuaString } from '../lua/strings.js';
import { foldArithmetic } from './arithmetic.js';
import { bindingOf, type Binding, type Facts, type FieldWrite, type FunctionInfo } from './facts.js';
import { calleeName, isAoUnset, isMathHuge, isMulti, isSerializerCall, pathName } from './lua-calls.js';
import type { Entry, Key, ModuleFile, TableShape, Value } from './types.js';

/**
 * The function a call runs, and the evaluator of the file it is written in (this one, or a
 * module's); null when it is not known.
 */
export type CallTarget = (callee: Expression) => { fn: FunctionInfo; ev: Evaluator } | null;

export interface EvaluatorOptions {
  /** The module this evaluator reads (null: the linted file); stamped on every table shape. */
  module?: ModuleFile | null;
  /** Which function a call runs (call results are followed only through it). */
  callTarget?: CallTarget | null;
}

/** A wrapper call's arguments, standing in for the wrapper's parameters. */
export interface Env {
  subst: Map<Binding, { node: Expression; env: Env }> | null;
}
export const ROOT_ENV: Env = { subst: null };

interface Holder {
  binding: Binding;
  prefix: string[];
}

/** A binding's value as resolved once, with the wrapper functions whose parameters it read. */
interface Memo {
  value: Value;
  params: FunctionInfo[];
}

/** A binding's field writes grouped by the path of the table they write into (built once). */
interface WriteIndex {
  /** `m.cache.k = v` is filed under the key of ['cache']. */
  into: Map<string, FieldWrite[]>;
  /** Every proper prefix of a write path: is anything written below this path? */
  below: Set<string>;
}

const MAX_DEPTH = 24;

export class Evaluator {
  /** Parameters read while evaluating (a template that depends on them is a wrapper). */
  readonly paramsSeen = new Set<FunctionInfo>();
  /** Expressions evaluated so far (a work count: tests check it grows linearly with the input). */
  evaluations = 0;
  /** Field writes collected into table shapes so far (the same kind of work count). */
  writesRead = 0;
  private readonly holdersOf = new Map<TableConstructorExpression, Binding[]>();
  private readonly openCtors = new Set<TableConstructorExpression>();
  private readonly resolving = new Set<Binding>();
  private readonly memo = new Map<Binding, Memo>();
  private readonly writeIndex = new Map<Binding, WriteIndex>();
  /** Every parameter read, in order, so a memoised value can replay the ones it read. */
  private readonly paramLog: FunctionInfo[] = [];
  /** Named entries by key text, built once per shape (member lookups on big tables stay O(1)). */
  private readonly entriesByKey = new WeakMap<TableShape, Map<string, Entry | null>>();
  /** What each followed function returns (null: not a known table), resolved once. */
  private readonly returned = new Map<FunctionInfo, Value | null>();
  private readonly returning = new Set<FunctionInfo>();
  private readonly module: ModuleFile | null;
  private readonly callTarget: CallTarget | null;
  /** The file defines `ao.unset` itself (then it is whatever the file makes it). */
  readonly definesAoUnset: boolean;

  constructor(private readonly facts: Facts, private readonly text: string, options: EvaluatorOptions = {}) {
    this.module = options.module ?? null;
    this.callTarget = options.callTarget ?? null;
    const ao = facts.globals.get('ao');
    this.definesAoUnset = ao !== undefined && ao.writes.some((w) => w.path.length === 1 && w.path[0]!.text === 'unset');
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
    this.evaluations++;
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
        return { kind: 'nil', range, literal: true };
      case 'FunctionDeclaration':
        return { kind: 'function', range };
      case 'TableConstructorExpression': {
        const holders: Holder[] = this.holders(node).map((binding) => ({ binding, prefix: [] }));
        return { kind: 'table', range, table: this.shape(node, env, holders.concat(extra), depth + 1) };
      }
      case 'Identifier':
        return this.identifier(node, env, extra, depth);
      case 'MemberExpression': {
        if (isMathHuge(node)) return { kind: 'non-finite', range, text: 'math.huge' };
        // On released aos (up to 2.0.16) `ao.unset` is nil: the entry silently disappears.
        if (isAoUnset(node) && !this.definesAoUnset && bindingOf(node.base as Identifier)?.kind === 'global') return { kind: 'nil', range, literal: true, sentinel: true };
        if (node.indexer !== '.') return { kind: 'unknown', range };
        const base = this.evaluate(node.base, env, [], depth + 1);
        // Entries added under unknown keys (`t[k] = v`) may have replaced the field.
        if (base.kind !== 'table' || base.table.filledUnknown) return { kind: 'unknown', range };
        const entry = this.entryNamed(base.table, node.identifier.name);
        if (!entry) return { kind: 'unknown', range };
        // A field of a wrapper argument (`f({ From = 'x' })` read as `msg.From`) points at that field.
        const via = entry.value.via ?? (base.via ? entry.value.range : undefined);
        const value = entry.value.kind === 'nil' || entry.value.kind === 'string' ? { ...entry.value, literal: false } : entry.value;
        return via ? { ...value, range, via } : { ...value, range };
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
        const right = this.evaluate(node.right, env, [], depth + 1);
        if (node.operator === '/' && right.kind === 'number' && right.value === 0) return { kind: 'non-finite', range, text: this.source(range) };
        if (right.kind !== 'number') return { kind: 'unknown', range };
        const left = this.evaluate(node.left, env, [], depth + 1);
        const folded = left.kind === 'number' ? foldArithmetic(node.operator, left, right) : null;
        return folded ? { kind: 'number', range, ...folded } : { kind: 'unknown', range };
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
        if (isSerializerCall(node.base)) return { kind: 'string', range, text: null, literal: false, serialized: true };
        const result = this.callResult(node.base, depth);
        return result ? { ...result, range, callee: calleeName(node.base) } : { kind: 'unknown', range };
      }
      default:
        return { kind: 'unknown', range };
    }
  }

  /** The one entry named `name`; null when there is none or several (written twice: which one wins is not known). */
  private entryNamed(table: TableShape, name: string): Entry | null {
    let byKey = this.entriesByKey.get(table);
    if (!byKey) {
      byKey = new Map();
      for (const e of table.entries) if (e.key.text !== null) byKey.set(e.key.text, byKey.has(e.key.text) ? null : e);
      this.entriesByKey.set(table, byKey);
    }
    return byKey.get(name) ?? null;
  }

  private identifier(node: Identifier, env: Env, extra: Holder[], depth: number): Value {
    const range = node.range;
    const b = bindingOf(node);
    if (!b) return { kind: 'unknown', range };
    if (b.kind === 'param' && b.fn) this.noteParam(b.fn);
    // A parameter the body reassigns (`key = key:lower()`) or fills (`data.x = 1`) no longer
    // holds the argument as written: not substituted.
    const arg = b.assignments.length === 0 && b.writes.length === 0 ? env.subst?.get(b) : undefined;
    if (arg) {
      let v = this.evaluate(arg.node, arg.env, extra, depth + 1);
      // Passed on to another function, the argument table may be filled there.
      if (v.kind === 'table' && b.escapes && !v.table.open) v = { ...v, table: { ...v.table, open: true } };
      return { ...v, via: v.via ?? arg.node.range };
    }
    if (b.kind === 'param') return { kind: 'unknown', range };
    if (b.declaredFunction) return { kind: 'function', range };
    if (this.resolving.has(b)) return { kind: 'unknown', range };
    let v: Value;
    // Holders that write into this table (`m.cache.t.x = 1` for `cache = { t = T }`) change its
    // shape for this message only: evaluated without the memo. Holders that only make it
    // open (escaping, global) do not need a fresh evaluation.
    const writers = extra.filter((h) => this.writesBelow(h.binding, h.prefix));
    const cached = writers.length === 0 ? this.memo.get(b) : undefined;
    if (cached && (cached.params.length === 0 || env === ROOT_ENV)) {
      for (const fn of cached.params) this.noteParam(fn);
      v = cached.value;
    } else {
      const start = this.paramLog.length;
      this.resolving.add(b);
      v = this.bindingValue(b, env, writers.length > 0 ? extra : [], depth);
      this.resolving.delete(b);
      // A value that read wrapper parameters depends on the environment: memoised for the
      // template (ROOT_ENV) only. The memo keeps evaluation linear: a table referenced by
      // many messages is resolved once.
      const params = [...new Set(this.paramLog.slice(start))];
      if (writers.length === 0 && (params.length === 0 || env === ROOT_ENV)) this.memo.set(b, { value: v, params });
    }
    if (v.kind === 'table' && !v.table.open && extra.some((h) => opensTable(h.binding))) v = { ...v, table: { ...v.table, open: true } };
    return v.kind === 'string' || v.kind === 'nil' ? { ...v, range, literal: false } : { ...v, range };
  }

  /** Records that a wrapper parameter was read (the template depends on its calls' arguments). */
  private noteParam(fn: FunctionInfo): void {
    this.paramsSeen.add(fn);
    this.paramLog.push(fn);
  }

  private index(b: Binding): WriteIndex {
    let index = this.writeIndex.get(b);
    if (index) return index;
    index = { into: new Map(), below: new Set() };
    for (const w of b.writes) {
      let key = '';
      index.below.add(key);
      for (let i = 0; i < w.path.length - 1; i++) {
        const text = w.path[i]!.text;
        if (text === null) break;
        key += `${text}\0`;
        index.below.add(key);
        if (i === w.path.length - 2) {
          const list = index.into.get(key);
          if (list) list.push(w);
          else index.into.set(key, [w]);
        }
      }
      if (w.path.length === 1) {
        const list = index.into.get('');
        if (list) list.push(w);
        else index.into.set('', [w]);
      }
    }
    this.writeIndex.set(b, index);
    return index;
  }

  /** Field writes into the table at `prefix` of the binding (`m.cache.k = v` for ['cache']). */
  private writesInto(b: Binding, prefix: string[]): FieldWrite[] {
    return b.writes.length === 0 ? [] : this.index(b).into.get(pathKey(prefix)) ?? [];
  }

  /** Anything written into or below the table at `prefix` of the binding. */
  private writesBelow(b: Binding, prefix: string[]): boolean {
    return b.writes.length > 0 && this.index(b).below.has(pathKey(prefix));
  }

  /** The holders that still matter for the entry `text` of their table. */
  private extend(holders: Holder[], text: string): Holder[] {
    const out: Holder[] = [];
    for (const h of holders) {
      const prefix = [...h.prefix, text];
      if (opensTable(h.binding) || this.writesBelow(h.binding, prefix)) out.push({ binding: h.binding, prefix });
    }
    return out;
  }

  private bindingValue(b: Binding, env: Env, extra: Holder[], depth: number): Value {
    const range: Range = [0, 0];
    const list = b.assignments;
    if (list.length === 0) return { kind: 'unknown', range };
    if (list.length === 1) {
      const a = list[0]!;
      if (a.multi) return { kind: 'unknown', range };
      if (!a.value) return b.kind === 'local' ? { kind: 'nil', range, literal: false } : { kind: 'unknown', range };
      // The environment matters for a local of a wrapper (`local key = k` with k a parameter).
      const v = this.evaluate(a.value, env, extra, depth + 1);
      // A returned table that this binding fills or passes on (`local s = getState(); s.x = 1`)
      // holds more than the function's return shows.
      if (v.kind === 'table' && v.callee !== undefined && (b.writes.length > 0 || b.escapes || b.kind === 'global')) {
        return { ...v, table: { ...v.table, open: true, filledUnknown: v.table.filledUnknown || b.writes.length > 0 } };
      }
      return v;
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
    return { kind: 'table', range, table: { range: null, entries: [], filledUnknown: nonEmpty, open: true, module: this.module } };
  }

  /**
   * The table a call returns, when the function is known and returns one table the model knows
   * (its body ends with its only `return`, of a constructor or a variable resolved to one).
   * Evaluated once per function, without its parameters (they stay unknown).
   */
  private callResult(callee: Expression, depth: number): Value | null {
    const target = this.callTarget?.(callee);
    if (!target) return null;
    return target.ev.returnValue(target.fn, depth);
  }

  returnValue(fn: FunctionInfo, depth = 0): Value | null {
    const known = this.returned.get(fn);
    if (known !== undefined) return known;
    if (this.returning.has(fn)) return null;
    this.returning.add(fn);
    const expression = onlyReturn(fn.node);
    let value: Value | null = null;
    if (expression) {
      const v = this.evaluate(expression, ROOT_ENV, [], depth + 1);
      if (v.kind === 'table') value = v;
    }
    this.returning.delete(fn);
    this.returned.set(fn, value);
    return value;
  }

  key(node: Expression, env: Env, depth: number): Key {
    const range = node.range;
    if (node.type === 'StringLiteral') {
      return { form: 'string', text: decodeLuaString(node.raw), range, literal: { range, form: 'string' }, via: null };
    }
    const v = this.evaluate(node, env, [], depth + 1);
    const via = v.via ?? null;
    if (v.kind === 'number' && Number.isInteger(v.value)) {
      return { form: 'number', text: null, index: v.value, range: via ?? range, literal: null, via };
    }
    if (v.kind === 'string' && !v.serialized) {
      const literal = via && v.literal ? { range: v.range, form: 'string' as const } : null;
      return { form: 'expression', text: v.text, range: via ?? range, literal, via };
    }
    return { form: 'expression', text: null, range: via ?? range, literal: null, via };
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
        key = { form: 'positional', text: null, index: position, range: f.value.range, literal: null, via: null };
      } else if (f.type === 'TableKeyString') {
        key = { form: 'name', text: f.key.name, range: f.key.range, literal: { range: f.key.range, form: 'name' }, via: null };
      } else {
        key = this.key(f.key, env, depth);
      }
      const value = this.evaluate(f.value, env, key.text === null ? [] : this.extend(holders, key.text), depth + 1);
      entries.push({ key, value });
    }
    for (const h of holders) {
      if (opensTable(h.binding)) open = true;
      const n = h.prefix.length;
      for (const w of this.writesInto(h.binding, h.prefix)) {
        this.writesRead++;
        const seg = w.path[n]!;
        // `t.k = nil` removes an entry before the send; it is not a `k = nil` entry of the message.
        if (w.value?.type === 'NilLiteral') continue;
        let key: Key;
        if (seg.form === 'append' || !seg.node) {
          filledUnknown = true;
          continue;
        } else if (seg.form === 'name') {
          key = { form: 'name', text: seg.text, range: seg.node.range, literal: { range: seg.node.range, form: 'name' }, via: null };
        } else {
          // The environment substitutes a wrapper's parameters when the write is in the wrapper.
          key = this.key(seg.node as Expression, env, depth);
          if (key.text === null && key.form !== 'number') {
            filledUnknown = true;
            continue;
          }
        }
        let value: Value;
        if (!w.value) value = { kind: 'unknown', range: w.range };
        // `node.parent = node`: the table the holder names contains this one, which now contains it.
        else if (w.value.type === 'Identifier' && bindingOf(w.value) === h.binding) value = { kind: 'cycle', range: w.value.range };
        else value = this.evaluate(w.value, env, key.text === null ? [] : this.extend(holders, key.text), depth + 1);
        entries.push({ key, value });
      }
    }
    return { range: ctor.range, entries, filledUnknown, open, module: this.module };
  }
}

/** The expression of a function's only `return`, when it is the body's last statement. */
function onlyReturn(fn: FunctionDeclaration): Expression | null {
  const body = fn.body;
  const last = body[body.length - 1];
  if (!last || last.type !== 'ReturnStatement' || last.arguments.length === 0) return null;
  // Another `return` anywhere else in the body (not in a nested function) may give something else.
  const stack: Statement[] = body.slice(0, -1);
  while (stack.length > 0) {
    const st = stack.pop()!;
    switch (st.type) {
      case 'ReturnStatement':
        return null;
      case 'IfStatement':
        for (const c of st.clauses) stack.push(...c.body);
        break;
      case 'WhileStatement':
      case 'RepeatStatement':
      case 'DoStatement':
      case 'ForNumericStatement':
      case 'ForGenericStatement':
        stack.push(...st.body);
        break;
      default:
        break;
    }
  }
  return last.arguments[0]!;
}

/** A path as a map key: each segment ends with NUL, so [] and [''] differ. */
function pathKey(path: string[]): string {
  let key = '';
  for (const segment of path) key += `${segment}\0`;
  return key;
}

/**
 * Something else may fill the table: it was passed to a function other than a send, aliased,
 * stored in another table, or it is a global (other files and later evaluations can fill it).
 */
function opensTable(b: Binding): boolean {
  return b.escapes || b.kind === 'global';
}

/** `X` in `X = X or {...}`, also for member paths (`State.x = State.x or {}`). */
export function isSelf(e: Expression, name: string): boolean {
  return pathName(e) === name;
}
