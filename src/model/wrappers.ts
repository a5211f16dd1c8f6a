// File-local functions and their calls: which function a call targets (`f()`, `M.f()`,
// `M:f()`, `(function() ... end)()`), and the environments in which a wrapper's body is
// evaluated again, once per call, with the call's arguments standing in for its parameters.
//
// Linear by construction: each function's environments are computed once (memoised), each
// call contributes at most PER_CALL of them (several only when it passes its own caller's
// parameters on: wrappers of wrappers), and a per-file budget bounds the instances a file can
// produce, so neither deep wrapper chains nor many calls multiply the work.
import type { Expression, FunctionDeclaration } from '../lua/ast.js';
import { ROOT_ENV, type Env } from './evaluate.js';
import { bindingOf, type Binding, type CallRecord, type Facts, type FunctionInfo } from './facts.js';
import { protectedCallSkip } from './lua-calls.js';

/** Environments one call site may contribute through its own callers' arguments. */
const PER_CALL = 8;
/** Wrapper instances per file: a fixed floor plus a few per call written in the file. */
const BUDGET_FLOOR = 4096;
const BUDGET_PER_CALL = 8;
/** Wrappers of wrappers followed from one call (a generated chain can be thousands long). */
const MAX_CHAIN = 256;

export interface Instance {
  env: Env;
  call: CallRecord;
}

export class Wrappers {
  /** Calls by the file-local function they target. */
  readonly callsOf = new Map<FunctionInfo, CallRecord[]>();
  /** The file-local function each call targets (`pcall(f, a)` targets f). */
  private readonly targetOfCall = new Map<CallRecord, FunctionInfo>();
  private readonly envs = new Map<FunctionInfo, Instance[]>();
  private readonly inProgress = new Set<FunctionInfo>();
  private budget: number;
  /** Functions stored in table fields: `local M = { run = function() end }`, `M.run = function() end`. */
  private readonly fieldFunctions = new Map<string, FunctionInfo>();
  /** The arguments `pcall(f, ...)` passes to f. */
  private readonly protectedArgs = new Map<CallRecord, Expression[]>();

  /**
   * Bindings with functions stored under them (`function M.f()`, `M.f = function() end`): a
   * member call on any other binding (`table.insert`, `string.format`, `msg.reply`...) is
   * answered without building its key.
   */
  private readonly owners = new Set<number>();

  constructor(private readonly facts: Facts) {
    for (const key of facts.memberFunctions.keys()) this.owners.add(ownerId(key));
    // Separate methods, not loops of one constructor: V8 compiled such a constructor on stack
    // replacement in its first loop and dropped the code at the second loop, once per file.
    this.indexFieldFunctions();
    this.indexCalls();
    this.budget = BUDGET_FLOOR + BUDGET_PER_CALL * facts.calls.length;
  }

  private indexFieldFunctions(): void {
    for (const b of this.facts.bindings) {
      const only = b.assignments.length === 1 ? b.assignments[0]!.value : null;
      if (only?.type === 'TableConstructorExpression') {
        for (const f of only.fields) {
          if (f.type === 'TableKeyString' && f.value.type === 'FunctionDeclaration') this.addFieldFunction(b, f.key.name, f.value);
        }
      }
      for (const w of b.writes) {
        if (w.value?.type !== 'FunctionDeclaration' || w.path.some((s) => s.text === null)) continue;
        this.addFieldFunction(b, w.path.map((s) => s.text).join('.'), w.value);
      }
    }
  }

  private indexCalls(): void {
    const facts = this.facts;
    for (const call of facts.calls) {
      let target = this.calleeFunction(call.callee);
      // `pcall(f, a)` / `xpcall(f, handler, a)` call f(a): a protected initial sync still runs at load time.
      const skip = target ? 0 : protectedCallSkip(call.callee, call.callee.type === 'Identifier' && bindingOf(call.callee)?.kind === 'global');
      if (skip > 0 && call.args.length > 0) {
        target = this.calleeFunction(call.args[0]!);
        if (target) this.protectedArgs.set(call, call.args.slice(skip));
      }
      if (!target) continue;
      this.targetOfCall.set(call, target);
      const list = this.callsOf.get(target);
      if (list) list.push(call);
      else this.callsOf.set(target, [call]);
    }
  }

  /**
   * One environment per call of `fn` (its arguments substituted for its parameters); a call
   * that passes the caller's own parameters on gets one per environment of the caller (up to
   * PER_CALL), so `SyncAll('Key')` → `SendPatch(k, v)` resolves `k` to 'Key'. Every call site
   * gets at least one instance, with its own literal arguments.
   */
  instances(fn: FunctionInfo, chain = 0): Instance[] {
    const cached = this.envs.get(fn);
    if (cached) return cached;
    // Recursion follows wrappers of wrappers: stop long before the JS stack does (callers stay unknown).
    if (chain > MAX_CHAIN) return [];
    // A recursive call chain: its inner calls are evaluated with the caller's parameters unknown.
    if (this.inProgress.has(fn)) return [];
    this.inProgress.add(fn);
    const out: Instance[] = [];
    for (const call of this.callsOf.get(fn) ?? []) {
      const args = this.protectedArgs.get(call) ?? effectiveArguments(call);
      let callerEnvs: Env[] = [ROOT_ENV];
      if (call.fn && args.some((a) => readsParameterOf(this.facts, a, call.fn!))) {
        const outer = this.instances(call.fn, chain + 1);
        if (outer.length > 0) callerEnvs = outer.slice(0, PER_CALL).map((x) => x.env);
      }
      for (const callerEnv of callerEnvs) {
        const subst = new Map<Binding, { node: Expression; env: Env }>();
        fn.params.forEach((p, i) => {
          const node = args[i];
          if (node) subst.set(p, { node, env: callerEnv });
        });
        out.push({ env: { subst }, call });
      }
    }
    this.inProgress.delete(fn);
    this.envs.set(fn, out);
    return out;
  }

  /** The parameter of the called file-local function that receives `arg` of this call, if any. */
  parameterReceiving(call: CallRecord, arg: Expression): Binding | null {
    const fn = this.targetOfCall.get(call);
    if (!fn) return null;
    const index = (this.protectedArgs.get(call) ?? effectiveArguments(call)).indexOf(arg);
    return index >= 0 ? fn.params[index] ?? null : null;
  }

  /** The call runs its function through pcall/xpcall: an error raised in it is caught. */
  isProtected(call: CallRecord): boolean {
    return this.protectedArgs.has(call);
  }

  /** The expression naming the function a call runs: `f` in `f(a)` and in `pcall(f, a)`. */
  calledExpression(call: CallRecord): Expression {
    return this.protectedArgs.has(call) ? call.args[0]! : call.callee;
  }

  /** Takes up to `n` instance evaluations from the file's budget: how many may be evaluated (the rest stay silent). */
  take(n: number): number {
    const granted = Math.min(n, this.budget);
    this.budget -= granted;
    return granted;
  }

  calleeFunction(callee: Expression): FunctionInfo | null {
    const facts = this.facts;
    if (callee.type === 'FunctionDeclaration') return facts.functionOf.get(callee) ?? null;
    if (callee.type === 'Identifier') {
      const b = bindingOf(callee);
      return b ? functionOfBinding(facts, b) : null;
    }
    if (callee.type === 'MemberExpression') {
      let node: Expression = callee.base;
      while (node.type === 'MemberExpression') node = node.base;
      if (node.type !== 'Identifier') return null;
      const b = bindingOf(node);
      if (!b) return null;
      const names: string[] = [];
      for (node = callee; node.type === 'MemberExpression'; node = node.base) names.push(node.identifier.name);
      return this.memberFunction(b, names.reverse());
    }
    return null;
  }

  /** The function stored at `names` below a binding (`M.state.get` is M and ['state', 'get']). */
  memberFunction(b: Binding, names: readonly string[]): FunctionInfo | null {
    // In `function M:f()`, `self.g()` is taken for `M.g()` (how such methods are called).
    const self = this.facts.selfOwner.get(b);
    if (self === undefined && !this.owners.has(b.id)) return null;
    const key = `${self ?? String(b.id)}.${names.join('.')}`;
    const field = this.fieldFunctions.get(key);
    return this.facts.memberFunctions.get(key) ?? (field && field !== AMBIGUOUS ? field : null);
  }

  /** The function a binding holds (`local function f`, `function f`, `local f = function`). */
  functionOf(b: Binding): FunctionInfo | null {
    return functionOfBinding(this.facts, b);
  }

  private addFieldFunction(owner: Binding, path: string, node: FunctionDeclaration): void {
    const key = `${owner.id}.${path}`;
    const info = this.facts.functionOf.get(node);
    // The same field assigned two functions: which one a call reaches is not known.
    if (info && !this.facts.memberFunctions.has(key)) {
      this.fieldFunctions.set(key, this.fieldFunctions.has(key) ? AMBIGUOUS : info);
      this.owners.add(owner.id);
    }
  }
}

/** The binding id a member function key (`<binding id>.<path>`) starts with. */
function ownerId(key: string): number {
  return Number(key.slice(0, key.indexOf('.')));
}

/** Marks a field assigned more than one function (never returned as a call target). */
const AMBIGUOUS = {} as FunctionInfo;

function functionOfBinding(facts: Facts, b: Binding): FunctionInfo | null {
  if (b.declaredFunction) return b.declaredFunction;
  if (b.assignments.length !== 1) return null;
  const v = b.assignments[0]!.value;
  return v && v.type === 'FunctionDeclaration' ? facts.functionOf.get(v) ?? null : null;
}

/**
 * Arguments aligned with the parameters, as Lua does it: `M:f(a)` passes M first; a method
 * (`function M:f(x)`, parameters self, x) called as `M.f(a)` gets a as self.
 */
function effectiveArguments(call: CallRecord): Expression[] {
  const callee = call.callee;
  return callee.type === 'MemberExpression' && callee.indexer === ':' ? [callee.base, ...call.args] : call.args;
}

/** The argument is (or is a table built from) a parameter of `fn`: `f(k)`, `f({ [k] = v })`. */
function readsParameterOf(facts: Facts, arg: Expression, fn: FunctionInfo): boolean {
  const stack: Expression[] = [arg];
  let budget = 64;
  while (stack.length > 0 && budget-- > 0) {
    const e = stack.pop()!;
    if (e.type === 'Identifier') {
      const b = bindingOf(e);
      if (b && b.kind === 'param' && b.fn === fn) return true;
      // A local of the caller may hold a parameter (`local key = k`).
      if (b && b.kind === 'local' && b.fn === fn) return true;
    } else if (e.type === 'TableConstructorExpression') {
      for (const f of e.fields) {
        stack.push(f.value);
        if (f.type === 'TableKey') stack.push(f.key);
      }
    } else if (e.type === 'MemberExpression') {
      stack.push(e.base);
    }
  }
  return false;
}
