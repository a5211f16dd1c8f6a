// The `if` around a load-time send: does it test a persistent (global) flag and set it in the
// same branch, so that re-loading the script does not send the initial sync again?
import type { Expression } from '../lua/ast.js';
import { bindingOf, type Binding, type BranchFrame } from './facts.js';
import { pathName } from './lua-calls.js';
import type { GuardInfo, Range } from './types.js';

interface Flag {
  name: string;
  range: Range;
  rootName: string;
  root: Expression;
}

/** The guards of one file, each computed once (keeps many sends linear). */
export class Guards {
  /** Guards by branch: every send in a branch shares one answer. */
  private readonly byBranch = new Map<BranchFrame, GuardInfo | null>();
  /** Where a global flag is reset unconditionally, by binding and flag path (one scan each). */
  private readonly resets = new Map<Binding, Map<string, Range | null>>();

  around(branch: BranchFrame | null): GuardInfo | null {
    if (!branch) return null;
    let guard = this.byBranch.get(branch);
    if (guard === undefined) {
      guard = this.find(branch);
      this.byBranch.set(branch, guard);
    }
    return guard;
  }

  /** A send inside a function under its own sound flag guard runs once, however often the function is called at load time. */
  isSound(branch: BranchFrame | null): boolean {
    const guard = this.around(branch);
    return guard !== null && guard.setsFlag && !guard.flagIsLocal && guard.reinitialisedAt === null;
  }

  private find(branch: BranchFrame): GuardInfo | null {
    let firstTested: Flag | null = null;
    for (let frame: BranchFrame | null = branch; frame; frame = frame.parent) {
      for (const flag of flagsTested(frame)) {
        firstTested ??= flag;
        if (frame.assigned.has(flag.name) || frame.assigned.has(globalAlias(flag.name))) return this.describe(flag, true);
      }
    }
    return firstTested ? this.describe(firstTested, false) : null;
  }

  private describe(flag: Flag, setsFlag: boolean): GuardInfo {
    const binding = flag.root.type === 'Identifier' ? bindingOf(flag.root) : undefined;
    // A field of a local is only re-initialised when the local holds a fresh table (`local S = {}`);
    // `local S = State` or a parameter may hold a persistent global table: not known, so not reported.
    const flagIsLocal = !!binding && binding.kind !== 'global' && (flag.name === flag.rootName || holdsFreshTable(binding));
    const reinitialisedAt = binding && binding.kind === 'global' ? this.resetOf(binding, flag) : null;
    return { flag: flag.name, flagRange: flag.range, flagIsLocal, setsFlag, reinitialisedAt };
  }

  private resetOf(binding: Binding, flag: Flag): Range | null {
    let byName = this.resets.get(binding);
    if (!byName) this.resets.set(binding, (byName = new Map()));
    let found = byName.get(flag.name);
    if (found === undefined) {
      found = findReset(binding, flag);
      byName.set(flag.name, found);
    }
    return found;
  }
}

function findReset(binding: Binding, flag: Flag): Range | null {
  const unconditional = <T extends { fn: unknown; branch: unknown }>(x: T) => x.fn === null && x.branch === null;
  const whole = binding.assignments.find((a) => unconditional(a) && !(a.value && defaultsToItself(a.value, flag.rootName)));
  if (whole) return whole.target;
  if (flag.name === flag.rootName) return null;
  const member = flag.name.slice(flag.rootName.length + 1);
  const write = binding.writes.find(
    (w) => unconditional(w) && w.path.map((s) => s.text).join('.') === member && !(w.value && defaultsToItself(w.value, flag.name)),
  );
  return write ? write.range : null;
}

function holdsFreshTable(binding: Binding): boolean {
  const only = binding.assignments.length === 1 ? binding.assignments[0]!.value : null;
  return binding.kind === 'local' && only !== null && only.type === 'TableConstructorExpression';
}

/** `_G.Flag` and `Flag` name the same global. */
function globalAlias(name: string): string {
  return name.startsWith('_G.') ? name.slice(3) : `_G.${name}`;
}

/** `X = X or v` keeps the value across loads; so may any value that reads X (`X == nil and v or X`): not a reset. */
function defaultsToItself(value: Expression, name: string): boolean {
  const stack: Expression[] = [value];
  while (stack.length > 0) {
    const e = stack.pop()!;
    if (pathName(e) === name) return true;
    if (e.type === 'LogicalExpression' || e.type === 'BinaryExpression') stack.push(e.left, e.right);
    else if (e.type === 'UnaryExpression') stack.push(e.argument);
  }
  return false;
}

/** Names and member paths a branch's condition reads (an `else` reads its siblings' conditions). */
function flagsTested(frame: BranchFrame): Flag[] {
  const conditions: Expression[] =
    frame.clause.type === 'ElseClause'
      ? frame.statement.clauses.flatMap((c) => (c.type === 'ElseClause' ? [] : [c.condition]))
      : [frame.clause.condition];
  const flags: Flag[] = [];
  const stack = [...conditions];
  while (stack.length > 0) {
    const e = stack.pop()!;
    const name = pathName(e);
    if (name !== null) {
      let root: Expression = e;
      while (root.type === 'MemberExpression') root = root.base;
      flags.push({ name, range: e.range, rootName: name.split('.')[0]!, root });
      continue;
    }
    if (e.type === 'BinaryExpression' || e.type === 'LogicalExpression') stack.push(e.right, e.left);
    else if (e.type === 'UnaryExpression') stack.push(e.argument);
  }
  return flags;
}
