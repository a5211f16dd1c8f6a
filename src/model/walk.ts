// One iterative walk (an explicit stack: real ASTs nest deeper than the JS call stack allows)
// that resolves every identifier to its binding and records the facts of facts.ts.
import type {
  AnyCall, Chunk, Expression, FunctionDeclaration, Identifier, IfStatement, Clause, Node, Statement,
  TableConstructorExpression, TableField,
} from '../lua-ast.js';
import { decodeLuaString } from '../text.js';
import type {
  Binding, BranchFrame, CallRecord, Facts, FieldWrite, FunctionInfo, Segment,
} from './facts.js';

interface Scope {
  vars: Map<string, Binding> | null;
  parent: Scope | null;
}

interface Context {
  scope: Scope;
  fn: FunctionInfo | null;
  branch: BranchFrame | null;
}

type Work =
  | { node: Node; ctx: Context }
  | { declare: Identifier[]; ctx: Context; values: Expression[] | null }
  | { enterBranch: Clause; statement: IfStatement; ctx: Context };

export function collectFacts(chunk: Chunk): Facts {
  const facts: Facts = {
    refs: new Map(),
    globals: new Map(),
    bindings: [],
    calls: [],
    functions: [],
    memberFunctions: new Map(),
    selfOwner: new Map(),
    candidates: [],
    ctorArgumentOf: new Map(),
    argumentUses: new Map(),
    ctorFunction: new Map(),
    functionOf: new Map(),
  };
  let nextId = 0;

  const newBinding = (name: string, kind: Binding['kind'], fn: FunctionInfo | null, paramIndex = -1): Binding => {
    const b: Binding = { id: nextId++, name, kind, fn, paramIndex, assignments: [], writes: [], escapes: false, declaredFunction: null };
    facts.bindings.push(b);
    return b;
  };

  const lookup = (scope: Scope, name: string): Binding => {
    for (let s: Scope | null = scope; s; s = s.parent) {
      const b = s.vars?.get(name);
      if (b) return b;
    }
    let g = facts.globals.get(name);
    if (!g) {
      g = newBinding(name, 'global', null);
      facts.globals.set(name, g);
    }
    return g;
  };

  const declare = (scope: Scope, id: Identifier, binding: Binding) => {
    (scope.vars ??= new Map()).set(id.name, binding);
    facts.refs.set(id, binding);
  };

  const child = (ctx: Context): Context => ({ scope: { vars: null, parent: ctx.scope }, fn: ctx.fn, branch: ctx.branch });

  /** Records the target name in every enclosing branch (for guard analysis). */
  const markAssigned = (ctx: Context, name: string, target: Expression) => {
    for (let f = ctx.branch; f; f = f.parent) if (!f.assigned.has(name)) f.assigned.set(name, target.range);
  };

  const stack: Work[] = [];
  const top: Context = { scope: { vars: null, parent: null }, fn: null, branch: null };
  pushBody(chunk.body, top);

  function pushBody(body: Statement[], ctx: Context) {
    for (let i = body.length - 1; i >= 0; i--) stack.push({ node: body[i]!, ctx });
  }
  function pushExprs(list: readonly (Expression | null | undefined)[], ctx: Context) {
    for (let i = list.length - 1; i >= 0; i--) {
      const e = list[i];
      if (e) stack.push({ node: e, ctx });
    }
  }

  /** `a.b[c].d` → root identifier and path; null when the root is not a plain name. */
  function pathOf(target: Expression, ctx: Context): { root: Identifier; path: Segment[] } | null {
    const path: Segment[] = [];
    let node: Expression = target;
    for (;;) {
      if (node.type === 'MemberExpression') {
        path.push({ text: node.identifier.name, node: node.identifier, form: 'name' });
        node = node.base;
      } else if (node.type === 'IndexExpression') {
        const idx = node.index;
        if (idx.type === 'StringLiteral') path.push({ text: decodeLuaString(idx.raw), node: idx, form: 'string' });
        else path.push({ text: null, node: idx, form: 'expression' });
        stack.push({ node: idx, ctx });
        node = node.base;
      } else if (node.type === 'Identifier') {
        path.reverse();
        return { root: node, path };
      } else {
        stack.push({ node, ctx });
        return null;
      }
    }
  }

  function recordAssignment(target: Expression, value: Expression | null, multi: boolean, ctx: Context) {
    if (target.type === 'Identifier') {
      const b = lookup(ctx.scope, target.name);
      facts.refs.set(target, b);
      b.assignments.push({ value, multi, target: target.range, fn: ctx.fn, branch: ctx.branch });
      markAssigned(ctx, target.name, target);
      if (value) markAliased(value, ctx);
      return;
    }
    const p = pathOf(target, ctx);
    if (!p) return;
    const b = lookup(ctx.scope, p.root.name);
    facts.refs.set(p.root, b);
    const write: FieldWrite = { path: p.path, value, range: target.range, fn: ctx.fn, branch: ctx.branch };
    b.writes.push(write);
    // A value stored into a patch message is followed by the model (it is what gets sent);
    // stored anywhere else, it gets a second name through which it may be filled.
    if (value && !holdsPatch(b)) markAliased(value, ctx);
    const named = p.path.every((s) => s.form === 'name');
    if (named) markAssigned(ctx, [p.root.name, ...p.path.map((s) => s.text)].join('.'), target);
  }

  function visitFunction(node: FunctionDeclaration, ctx: Context, name: string | null, isMethod: boolean) {
    const info: FunctionInfo = { node, name, params: [], isMethod, parent: ctx.fn };
    facts.functions.push(info);
    facts.functionOf.set(node, info);
    const inner: Context = { scope: { vars: null, parent: ctx.scope }, fn: info, branch: null };
    let index = 0;
    if (isMethod) {
      const self = newBinding('self', 'param', info, index++);
      (inner.scope.vars ??= new Map()).set('self', self);
      info.params.push(self);
    }
    for (const p of node.parameters) {
      if (p.type !== 'Identifier') continue;
      const b = newBinding(p.name, 'param', info, index++);
      declare(inner.scope, p, b);
      info.params.push(b);
    }
    pushBody(node.body, inner);
    return info;
  }

  function visitCall(node: AnyCall, ctx: Context) {
    const args: Expression[] =
      node.type === 'CallExpression' ? node.arguments : node.type === 'TableCallExpression' ? [node.arguments] : [node.argument];
    const record: CallRecord = { node, callee: node.base, args, fn: ctx.fn, branch: ctx.branch };
    facts.calls.push(record);
    for (const a of args) {
      if (a.type === 'TableConstructorExpression') facts.ctorArgumentOf.set(a, record);
    }
    // table.insert(t.x, v) fills t.x with unknown positional entries.
    const callee = node.base;
    if (
      callee.type === 'MemberExpression' && callee.identifier.name === 'insert' && callee.base.type === 'Identifier' &&
      callee.base.name === 'table' && args.length >= 2
    ) {
      const p = pathOf(args[0]!, ctx);
      if (p) {
        const b = lookup(ctx.scope, p.root.name);
        facts.refs.set(p.root, b);
        b.writes.push({ path: [...p.path, { text: null, node: null, form: 'append' }], value: args[args.length - 1]!, range: node.range, fn: ctx.fn, branch: ctx.branch });
      }
    }
    stack.push({ node: node.base, ctx });
    pushExprs(args, ctx);
    // Identifiers passed as arguments: remembered for sends and escapes (resolved when popped).
    for (const a of args) if (a.type === 'Identifier') pendingArgs.set(a, record);
  }
  const pendingArgs = new Map<Identifier, CallRecord>();
  /** Table constructors nested in a patch message's constructor. */
  const insidePatch = new Set<TableConstructorExpression>();

  /** `local m = { device = 'patch@1.0', ... }`: the binding holds a patch message. */
  function holdsPatch(b: Binding): boolean {
    const value = b.assignments.length === 1 ? b.assignments[0]!.value : null;
    return value !== null && value.type === 'TableConstructorExpression' && isPatchCandidate(value);
  }

  function isPatchCandidate(node: TableConstructorExpression): boolean {
    for (const f of node.fields) {
      let name: string | null = null;
      if (f.type === 'TableKeyString') name = f.key.name;
      else if (f.type === 'TableKey' && f.key.type === 'StringLiteral') name = decodeLuaString(f.key.raw);
      if (name) {
        const lower = name.toLowerCase();
        if (lower === 'device' || lower === 'method') return true;
      }
    }
    return false;
  }

  function visitField(f: TableField, ctx: Context) {
    if (f.type === 'TableKey') stack.push({ node: f.key, ctx });
    stack.push({ node: f.value, ctx });
  }

  while (stack.length > 0) {
    const work = stack.pop()!;
    if ('declare' in work) {
      const { declare: ids, ctx, values } = work;
      const last = values ? values.length - 1 : -1;
      const multiTail = last >= 0 && isMulti(values![last]!);
      ids.forEach((id, i) => {
        const b = newBinding(id.name, 'local', ctx.fn);
        // Loop variables (values === null) hold values the analysis does not know.
        if (values === null) b.assignments.push({ value: null, multi: true, target: id.range, fn: ctx.fn, branch: ctx.branch });
        else b.assignments.push({ value: i <= last ? values[i]! : null, multi: i > last && multiTail, target: id.range, fn: ctx.fn, branch: ctx.branch });
        declare(ctx.scope, id, b);
      });
      continue;
    }
    if ('enterBranch' in work) {
      const { enterBranch: clause, statement, ctx } = work;
      const inner: Context = { scope: { vars: null, parent: ctx.scope }, fn: ctx.fn, branch: { clause, statement, parent: ctx.branch, assigned: new Map() } };
      pushBody(clause.body, inner);
      continue;
    }
    const { node, ctx } = work;
    switch (node.type) {
      case 'LocalStatement':
        for (const e of node.init) markAliased(e, ctx);
        stack.push({ declare: node.variables, ctx, values: node.init });
        pushExprs(node.init, ctx);
        break;
      case 'AssignmentStatement': {
        const last = node.init.length - 1;
        const multiTail = last >= 0 && isMulti(node.init[last]!);
        node.variables.forEach((target, i) => {
          const value = i < node.init.length ? node.init[i]! : null;
          recordAssignment(target, i > last && multiTail ? null : value, i > last && multiTail, ctx);
        });
        pushExprs(node.init, ctx);
        break;
      }
      case 'CallStatement':
        stack.push({ node: node.expression, ctx });
        break;
      case 'CallExpression':
      case 'TableCallExpression':
      case 'StringCallExpression':
        visitCall(node, ctx);
        break;
      case 'FunctionDeclaration': {
        const id = node.identifier;
        if (id === null) {
          visitFunction(node, ctx, null, false);
        } else if (id.type === 'Identifier') {
          let b: Binding;
          if (node.isLocal) {
            b = newBinding(id.name, 'local', ctx.fn);
            declare(ctx.scope, id, b);
          } else {
            b = lookup(ctx.scope, id.name);
            facts.refs.set(id, b);
            markAssigned(ctx, id.name, id);
          }
          const info = visitFunction(node, ctx, id.name, false);
          b.assignments.push({ value: node, multi: false, target: id.range, fn: ctx.fn, branch: ctx.branch });
          b.declaredFunction = info;
        } else {
          // function M.f() / function M:f(): keyed by the root binding and the member path.
          const p = pathOf(id, ctx);
          const info = visitFunction(node, ctx, memberName(id), id.indexer === ':');
          if (p) {
            const b = lookup(ctx.scope, p.root.name);
            facts.refs.set(p.root, b);
            facts.memberFunctions.set(`${b.id}.${p.path.map((s) => s.text).join('.')}`, info);
            if (info.isMethod) facts.selfOwner.set(info.params[0]!, [b.id, ...p.path.slice(0, -1).map((s) => s.text)].join('.'));
          }
        }
        break;
      }
      case 'IfStatement':
        for (let i = node.clauses.length - 1; i >= 0; i--) {
          const clause = node.clauses[i]!;
          stack.push({ enterBranch: clause, statement: node, ctx });
          if (clause.type !== 'ElseClause') stack.push({ node: clause.condition, ctx });
        }
        break;
      case 'WhileStatement':
        pushBody(node.body, child(ctx));
        stack.push({ node: node.condition, ctx });
        break;
      case 'RepeatStatement': {
        const inner = child(ctx);
        stack.push({ node: node.condition, ctx: inner });
        pushBody(node.body, inner);
        break;
      }
      case 'DoStatement':
        pushBody(node.body, child(ctx));
        break;
      case 'ForNumericStatement': {
        const inner = child(ctx);
        pushBody(node.body, inner);
        stack.push({ declare: [node.variable], ctx: inner, values: null });
        pushExprs([node.start, node.end, node.step], ctx);
        break;
      }
      case 'ForGenericStatement': {
        const inner = child(ctx);
        pushBody(node.body, inner);
        stack.push({ declare: node.variables, ctx: inner, values: null });
        pushExprs(node.iterators, ctx);
        break;
      }
      case 'ReturnStatement':
        for (const a of node.arguments) if (a.type === 'Identifier') markEscape(a, ctx);
        pushExprs(node.arguments, ctx);
        break;
      case 'Identifier': {
        if (!facts.refs.has(node)) facts.refs.set(node, lookup(ctx.scope, node.name));
        const call = pendingArgs.get(node);
        if (call) {
          pendingArgs.delete(node);
          const b = facts.refs.get(node)!;
          // Sending a table cannot fill it before it is sent; any other call might.
          if (!isSendCall(call) && !isReadOnlyCall(call)) b.escapes = true;
          let uses = facts.argumentUses.get(b);
          if (!uses) facts.argumentUses.set(b, (uses = []));
          uses.push(call);
        }
        break;
      }
      case 'TableConstructorExpression': {
        const candidate = isPatchCandidate(node);
        if (candidate) {
          facts.candidates.push({ node, fn: ctx.fn });
          facts.ctorFunction.set(node, ctx.fn);
        }
        // A table stored in another table may be filled through it; one stored in a patch
        // message (at any depth) is followed by the model itself.
        const inPatch = candidate || insidePatch.has(node);
        for (const f of node.fields) {
          if (!inPatch) markAliased(f.value, ctx);
          else if (f.value.type === 'TableConstructorExpression') insidePatch.add(f.value);
        }
        for (let i = node.fields.length - 1; i >= 0; i--) visitField(node.fields[i]!, ctx);
        break;
      }
      case 'BinaryExpression':
      case 'LogicalExpression':
        stack.push({ node: node.right, ctx }, { node: node.left, ctx });
        break;
      case 'UnaryExpression':
        stack.push({ node: node.argument, ctx });
        break;
      case 'MemberExpression':
        if (node.indexer === ':' && node.base.type === 'Identifier') markEscape(node.base, ctx);
        stack.push({ node: node.base, ctx });
        break;
      case 'IndexExpression':
        stack.push({ node: node.index, ctx }, { node: node.base, ctx });
        break;
      default:
        // Literals, break, goto, labels: nothing to record.
        break;
    }
  }
  return facts;

  /** `local u = t`, `x.f = t or {}`, `{ t }`: t gets a second name through which it can be filled. */
  function markAliased(value: Expression, ctx: Context) {
    // A stack, not recursion: `a and b and c …` chains can be deeper than the JS stack.
    const pending = [value];
    while (pending.length > 0) {
      const e = pending.pop()!;
      if (e.type === 'Identifier') markEscape(e, ctx);
      else if (e.type === 'LogicalExpression') pending.push(e.right, e.left);
    }
  }

  function markEscape(id: Identifier, ctx: Context) {
    const b = facts.refs.get(id) ?? lookup(ctx.scope, id.name);
    facts.refs.set(id, b);
    b.escapes = true;
  }
}

/** `Send(m)`, `ao.send(m)`, `AO.send(m)`, `_G.ao.send(m)`, `table.insert(ao.outbox.Messages, m)`. */
function isSendCall(call: CallRecord): boolean {
  const callee = call.callee;
  if (callee.type === 'Identifier') return callee.name === 'Send';
  if (callee.type !== 'MemberExpression') return false;
  if (callee.identifier.name === 'send') return true;
  const target = call.args[0];
  return callee.identifier.name === 'insert' && callee.base.type === 'Identifier' && callee.base.name === 'table' &&
    target !== undefined && target.type === 'MemberExpression' && target.identifier.name === 'Messages' &&
    target.base.type === 'MemberExpression' && target.base.identifier.name === 'outbox';
}

/** Calls that read a table but never fill it: iterating or encoding one does not make it open. */
const READ_ONLY = new Set(['pairs', 'ipairs', 'next', 'type', 'tostring', 'print', 'unpack', 'select', 'rawlen', 'json.encode', 'table.unpack', 'table.concat', 'utils.keys', 'utils.values']);

export function isReadOnlyCall(call: CallRecord): boolean {
  const callee = call.callee;
  if (callee.type === 'Identifier') return READ_ONLY.has(callee.name);
  return callee.type === 'MemberExpression' && callee.indexer === '.' && callee.base.type === 'Identifier' &&
    READ_ONLY.has(`${callee.base.name}.${callee.identifier.name}`);
}

function isMulti(e: Expression): boolean {
  return e.type === 'CallExpression' || e.type === 'TableCallExpression' || e.type === 'StringCallExpression' || e.type === 'VarargLiteral';
}

function memberName(id: Expression): string {
  // A loop, not recursion: `function a.b.b.b…()` names can be deeper than the JS stack.
  let name = '';
  let node = id;
  while (node.type === 'MemberExpression') {
    name = `${node.indexer}${node.identifier.name}${name}`;
    node = node.base;
  }
  return (node.type === 'Identifier' ? node.name : '?') + name;
}
