// One iterative walk (an explicit stack: real ASTs nest deeper than the JS call stack allows)
// that resolves every identifier to its binding and records the facts of facts.ts.
import type {
  AnyCall, Chunk, Expression, FunctionDeclaration, Identifier, IfStatement, Clause, Node, Range, Statement,
  TableConstructorExpression, TableField,
} from '../lua-ast.js';
import { decodeLuaString } from '../text.js';
import {
  setBinding, type Assignment, type Binding, type BranchFrame, type CallRecord, type Facts, type FieldWrite, type FunctionInfo, type Segment,
} from './facts.js';

/**
 * What encloses a piece of code: its function and `if` branch. Blocks that change neither share
 * their parent's context; scopes are not kept per block but in one name → binding map (see
 * `visible` below), since the walk enters and leaves blocks in source order.
 */
interface Context {
  fn: FunctionInfo | null;
  branch: BranchFrame | null;
}

/**
 * Work that is not a plain node: a `type` no AST node has, so one switch dispatches all work.
 * The walk keeps two parallel stacks (work, context) rather than one object per visited node:
 * the allocation per node cost more than the walk itself.
 */
type Task =
  | { type: '#declare'; ids: Identifier[]; values: Expression[] | null }
  | { type: '#branch'; clause: Clause; statement: IfStatement }
  /** An identifier passed as a call argument: resolved when popped, then remembered for sends and escapes. */
  | { type: '#argument'; id: Identifier; call: CallRecord }
  /** Entering a function body: its parameters become visible. */
  | { type: '#parameters'; info: FunctionInfo };
/** A number: leaving a block, whose declarations are undone down to this length of the undo log. */
type Work = Node | Task | number;

export function collectFacts(chunk: Chunk): Facts {
  const facts: Facts = {
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
    const b: Binding = { id: nextId++, name, kind, fn, paramIndex, assignments: NO_ASSIGNMENTS, writes: NO_WRITES, escapes: false, declaredFunction: null };
    facts.bindings.push(b);
    return b;
  };

  /**
   * Parameters and globals that are only read get no assignment: they share one empty list until
   * their first. A list created with its first element is allocated at that size (pushing onto
   * `[]` allocates room for 17).
   */
  const addAssignment = (b: Binding, a: Assignment) => {
    if (b.assignments === NO_ASSIGNMENTS) b.assignments = [a];
    else b.assignments.push(a);
  };

  /** Most bindings are never written into: they share one empty list until their first write. */
  const addWrite = (b: Binding, write: FieldWrite) => {
    if (b.writes === NO_WRITES) b.writes = [write];
    else b.writes.push(write);
  };

  /**
   * The locals visible at the current point of the walk, by name. Declaring pushes the name and
   * the binding it hides on `undo`; leaving a block pops back to the length it had on entry.
   * Every lookup happens while its own block is the innermost one entered (the walk is depth
   * first), so this answers as a chain of per-block scopes would, without a Map per block.
   */
  const visible = new Map<string, Binding>();
  const undo: (string | Binding | undefined)[] = [];
  const reveal = (name: string, binding: Binding) => {
    undo.push(name, visible.get(name));
    visible.set(name, binding);
  };
  const leaveBlock = (mark: number) => {
    while (undo.length > mark) {
      const hidden = undo.pop() as Binding | undefined;
      const name = undo.pop() as string;
      if (hidden === undefined) visible.delete(name);
      else visible.set(name, hidden);
    }
  };

  const lookup = (_ctx: Context, name: string): Binding => {
    const local = visible.get(name);
    if (local !== undefined) return local;
    let g = facts.globals.get(name);
    if (!g) {
      g = newBinding(name, 'global', null);
      facts.globals.set(name, g);
    }
    return g;
  };

  const declare = (id: Identifier, binding: Binding) => {
    reveal(id.name, binding);
    setBinding(id, binding);
  };

  /** A block's body, with the end of its scope below it. */
  const pushBlock = (body: Statement[], ctx: Context) => {
    push(undo.length, ctx);
    pushBody(body, ctx);
  };

  /** Records the target name in every enclosing branch (for guard analysis). */
  const markAssigned = (ctx: Context, name: string, target: Expression) => {
    for (let f = ctx.branch; f; f = f.parent) {
      if (f.assigned === NO_NAMES) f.assigned = new Map();
      if (!f.assigned.has(name)) f.assigned.set(name, target.range);
    }
  };

  const stack: Work[] = [];
  const contexts: Context[] = [];
  function push(work: Work, ctx: Context) {
    stack.push(work);
    contexts.push(ctx);
  }
  const top: Context = { fn: null, branch: null };
  pushBody(chunk.body, top);

  function pushBody(body: Statement[], ctx: Context) {
    for (let i = body.length - 1; i >= 0; i--) push(body[i]!, ctx);
  }
  function pushExprs(list: readonly (Expression | null | undefined)[], ctx: Context) {
    for (let i = list.length - 1; i >= 0; i--) {
      const e = list[i];
      if (e) pushExpr(e, ctx);
    }
  }
  /** Literals record nothing: they are not pushed at all (a quarter of the expressions). */
  function pushExpr(e: Expression, ctx: Context) {
    const type = e.type;
    if (type === 'StringLiteral' || type === 'NumericLiteral' || type === 'NilLiteral' || type === 'BooleanLiteral') return;
    stack.push(e);
    contexts.push(ctx);
  }

  /** `a.b[c].d` → root identifier and path; null when the root is not a plain name. */
  function pathOf(target: Expression, ctx: Context): { root: Identifier; path: Segment[] } | null {
    // Counted first, so the path is allocated at its size (most have one or two segments).
    let length = 0;
    let node: Expression = target;
    while (node.type === 'MemberExpression' || node.type === 'IndexExpression') {
      length++;
      node = node.base;
    }
    const path = new Array<Segment>(length);
    node = target;
    for (let i = length - 1; i >= 0; i--) {
      if (node.type === 'MemberExpression') {
        path[i] = { text: node.identifier.name, node: node.identifier, form: 'name' };
        node = node.base;
      } else if (node.type === 'IndexExpression') {
        const idx = node.index;
        if (idx.type === 'StringLiteral') path[i] = { text: decodeLuaString(idx.raw), node: idx, form: 'string' };
        else path[i] = { text: null, node: idx, form: 'expression' };
        pushExpr(idx, ctx);
        node = node.base;
      }
    }
    if (node.type === 'Identifier') return { root: node, path };
    push(node, ctx);
    return null;
  }

  function recordAssignment(target: Expression, value: Expression | null, multi: boolean, ctx: Context) {
    if (target.type === 'Identifier') {
      const b = lookup(ctx, target.name);
      setBinding(target, b);
      addAssignment(b, { value, multi, target: target.range, fn: ctx.fn, branch: ctx.branch });
      markAssigned(ctx, target.name, target);
      if (value) markAliased(value, ctx);
      return;
    }
    const p = pathOf(target, ctx);
    if (!p) return;
    const b = lookup(ctx, p.root.name);
    setBinding(p.root, b);
    const write: FieldWrite = { path: p.path, value, range: target.range, fn: ctx.fn, branch: ctx.branch };
    addWrite(b, write);
    // A value stored into a patch message is followed by the model (it is what gets sent);
    // stored anywhere else, it gets a second name through which it may be filled.
    if (value && !holdsPatch(b)) markAliased(value, ctx);
    if (ctx.branch !== null) {
      // `a.b.c = v` in a branch: the guard analysis looks for the flag `a.b.c`.
      let name: string | null = p.root.name;
      for (let i = 0; i < p.path.length && name !== null; i++) {
        const s = p.path[i]!;
        name = s.form === 'name' ? `${name}.${s.text}` : null;
      }
      if (name !== null) markAssigned(ctx, name, target);
    }
  }

  function visitFunction(node: FunctionDeclaration, ctx: Context, name: string | null, isMethod: boolean) {
    const parameters = node.parameters;
    // Counted first, so the list is allocated at its size (and shared when empty).
    let count = isMethod ? 1 : 0;
    for (let i = 0; i < parameters.length; i++) if (parameters[i]!.type === 'Identifier') count++;
    const info: FunctionInfo = { node, name, params: count === 0 ? NO_PARAMS : new Array<Binding>(count), isMethod, parent: ctx.fn };
    facts.functions.push(info);
    facts.functionOf.set(node, info);
    const inner: Context = { fn: info, branch: null };
    let index = 0;
    if (isMethod) {
      info.params[0] = newBinding('self', 'param', info, 0);
      index = 1;
    }
    for (let i = 0; i < parameters.length; i++) {
      const p = parameters[i]!;
      if (p.type !== 'Identifier') continue;
      const b = newBinding(p.name, 'param', info, index);
      setBinding(p, b);
      info.params[index++] = b;
    }
    // Parameters become visible when the body is entered, not now: the declaration's own name
    // (`function M.f(M)`) is still resolved outside.
    pushBlock(node.body, inner);
    push({ type: '#parameters', info }, inner);
    return info;
  }

  function visitCall(node: AnyCall, ctx: Context) {
    const args: Expression[] =
      node.type === 'CallExpression' ? node.arguments : node.type === 'TableCallExpression' ? [node.arguments] : [node.argument];
    const record: CallRecord = { node, callee: node.base, args, fn: ctx.fn, branch: ctx.branch };
    facts.calls.push(record);
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
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
        const b = lookup(ctx, p.root.name);
        setBinding(p.root, b);
        addWrite(b, { path: [...p.path, { text: null, node: null, form: 'append' }], value: args[args.length - 1]!, range: node.range, fn: ctx.fn, branch: ctx.branch });
      }
    }
    push(node.base, ctx);
    for (let i = args.length - 1; i >= 0; i--) {
      const a = args[i]!;
      if (a.type === 'Identifier') push({ type: '#argument', id: a, call: record }, ctx);
      else pushExpr(a, ctx);
    }
  }
  /** Table constructors nested in a patch message's constructor. */
  const insidePatch = new Set<TableConstructorExpression>();

  /** `local m = { device = 'patch@1.0', ... }`: the binding holds a patch message. */
  function holdsPatch(b: Binding): boolean {
    const value = b.assignments.length === 1 ? b.assignments[0]!.value : null;
    return value !== null && value.type === 'TableConstructorExpression' && isPatchCandidate(value);
  }

  function isPatchCandidate(node: TableConstructorExpression): boolean {
    const fields = node.fields;
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i]!;
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
    if (f.type === 'TableKey') pushExpr(f.key, ctx);
    pushExpr(f.value, ctx);
  }

  while (stack.length > 0) {
    const node = stack.pop()!;
    const ctx = contexts.pop()!;
    if (typeof node === 'number') {
      leaveBlock(node);
      continue;
    }
    // The most frequent nodes first: a switch on strings tests its cases in order.
    switch (node.type) {
      case 'Identifier':
        setBinding(node, lookup(ctx, node.name));
        break;
      case 'StringLiteral':
      case 'NumericLiteral':
      case 'BooleanLiteral':
      case 'NilLiteral':
        break;
      case 'MemberExpression':
        if (node.indexer === ':' && node.base.type === 'Identifier') markEscape(node.base, ctx);
        push(node.base, ctx);
        break;
      case '#parameters':
        for (let i = 0; i < node.info.params.length; i++) {
          const b = node.info.params[i]!;
          reveal(b.name, b);
        }
        break;
      case '#declare': {
        const { ids, values } = node;
        const last = values ? values.length - 1 : -1;
        const multiTail = last >= 0 && isMulti(values![last]!);
        for (let i = 0; i < ids.length; i++) {
          const id = ids[i]!;
          const b = newBinding(id.name, 'local', ctx.fn);
          // Loop variables (values === null) hold values the analysis does not know.
          if (values === null) addAssignment(b, { value: null, multi: true, target: id.range, fn: ctx.fn, branch: ctx.branch });
          else addAssignment(b, { value: i <= last ? values[i]! : null, multi: i > last && multiTail, target: id.range, fn: ctx.fn, branch: ctx.branch });
          declare(id, b);
        }
        break;
      }
      case '#branch': {
        const { clause, statement } = node;
        const inner: Context = { fn: ctx.fn, branch: { clause, statement, parent: ctx.branch, assigned: NO_NAMES } };
        pushBlock(clause.body, inner);
        break;
      }
      case 'LocalStatement':
        for (let i = 0; i < node.init.length; i++) markAliased(node.init[i]!, ctx);
        push({ type: '#declare', ids: node.variables, values: node.init }, ctx);
        pushExprs(node.init, ctx);
        break;
      case 'AssignmentStatement': {
        const last = node.init.length - 1;
        const multiTail = last >= 0 && isMulti(node.init[last]!);
        for (let i = 0; i < node.variables.length; i++) {
          const value = i < node.init.length ? node.init[i]! : null;
          recordAssignment(node.variables[i]!, i > last && multiTail ? null : value, i > last && multiTail, ctx);
        }
        pushExprs(node.init, ctx);
        break;
      }
      case 'CallStatement':
        push(node.expression, ctx);
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
            declare(id, b);
          } else {
            b = lookup(ctx, id.name);
            setBinding(id, b);
            markAssigned(ctx, id.name, id);
          }
          const info = visitFunction(node, ctx, id.name, false);
          addAssignment(b, { value: node, multi: false, target: id.range, fn: ctx.fn, branch: ctx.branch });
          b.declaredFunction = info;
        } else {
          // function M.f() / function M:f(): keyed by the root binding and the member path.
          const p = pathOf(id, ctx);
          const info = visitFunction(node, ctx, memberName(id), id.indexer === ':');
          if (p) {
            const b = lookup(ctx, p.root.name);
            setBinding(p.root, b);
            facts.memberFunctions.set(`${b.id}.${p.path.map((s) => s.text).join('.')}`, info);
            if (info.isMethod) facts.selfOwner.set(info.params[0]!, [b.id, ...p.path.slice(0, -1).map((s) => s.text)].join('.'));
          }
        }
        break;
      }
      case 'IfStatement':
        for (let i = node.clauses.length - 1; i >= 0; i--) {
          const clause = node.clauses[i]!;
          push({ type: '#branch', clause, statement: node }, ctx);
          if (clause.type !== 'ElseClause') push(clause.condition, ctx);
        }
        break;
      case 'WhileStatement':
        pushBlock(node.body, ctx);
        push(node.condition, ctx);
        break;
      case 'RepeatStatement':
        // The condition is inside the block: it sees the body's locals.
        push(undo.length, ctx);
        push(node.condition, ctx);
        pushBody(node.body, ctx);
        break;
      case 'DoStatement':
        pushBlock(node.body, ctx);
        break;
      case 'ForNumericStatement':
        pushBlock(node.body, ctx);
        push({ type: '#declare', ids: [node.variable], values: null }, ctx);
        pushExprs([node.start, node.end, node.step], ctx);
        break;
      case 'ForGenericStatement':
        pushBlock(node.body, ctx);
        push({ type: '#declare', ids: node.variables, values: null }, ctx);
        pushExprs(node.iterators, ctx);
        break;
      case 'ReturnStatement':
        for (let i = 0; i < node.arguments.length; i++) {
          const a = node.arguments[i]!;
          if (a.type === 'Identifier') markEscape(a, ctx);
        }
        pushExprs(node.arguments, ctx);
        break;
      case '#argument': {
        const { id, call } = node;
        const b = lookup(ctx, id.name);
        setBinding(id, b);
        // Sending a table cannot fill it before it is sent; any other call might.
        if (!b.escapes && !isSendCall(call) && !isReadOnlyCall(call)) b.escapes = true;
        let uses = facts.argumentUses.get(b);
        if (uses) uses.push(call);
        else facts.argumentUses.set(b, [call]);
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
        for (let i = 0; i < node.fields.length; i++) {
          const f = node.fields[i]!;
          if (!inPatch) markAliased(f.value, ctx);
          else if (f.value.type === 'TableConstructorExpression') insidePatch.add(f.value);
        }
        for (let i = node.fields.length - 1; i >= 0; i--) visitField(node.fields[i]!, ctx);
        break;
      }
      case 'BinaryExpression':
      case 'LogicalExpression':
        pushExpr(node.right, ctx);
        pushExpr(node.left, ctx);
        break;
      case 'UnaryExpression':
        push(node.argument, ctx);
        break;
      case 'IndexExpression':
        pushExpr(node.index, ctx);
        push(node.base, ctx);
        break;
      default:
        // Literals, break, goto, labels: nothing to record.
        break;
    }
  }
  return facts;

  /** `local u = t`, `x.f = t or {}`, `{ t }`: t gets a second name through which it can be filled. */
  function markAliased(value: Expression, ctx: Context) {
    if (value.type === 'Identifier') markEscape(value, ctx);
    if (value.type !== 'LogicalExpression') return;
    // A stack, not recursion: `a and b and c …` chains can be deeper than the JS stack.
    const pending: Expression[] = [value];
    while (pending.length > 0) {
      const e = pending.pop()!;
      if (e.type === 'Identifier') markEscape(e, ctx);
      else if (e.type === 'LogicalExpression') pending.push(e.right, e.left);
    }
  }

  function markEscape(id: Identifier, ctx: Context) {
    const b = lookup(ctx, id.name);
    setBinding(id, b);
    b.escapes = true;
  }
}

/** Shared empty values, replaced on the first addition (most bindings and branches get none). */
const NO_WRITES: FieldWrite[] = [];
const NO_ASSIGNMENTS: Assignment[] = [];
const NO_PARAMS: Binding[] = [];
const NO_NAMES: Map<string, Range> = new Map();

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
const READ_ONLY = new Set(['pairs', 'ipairs', 'next', 'type', 'tostring', 'print', 'unpack', 'select', 'rawlen']);
/** The same for module functions, by module (no `module.name` string built per call). */
const READ_ONLY_MEMBERS = new Map([['json', new Set(['encode'])], ['table', new Set(['unpack', 'concat'])], ['utils', new Set(['keys', 'values'])]]);

export function isReadOnlyCall(call: CallRecord): boolean {
  const callee = call.callee;
  if (callee.type === 'Identifier') return READ_ONLY.has(callee.name);
  return callee.type === 'MemberExpression' && callee.indexer === '.' && callee.base.type === 'Identifier' &&
    READ_ONLY_MEMBERS.get(callee.base.name)?.has(callee.identifier.name) === true;
}

/** A call or `...` yields any number of values (the last expression of a list). */
export function isMulti(e: Expression): boolean {
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
