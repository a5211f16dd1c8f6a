// Builds the patch model of one file: which tables are patch messages, what they contain,
// where they are sent, and which sends run at load time under which guard.
import type { Chunk, Expression, TableConstructorExpression } from '../lua-ast.js';
import { classifyDevice } from './device.js';
import { Evaluator, ROOT_ENV, type Env } from './evaluate.js';
import type { Binding, CallRecord, Facts, FunctionInfo } from './facts.js';
import { guardAround } from './guard.js';
import type { LoadTimeSend, PatchMessage, PatchModel, TableShape } from './types.js';
import { collectFacts } from './walk.js';

export type * from './types.js';

const MAX_INSTANCES = 64;
const MAX_WRAPPER_DEPTH = 3;

export function buildModel(chunk: Chunk, text: string): PatchModel {
  const facts = collectFacts(chunk);
  const ev = new Evaluator(facts, text);
  const callsOf = indexCalls(facts);
  const patches: PatchMessage[] = [];
  const sendCalls = new Set<CallRecord>();

  for (const ctor of candidateTables(facts, ev)) {
    ev.paramsSeen.clear();
    const template = toPatch(ev.evaluate(ctor, ROOT_ENV), ctor, null);
    if (!template) continue;
    patches.push(template);
    const fn = facts.ctorFunction.get(ctor) ?? null;
    if (fn && ev.paramsSeen.has(fn)) {
      for (const { env, call } of envsFor(fn, callsOf, 0)) {
        const instance = toPatch(ev.evaluate(ctor, env), ctor, call.node.range);
        if (instance) patches.push(instance);
      }
    }
    const direct = facts.ctorArgumentOf.get(ctor);
    if (direct) sendCalls.add(direct);
    for (const b of ev.holders(ctor)) for (const c of facts.argumentUses.get(b) ?? []) sendCalls.add(c);
  }

  return { patches, loadTimeSends: loadTimeSends(facts, sendCalls, callsOf) };
}

function toPatch(value: ReturnType<Evaluator['evaluate']>, ctor: TableConstructorExpression, viaCall: PatchMessage['viaCall']): PatchMessage | null {
  if (value.kind !== 'table') return null;
  const root: TableShape = value.table;
  let device: PatchMessage['device'] = null;
  let exact = false;
  let near = false;
  for (const e of root.entries) {
    const name = e.key.text?.toLowerCase();
    if (name === 'device' && e.value.kind === 'string' && e.value.text !== null) {
      device = { text: e.value.text, range: e.value.range, literal: e.value.literal ? e.value.range : null };
      const match = classifyDevice(e.value.text);
      if (match === 'exact') exact = true;
      if (match === 'near-miss') near = true;
    } else if (name === 'method' && e.value.kind === 'string' && e.value.text === 'PATCH') {
      exact = true;
    }
  }
  if (!exact && !near) return null;
  return { range: ctor.range, device, exact, root, viaCall };
}

/** Tables with a `device`/`method` field, written in the constructor or added later. */
function candidateTables(facts: Facts, ev: Evaluator): TableConstructorExpression[] {
  const out = facts.candidates.map((c) => c.node);
  const seen = new Set(out);
  for (const b of facts.bindings) {
    if (!b.writes.some((w) => w.path.length === 1 && /^(device|method)$/i.test(w.path[0]!.text ?? ''))) continue;
    const ctor = ev.tableSource(b);
    if (ctor && !seen.has(ctor)) {
      seen.add(ctor);
      out.push(ctor);
      if (!facts.ctorFunction.has(ctor)) facts.ctorFunction.set(ctor, b.fn);
    }
  }
  return out;
}

/** The file-local function a call targets: `f()`, `M.f()`, `M:f()`. */
function indexCalls(facts: Facts): Map<FunctionInfo, CallRecord[]> {
  const byFunction = new Map<FunctionInfo, CallRecord[]>();
  for (const call of facts.calls) {
    const target = calleeFunction(facts, call.callee);
    if (!target) continue;
    let list = byFunction.get(target);
    if (!list) byFunction.set(target, (list = []));
    list.push(call);
  }
  return byFunction;
}

function calleeFunction(facts: Facts, callee: Expression): FunctionInfo | null {
  if (callee.type === 'Identifier') {
    const b = facts.refs.get(callee);
    return b ? functionOfBinding(facts, b) : null;
  }
  if (callee.type === 'MemberExpression') {
    const names: string[] = [];
    let node: Expression = callee;
    while (node.type === 'MemberExpression') {
      names.unshift(node.identifier.name);
      node = node.base;
    }
    if (node.type !== 'Identifier') return null;
    const b = facts.refs.get(node);
    return b ? facts.memberFunctions.get(`${b.id}.${names.join('.')}`) ?? null : null;
  }
  return null;
}

function functionOfBinding(facts: Facts, b: Binding): FunctionInfo | null {
  if (b.declaredFunction) return b.declaredFunction;
  if (b.assignments.length !== 1) return null;
  const v = b.assignments[0]!.value;
  return v && v.type === 'FunctionDeclaration' ? facts.functionOf.get(v) ?? null : null;
}

/** One environment per call of a wrapper, following wrappers of wrappers a few levels up. */
function envsFor(fn: FunctionInfo, callsOf: Map<FunctionInfo, CallRecord[]>, depth: number): { env: Env; call: CallRecord }[] {
  const out: { env: Env; call: CallRecord }[] = [];
  for (const call of callsOf.get(fn) ?? []) {
    const args = effectiveArguments(call, fn);
    const callerEnvs: Env[] =
      call.fn && depth < MAX_WRAPPER_DEPTH && args.some((a) => a.type === 'Identifier')
        ? envsFor(call.fn, callsOf, depth + 1).map((x) => x.env)
        : [];
    if (callerEnvs.length === 0) callerEnvs.push(ROOT_ENV);
    for (const callerEnv of callerEnvs) {
      const subst = new Map<Binding, { node: Expression; env: Env }>();
      fn.params.forEach((p, i) => {
        const node = args[i];
        if (node) subst.set(p, { node, env: callerEnv });
      });
      out.push({ env: { subst }, call });
      if (out.length >= MAX_INSTANCES) return out;
    }
  }
  return out;
}

/** Arguments aligned with the parameters, accounting for `:` calls and `:` definitions. */
function effectiveArguments(call: CallRecord, fn: FunctionInfo): Expression[] {
  const colonCall = call.callee.type === 'MemberExpression' && call.callee.indexer === ':';
  if (colonCall && call.callee.type === 'MemberExpression') return [call.callee.base, ...call.args];
  if (fn.isMethod && !colonCall) return call.args;
  return call.args;
}

/** Sends at load time: direct ones, and load-time calls of functions that (transitively) send. */
function loadTimeSends(facts: Facts, sendCalls: Set<CallRecord>, callsOf: Map<FunctionInfo, CallRecord[]>): LoadTimeSend[] {
  const out: LoadTimeSend[] = [];
  const reported = new Set<CallRecord>();
  const add = (call: CallRecord, through: string | null) => {
    if (reported.has(call)) return;
    reported.add(call);
    out.push({ range: call.node.range, through, guard: guardAround(facts, call.branch) });
  };
  const senders: FunctionInfo[] = [];
  const isSender = new Set<FunctionInfo>();
  for (const call of sendCalls) {
    if (call.fn === null) add(call, null);
    else if (!isSender.has(call.fn)) {
      isSender.add(call.fn);
      senders.push(call.fn);
    }
  }
  for (let i = 0; i < senders.length; i++) {
    const fn = senders[i]!;
    for (const call of callsOf.get(fn) ?? []) {
      if (call.fn === null) add(call, fn.name);
      else if (!isSender.has(call.fn)) {
        isSender.add(call.fn);
        senders.push(call.fn);
      }
    }
  }
  out.sort((a, b) => a.range[0] - b.range[0]);
  return out;
}
