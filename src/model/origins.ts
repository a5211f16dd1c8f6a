// Where each patch message is sent from, for the map of exposed paths (`--print-paths`): at load
// time (and whether a persistent flag guards it), inside a handler (`Handlers.add('Name', ...)`),
// or in a function nothing in the file is seen to call. A send inside a helper is followed up
// through the file-local calls of that helper, so `syncBalance()` called by the `Transfer`
// handler and by the initial sync has both origins.
import type { Expression, FunctionDeclaration } from '../lua/ast.js';
import { decodeLuaString } from '../lua/strings.js';
import { bindingOf, type CallRecord, type Facts, type FunctionInfo } from './facts.js';
import type { Guards } from './guard.js';
import { pathName } from './lua-calls.js';
import type { SendOrigin } from './types.js';
import type { Wrappers } from './wrappers.js';

/** How far a send is followed up through the functions that call it. */
const MAX_CALLERS_DEPTH = 8;
/** `Handlers.add(name, pattern, handle)` and its siblings (aos 2.0: `Handlers.add(name, handle)` too). */
const HANDLER_ADDERS = /^Handlers\.(add|append|prepend|once)$/;

export class Origins {
  private handlers: Map<FunctionInfo, string> | null = null;

  constructor(private readonly facts: Facts, private readonly wrappers: Wrappers, private readonly guards: Guards) {}

  /** The origins of a message sent by these calls (or written in a wrapper called there), each once. */
  of(calls: Iterable<CallRecord>): SendOrigin[] {
    const out: SendOrigin[] = [];
    const seen = new Set<string>();
    const add = (origin: SendOrigin) => {
      const key = `${origin.kind}\0${origin.range[0]}\0${origin.kind === 'function' ? '' : origin.kind === 'handler' ? origin.name : origin.guarded}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push(origin);
    };
    for (const call of calls) this.climb(call, call, false, 0, new Set(), add);
    return out.sort((a, b) => a.range[0] - b.range[0]);
  }

  /**
   * `at` is the send, or a call that leads to it; `guarded`: a sound flag guard was already seen
   * on the way up (a helper that guards its own send runs it once, whoever calls it).
   */
  private climb(send: CallRecord, at: CallRecord, guarded: boolean, depth: number, seen: Set<FunctionInfo>, add: (o: SendOrigin) => void): void {
    const isGuarded = guarded || this.guards.isSound(at.branch);
    const fn = at.fn;
    if (fn === null) {
      add({ kind: 'load', range: at.node.range, throughCall: at.node !== send.node, guarded: isGuarded, flag: this.guards.around(at.branch)?.flag ?? null });
      return;
    }
    const handler = this.handlerName(fn);
    if (handler !== null) {
      add({ kind: 'handler', name: handler, range: at.node.range, throughCall: at.node !== send.node });
      return;
    }
    if (seen.has(fn) || depth >= MAX_CALLERS_DEPTH) return;
    seen.add(fn);
    const callers = this.wrappers.callsOf.get(fn) ?? [];
    for (const caller of callers) this.climb(send, caller, isGuarded, depth + 1, seen, add);
    if (callers.length > 0) return;
    // A function nothing calls by name: an anonymous callback runs where it is written (inside
    // its parent function); a named one may be called from another file or by aos itself.
    const parent = fn.parent;
    if (fn.name === null && parent !== null) {
      const inParent: CallRecord = { ...at, fn: parent, branch: null };
      this.climb(send, inParent, isGuarded, depth + 1, seen, add);
      return;
    }
    add({ kind: 'function', name: fn.name, range: at.node.range, throughCall: at.node !== send.node });
  }

  /** The name a handler function is added under, or null when it is no handler. */
  private handlerName(fn: FunctionInfo): string | null {
    if (this.handlers === null) this.handlers = this.findHandlers();
    return this.handlers.get(fn) ?? null;
  }

  private findHandlers(): Map<FunctionInfo, string> {
    const found = new Map<FunctionInfo, string>();
    for (const call of this.facts.calls) {
      const callee = pathName(call.callee);
      if (callee === null || !HANDLER_ADDERS.test(callee) || call.args.length < 2) continue;
      const handle = call.args.length >= 3 ? call.args[2]! : call.args[1]!;
      const fn = this.functionOf(handle);
      if (fn) found.set(fn, nameOf(call.args[0]!));
    }
    return found;
  }

  private functionOf(e: Expression): FunctionInfo | null {
    if (e.type === 'FunctionDeclaration') return this.facts.functionOf.get(e as FunctionDeclaration) ?? null;
    if (e.type === 'Identifier') return bindingOf(e)?.declaredFunction ?? null;
    return null;
  }
}

/** `'Transfer'`, or the expression as written (`Name .. '-Info'` → `<expression>`). */
function nameOf(e: Expression): string {
  if (e.type === 'StringLiteral') {
    const text = decodeLuaString(e.raw);
    if (text !== null) return text;
  }
  return pathName(e) ?? '<expression>';
}
