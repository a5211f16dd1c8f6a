// Builds the patch model of one file: which tables are patch messages, what they contain,
// what each exposes, where they are sent, and which sends run at load time under which guard.
import type { Chunk, TableConstructorExpression } from '../lua/ast.js';
import { Evaluator, ROOT_ENV } from './evaluate.js';
import { exposedEntries } from './exposed.js';
import type { Binding, CallRecord, Facts, FunctionInfo } from './facts.js';
import { Guards } from './guard.js';
import { PATCH_METHOD, classifyDevice, isCacheKey, isPatchField } from './keys.js';
import { isReadOnlyCall, pathName } from './lua-calls.js';
import type { KeyStyle, LoadTimeSend, PatchMessage, PatchModel, TableShape } from './types.js';
import { collectFacts } from './walk/index.js';
import { Wrappers } from './wrappers.js';

/** Work done while building a model (for tests that check linear growth without timing). */
export interface ModelStats {
  evaluations: number;
  writesRead: number;
  instances: number;
}

export interface ModelOptions {
  /** How root data keys are read (default 'cache'). */
  keyStyle?: KeyStyle;
  stats?: ModelStats;
}

export function buildModel(chunk: Chunk, text: string, options: ModelOptions = {}): PatchModel {
  const keyStyle = options.keyStyle ?? 'cache';
  const stats = options.stats;
  const facts = collectFacts(chunk);
  // No table with a `device`/`method` field: no patch and no send to follow (the text test of
  // prefilter.ts also lets through files that only mention the words).
  if (!mayHoldPatch(facts)) return emptyModel(keyStyle);
  const ev = new Evaluator(facts, text);
  const wrappers = new Wrappers(facts);
  const patches: PatchMessage[] = [];
  const sendCalls = new Set<CallRecord>();

  for (const ctor of candidateTables(facts, ev)) {
    ev.paramsSeen.clear();
    const template = toPatch(ev.evaluate(ctor, ROOT_ENV), ctor, null);
    let sent = template !== null;
    if (template) patches.push(template);
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
        if (instance) patches.push(instance);
        sent ||= instance !== null;
      }
    }
    if (!sent) continue;
    const direct = facts.ctorArgumentOf.get(ctor);
    if (direct) sendCalls.add(direct);
    // Printing or encoding the message (`print(json.encode(m))`) does not send it.
    for (const b of ev.holders(ctor)) for (const c of facts.argumentUses.get(b) ?? []) if (!isReadOnlyCall(c.callee)) sendCalls.add(c);
  }

  if (stats) {
    stats.evaluations += ev.evaluations;
    stats.writesRead += ev.writesRead;
  }
  return { keyStyle, patches, entries: exposedEntries(patches, keyStyle, text), loadTimeSends: loadTimeSends(facts, sendCalls, wrappers) };
}

export function emptyModel(keyStyle: KeyStyle): PatchModel {
  return { keyStyle, patches: [], entries: [], loadTimeSends: [] };
}

function toPatch(value: ReturnType<Evaluator['evaluate']>, ctor: TableConstructorExpression, via: PatchMessage['via']): PatchMessage | null {
  if (value.kind !== 'table') return null;
  const root: TableShape = value.table;
  let device: PatchMessage['device'] = null;
  let exact = false;
  let near = false;
  let cache: PatchMessage['cache'] = null;
  for (const e of root.entries) {
    const name = e.key.text?.toLowerCase();
    if (name === 'device' && e.value.kind === 'string' && e.value.text !== null) {
      device = { text: e.value.text, range: e.value.range, literal: e.value.literal ? e.value.range : null };
      const match = classifyDevice(e.value.text);
      if (match === 'exact') exact = true;
      if (match === 'near-miss') near = true;
    } else if (name === 'method' && e.value.kind === 'string' && e.value.text === PATCH_METHOD) {
      exact = true;
    } else if (cache === null && isCacheKey(e.key.text)) {
      cache = e;
    }
  }
  if (!exact && !near) return null;
  return { range: ctor.range, device, exact, root, cache, via };
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
function loadTimeSends(facts: Facts, sendCalls: Set<CallRecord>, wrappers: Wrappers): LoadTimeSend[] {
  const callsOf = wrappers.callsOf;
  const out: LoadTimeSend[] = [];
  const reported = new Set<CallRecord>();
  const guards = new Guards();
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
