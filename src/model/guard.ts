// The `if` around a load-time send: does it test a persistent (global) flag and set it in the
// same branch, so that re-loading the script does not send the initial sync again?
import type { Expression } from '../lua-ast.js';
import { pathName } from './evaluate.js';
import type { BranchFrame, Facts } from './facts.js';
import type { GuardInfo, Range } from './types.js';

interface Flag {
  name: string;
  range: Range;
  rootName: string;
  root: Expression;
}

export function guardAround(facts: Facts, branch: BranchFrame | null): GuardInfo | null {
  let firstTested: Flag | null = null;
  for (let frame = branch; frame; frame = frame.parent) {
    for (const flag of flagsTested(frame)) {
      firstTested ??= flag;
      if (frame.assigned.has(flag.name)) return describe(facts, flag, true);
    }
  }
  return firstTested ? describe(facts, firstTested, false) : null;
}

function describe(facts: Facts, flag: Flag, setsFlag: boolean): GuardInfo {
  const binding = flag.root.type === 'Identifier' ? facts.refs.get(flag.root) : undefined;
  const flagIsLocal = !!binding && binding.kind !== 'global';
  let reinitialisedAt: Range | null = null;
  if (binding && !flagIsLocal) {
    const unconditional = <T extends { fn: unknown; branch: unknown }>(x: T) => x.fn === null && x.branch === null;
    const whole = binding.assignments.find((a) => unconditional(a) && !(a.value && defaultsToItself(a.value, flag.rootName)));
    if (whole) reinitialisedAt = whole.target;
    else if (flag.name !== flag.rootName) {
      const member = flag.name.slice(flag.rootName.length + 1);
      const write = binding.writes.find(
        (w) => unconditional(w) && w.path.map((s) => s.text).join('.') === member && !(w.value && defaultsToItself(w.value, flag.name)),
      );
      if (write) reinitialisedAt = write.range;
    }
  }
  return { flag: flag.name, flagRange: flag.range, flagIsLocal, setsFlag, reinitialisedAt };
}

/** `X = X or v` keeps the value across loads. */
function defaultsToItself(value: Expression, name: string): boolean {
  return value.type === 'LogicalExpression' && value.operator === 'or' && pathName(value.left) === name;
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
