// Builds the patch model of one file: which tables are patch messages, what they contain,
// what each exposes, where they are sent, and which sends run at load time under which guard.
import type { Chunk, Expression, TableConstructorExpression } from '../lua/ast.js';
import { ROOT_ENV, type Evaluator } from './evaluate.js';
import { exposedEntries } from './exposed.js';
import { bindingOf, type Binding, type BranchFrame, type CallRecord, type Facts, type FunctionInfo } from './facts.js';
import { Guards } from './guard.js';
import { PATCH_METHOD, classifyDevice, isCacheKey, isPatchField } from './keys.js';
import { isOutboxCall, isReadOnlyCall, pathName, raisesKind } from './lua-calls.js';
import { Analysis, type ModuleLoader } from './modules.js';
import { Origins } from './origins.js';
import type { KeyStyle, LoadTimeSend, LostOnError, PatchMessage, PatchModel, TableShape } from './types.js';
import { collectFacts } from './walk/index.js';
import type { Wrappers } from './wrappers.js';

/** Work done while building a model (for tests that check linear growth without timing). */
export interface ModelStats {
  evaluations: number;
  writesRead: number;
  instances: number;
}

export interface ModelOptions {
  /** How root data keys are read (default 'cache'). */
  keyStyle?: KeyStyle;
  /** The linted file's path (modules it requires are resolved from its folder). */
  filePath?: string;
  /** Reads the modules the file loads with `require` (none: call results stay within the file). */
  modules?: ModuleLoader | null;
  stats?: ModelStats;
}

export function buildModel(chunk: Chunk, text: string, options: ModelOptions = {}): PatchModel {
  const stats = options.stats;
  const keyStyle = options.keyStyle ?? 'cache';
  const facts = collectFacts(chunk);
  // No table with a `device`/`method` field: no patch and no send to follow (the text test of
  // prefilter.ts also lets through files that only mention the words).
  if (!mayHoldPatch(facts)) return emptyModel(keyStyle);
  const analysis = new Analysis({ filePath: options.filePath ?? '<text>', text }, facts, options.modules ?? null, false);
  const { ev, wrappers } = analysis;
  const patches: PatchMessage[] = [];
  const sendCalls = new Set<CallRecord>();
  const outbox = new Outbox(facts, ev, wrappers);
  const guards = new Guards();
  const origins = new Origins(facts, wrappers, guards);

  for (const ctor of candidateTables(facts, ev)) {
    ev.paramsSeen.clear();
    const found: { patch: PatchMessage; call: CallRecord | null }[] = [];
    const template = toPatch(ev.evaluate(ctor, ROOT_ENV), ctor, null);
    if (template) found.push({ patch: template, call: null });
    // A constructor that reads its function's parameters is a wrapper's template: checked
    // again at every call, as if the arguments were written there (also when the device
    // itself is a parameter, so the template alone is no patch).
    const fn = facts.ctorFunction.get(ctor) ?? null;
    if (fn && ev.paramsSeen.has(fn)) {
      const instances = wrappers.instances(fn);
      const granted = wrappers.take(instances.length);
      if (stats) stats.instances += granted;
      for (let i = 0; i < granted; i++) {
        const { env, call } = instances[i]!;
        const instance = toPatch(ev.evaluate(ctor, env), ctor, call.node.range);
        if (instance) found.push({ patch: instance, call });
      }
    }
    // `method = 'PATCH'` alone is also an HTTP request's field: such a table is a patch
    // message only when it reaches the outbox (a device string is AO's own).
    const sent = found.filter((f) => !f.patch.byMethodOnly || outbox.reaches(ctor));
    if (sent.length === 0) continue;
    const sentBy: CallRecord[] = [];
    const direct = facts.ctorArgumentOf.get(ctor);
    if (direct) sentBy.push(direct);
    // Printing or encoding the message (`print(json.encode(m))`) does not send it.
    for (const b of ev.holders(ctor)) for (const c of facts.argumentUses.get(b) ?? []) if (!isReadOnlyCall(c.callee)) sentBy.push(c);
    for (const c of sentBy) sendCalls.add(c);
    for (const { patch, call } of sent) {
      // A wrapper's instance is sent from where the wrapper is called.
      patch.origins = origins.of(call ? [call] : sentBy);
      patches.push(patch);
    }
  }

  if (stats) {
    stats.evaluations += ev.evaluations;
    stats.writesRead += ev.writesRead;
  }
  return {
    keyStyle,
    patches,
    entries: exposedEntries(patches, text, keyStyle),
    loadTimeSends: loadTimeSends(sendCalls, wrappers, guards),
    lostOnError: lostOnError(facts, sendCalls, wrappers),
    modules: analysis.dependencies(),
    definesAoUnset: ev.definesAoUnset,
  };
}

export function emptyModel(keyStyle: KeyStyle = 'cache'): PatchModel {
  return { keyStyle, patches: [], entries: [], loadTimeSends: [], lostOnError: [], modules: [], definesAoUnset: false };
}

function toPatch(value: ReturnType<Evaluator['evaluate']>, ctor: TableConstructorExpression, via: PatchMessage['via']): PatchMessage | null {
  if (value.kind !== 'table') return null;
  const root: TableShape = value.table;
  let device: PatchMessage['device'] = null;
  let exact = false;
  let near = false;
  let byMethod = false;
  let cache: PatchMessage['cache'] = null;
  for (const e of root.entries) {
    const name = e.key.text?.toLowerCase();
    if (name === 'device' && e.value.kind === 'string' && e.value.text !== null) {
      device = { text: e.value.text, range: e.value.range, literal: e.value.literal ? e.value.range : null };
      const match = classifyDevice(e.value.text);
      if (match === 'exact') exact = true;
      if (match === 'near-miss') near = true;
    } else if (name === 'method' && e.value.kind === 'string' && e.value.text === PATCH_METHOD) {
      byMethod = true;
    } else if (cache === null && isCacheKey(e.key.text)) {
      cache = e;
    }
  }
  if (!exact && !near && !byMethod) return null;
  return { range: ctor.range, device, exact: exact || byMethod, byMethodOnly: byMethod && !exact && !near, root, cache, via, origins: [] };
}

/** A write of a `device`/`method` field (`m.device = ...`): the table may become a patch message. */
function writesPatchField(b: Binding): boolean {
  const writes = b.writes;
  for (let i = 0; i < writes.length; i++) {
    const w = writes[i]!;
    const text = w.path.length === 1 ? w.path[0]!.text : null;
    if (text !== null && isPatchField(text)) return true;
  }
  return false;
}

/** Whether candidateTables can find anything (without building the evaluator it needs). */
function mayHoldPatch(facts: Facts): boolean {
  return facts.candidates.length > 0 || facts.bindings.some(writesPatchField);
}

/** Tables with a `device`/`method` field, written in the constructor or added later. */
function candidateTables(facts: Facts, ev: Evaluator): TableConstructorExpression[] {
  const out = facts.candidates.map((c) => c.node);
  const seen = new Set(out);
  for (const b of facts.bindings) {
    if (!writesPatchField(b)) continue;
    const ctor = ev.tableSource(b);
    if (ctor && !seen.has(ctor)) {
      seen.add(ctor);
      out.push(ctor);
      // The function where the table is built (a global's binding belongs to no function).
      if (!facts.ctorFunction.has(ctor)) facts.ctorFunction.set(ctor, b.assignments[0]!.fn);
    }
  }
  return out;
}

/** Sends at load time: direct ones, and load-time calls of functions that (transitively) send. */
function loadTimeSends(sendCalls: Set<CallRecord>, wrappers: Wrappers, guards: Guards): LoadTimeSend[] {
  const callsOf = wrappers.callsOf;
  const out: LoadTimeSend[] = [];
  const reported = new Set<CallRecord>();
  const add = (call: CallRecord, through: string | null) => {
    if (reported.has(call)) return;
    reported.add(call);
    out.push({ range: call.node.range, through, guard: guards.around(call.branch) });
  };
  const senders: FunctionInfo[] = [];
  const isSender = new Set<FunctionInfo>();
  for (const call of sendCalls) {
    if (call.fn === null) add(call, null);
    else if (!isSender.has(call.fn) && !guards.isSound(call.branch)) {
      isSender.add(call.fn);
      senders.push(call.fn);
    }
  }
  for (let i = 0; i < senders.length; i++) {
    const fn = senders[i]!;
    for (const call of callsOf.get(fn) ?? []) {
      // An anonymous function is named by the call that reaches it (`Sync.run` for `run = function() ... end`).
      if (call.fn === null) add(call, fn.name ?? pathName(wrappers.calledExpression(call)));
      else if (!isSender.has(call.fn) && !guards.isSound(call.branch)) {
        isSender.add(call.fn);
        senders.push(call.fn);
      }
    }
  }
  out.sort((a, b) => a.range[0] - b.range[0]);
  return out;
}

/** Whether a table reaches the outbox: passed (itself or a variable holding it) to a send, or to a file-local function that sends that parameter. */
class Outbox {
  private readonly known = new Map<Binding, boolean>();

  constructor(private readonly facts: Facts, private readonly ev: Evaluator, private readonly wrappers: Wrappers) {}

  reaches(ctor: TableConstructorExpression): boolean {
    const direct = this.facts.ctorArgumentOf.get(ctor);
    if (direct && this.sends(direct, ctor)) return true;
    return this.ev.holders(ctor).some((b) => this.bindingReaches(b));
  }

  private bindingReaches(b: Binding): boolean {
    const known = this.known.get(b);
    if (known !== undefined) return known;
    this.known.set(b, false); // a parameter passed back to its own function
    const uses = this.facts.argumentUses.get(b) ?? [];
    const found = uses.some((call) => this.sends(call, call.args.find((a) => a.type === 'Identifier' && bindingOf(a) === b)!));
    this.known.set(b, found);
    return found;
  }

  /** `call` sends `arg`: an outbox call, or a wrapper whose parameter for it reaches the outbox. */
  private sends(call: CallRecord, arg: Expression): boolean {
    const param = this.wrappers.parameterReceiving(call, arg);
    if (param) return this.bindingReaches(param);
    return isOutboxCall(call.callee, call.args);
  }
}

/**
 * Sends inside functions that, afterwards on the same path, call error(...) or assert(...): if
 * it raises, aos drops every message of the evaluation. Followed up through the file-local
 * functions that call the sender (the handler that calls a helper, then asserts); then the
 * diagnostic points at the call that leads to the send.
 */
function lostOnError(facts: Facts, sendCalls: Set<CallRecord>, wrappers: Wrappers): LostOnError[] {
  const raises = new Map<FunctionInfo, CallRecord[]>();
  for (const call of facts.calls) {
    if (call.fn !== null && raisesKind(call.callee, call.args) !== null) raises.set(call.fn, [...(raises.get(call.fn) ?? []), call]);
  }
  if (raises.size === 0) return [];
  const out: LostOnError[] = [];
  const reported = new Set<CallRecord>();
  const check = (send: CallRecord, at: CallRecord, level: number, seen: Set<FunctionInfo>) => {
    const fn = at.fn;
    if (fn === null || seen.has(fn) || isProtectedFunction(fn, wrappers)) return;
    seen.add(fn);
    const raise = (raises.get(fn) ?? []).find((r) => r.node.range[0] >= at.node.range[1] && onPathOf(r.branch, at.branch));
    if (raise) {
      if (!reported.has(at)) {
        reported.add(at);
        out.push({ range: at.node.range, raise: raise.node.range, kind: raisesKind(raise.callee, raise.args)! });
      }
      return;
    }
    if (level >= 8) return;
    for (const caller of wrappers.callsOf.get(fn) ?? []) if (!wrappers.isProtected(caller)) check(send, caller, level + 1, seen);
  };
  for (const send of sendCalls) check(send, send, 0, new Set());
  return out.sort((a, b) => a.range[0] - b.range[0]);
}

/**
 * Code in branch `raise`, written after code in branch `send`, can run after it in the same
 * call: unless they sit in different clauses of one `if` (the send's `then`, the error's `else`).
 */
function onPathOf(raise: BranchFrame | null, send: BranchFrame | null): boolean {
  const sendChain: (BranchFrame | null)[] = [];
  for (let b = send; b !== null; b = b.parent) sendChain.push(b);
  sendChain.push(null);
  // The innermost frame around both, and the frames just below it on each side.
  let raiseBelow: BranchFrame | null = null;
  for (let b = raise; ; b = b.parent) {
    const at = sendChain.indexOf(b);
    if (at >= 0) {
      const sendBelow = at > 0 ? sendChain[at - 1]! : null;
      return !(sendBelow !== null && raiseBelow !== null && sendBelow.statement === raiseBelow.statement);
    }
    raiseBelow = b;
    if (b === null) return true;
  }
}

/** A function only ever run through pcall/xpcall (an error in it is caught). */
function isProtectedFunction(fn: FunctionInfo, wrappers: Wrappers): boolean {
  const calls = wrappers.callsOf.get(fn) ?? [];
  return calls.length > 0 && calls.every((c) => wrappers.isProtected(c));
}
