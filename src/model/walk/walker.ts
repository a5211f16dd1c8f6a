// One iterative walk (an explicit stack: real ASTs nest deeper than the JS call stack allows)
// that resolves every identifier to its binding and records the facts of facts.ts.
import type {
  AnyCall, Chunk, Clause, Expression, FunctionDeclaration, Identifier, IfStatement, Node, Statement, TableConstructorExpression,
} from '../../lua/ast.js';
import { decodeLuaString } from '../../lua/strings.js';
import { isPatchField } from '../keys.js';
import { isMulti, isReadOnlyCall, isSendCall, isTableInsert } from '../lua-calls.js';
import type { Binding, BranchFrame, CallRecord, Facts, FieldWrite, FunctionInfo, Segment } from '../facts.js';
import { NO_NAMES, Recorder } from './recorder.js';
import { Scope } from './scope.js';

/**
 * What encloses a piece of code: its function and `if` branch. Blocks that change neither share
 * their parent's context; scopes are not kept per block but in the Scope's undo log, since the
 * walk enters and leaves blocks in source order.
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
/** A number: leaving a block, whose declarations are undone down to this mark of the scope. */
type Work = Node | Task | number;

const NO_PARAMS: Binding[] = [];

export function collectFacts(chunk: Chunk): Facts {
  return new Walker(chunk).walk(chunk);
}

class Walker {
  private readonly scope = new Scope();
  private readonly record: Recorder;
  private readonly facts: Facts;
  private readonly stack: Work[] = [];
  private readonly contexts: Context[] = [];
  /** Table constructors nested in a patch message's constructor. */
  private readonly insidePatch = new Set<TableConstructorExpression>();

  constructor(chunk: Chunk) {
    this.record = new Recorder(this.scope, chunk);
    this.facts = this.record.facts;
  }

  walk(chunk: Chunk): Facts {
    const top: Context = { fn: null, branch: null };
    this.pushBody(chunk.body, top);
    const { stack, contexts } = this;
    while (stack.length > 0) {
      const node = stack.pop()!;
      const ctx = contexts.pop()!;
      if (typeof node === 'number') this.scope.leave(node);
      else this.visit(node, ctx);
    }
    return this.facts;
  }

  private visit(node: Node | Task, ctx: Context): void {
    // The most frequent nodes first: a switch on strings tests its cases in order.
    switch (node.type) {
      case 'Identifier':
        this.record.resolve(node);
        break;
      case 'StringLiteral':
      case 'NumericLiteral':
      case 'BooleanLiteral':
      case 'NilLiteral':
        break;
      case 'MemberExpression':
        if (node.indexer === ':' && node.base.type === 'Identifier') this.record.markEscape(node.base);
        this.push(node.base, ctx);
        break;
      case '#parameters':
        for (let i = 0; i < node.info.params.length; i++) {
          const b = node.info.params[i]!;
          this.scope.reveal(b.name, b);
        }
        break;
      case '#declare':
        this.declareLocals(node.ids, node.values, ctx);
        break;
      case '#branch':
        this.pushBlock(node.clause.body, { fn: ctx.fn, branch: { clause: node.clause, statement: node.statement, parent: ctx.branch, assigned: NO_NAMES } });
        break;
      case '#argument':
        this.argument(node.id, node.call);
        break;
      case 'LocalStatement':
        for (let i = 0; i < node.init.length; i++) this.record.markAliased(node.init[i]!);
        this.push({ type: '#declare', ids: node.variables, values: node.init }, ctx);
        this.pushExprs(node.init, ctx);
        break;
      case 'AssignmentStatement':
        this.assignment(node.variables, node.init, ctx);
        break;
      case 'CallStatement':
        this.push(node.expression, ctx);
        break;
      case 'CallExpression':
      case 'TableCallExpression':
      case 'StringCallExpression':
        this.call(node, ctx);
        break;
      case 'FunctionDeclaration':
        this.functionDeclaration(node, ctx);
        break;
      case 'IfStatement':
        for (let i = node.clauses.length - 1; i >= 0; i--) {
          const clause = node.clauses[i]!;
          this.push({ type: '#branch', clause, statement: node }, ctx);
          if (clause.type !== 'ElseClause') this.push(clause.condition, ctx);
        }
        break;
      case 'WhileStatement':
        this.pushBlock(node.body, ctx);
        this.push(node.condition, ctx);
        break;
      case 'RepeatStatement':
        // The condition is inside the block: it sees the body's locals.
        this.push(this.scope.mark(), ctx);
        this.push(node.condition, ctx);
        this.pushBody(node.body, ctx);
        break;
      case 'DoStatement':
        this.pushBlock(node.body, ctx);
        break;
      case 'ForNumericStatement':
        this.pushBlock(node.body, ctx);
        this.push({ type: '#declare', ids: [node.variable], values: null }, ctx);
        this.pushExprs([node.start, node.end, node.step], ctx);
        break;
      case 'ForGenericStatement':
        this.pushBlock(node.body, ctx);
        this.push({ type: '#declare', ids: node.variables, values: null }, ctx);
        this.pushExprs(node.iterators, ctx);
        break;
      case 'ReturnStatement':
        for (let i = 0; i < node.arguments.length; i++) {
          const a = node.arguments[i]!;
          if (a.type === 'Identifier') this.record.markEscape(a);
        }
        this.pushExprs(node.arguments, ctx);
        break;
      case 'TableConstructorExpression':
        this.table(node, ctx);
        break;
      case 'BinaryExpression':
      case 'LogicalExpression':
        this.pushExpr(node.right, ctx);
        this.pushExpr(node.left, ctx);
        break;
      case 'UnaryExpression':
        this.push(node.argument, ctx);
        break;
      case 'IndexExpression':
        this.pushExpr(node.index, ctx);
        this.push(node.base, ctx);
        break;
      default:
        // Literals, break, goto, labels: nothing to record.
        break;
    }
  }

  private push(work: Work, ctx: Context): void {
    this.stack.push(work);
    this.contexts.push(ctx);
  }

  /** A block's body, with the end of its scope below it. */
  private pushBlock(body: Statement[], ctx: Context): void {
    this.push(this.scope.mark(), ctx);
    this.pushBody(body, ctx);
  }

  private pushBody(body: Statement[], ctx: Context): void {
    for (let i = body.length - 1; i >= 0; i--) this.push(body[i]!, ctx);
  }

  private pushExprs(list: readonly (Expression | null | undefined)[], ctx: Context): void {
    for (let i = list.length - 1; i >= 0; i--) {
      const e = list[i];
      if (e) this.pushExpr(e, ctx);
    }
  }

  /** Literals record nothing: they are not pushed at all (a quarter of the expressions). */
  private pushExpr(e: Expression, ctx: Context): void {
    const type = e.type;
    if (type === 'StringLiteral' || type === 'NumericLiteral' || type === 'NilLiteral' || type === 'BooleanLiteral') return;
    this.stack.push(e);
    this.contexts.push(ctx);
  }

  /** `local a, b = x, f()` (values) or the variables of a `for` loop (values null). */
  private declareLocals(ids: Identifier[], values: Expression[] | null, ctx: Context): void {
    const last = values ? values.length - 1 : -1;
    const multiTail = last >= 0 && isMulti(values![last]!);
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      const b = this.record.newBinding(id.name, 'local', ctx.fn);
      // Loop variables (values === null) hold values the analysis does not know.
      if (values === null) this.record.addAssignment(b, { value: null, multi: true, target: id.range, fn: ctx.fn, branch: ctx.branch });
      else this.record.addAssignment(b, { value: i <= last ? values[i]! : null, multi: i > last && multiTail, target: id.range, fn: ctx.fn, branch: ctx.branch });
      this.record.declare(id, b);
    }
  }

  private assignment(variables: Expression[], init: Expression[], ctx: Context): void {
    const last = init.length - 1;
    const multiTail = last >= 0 && isMulti(init[last]!);
    for (let i = 0; i < variables.length; i++) {
      const value = i < init.length ? init[i]! : null;
      this.assignTo(variables[i]!, i > last && multiTail ? null : value, i > last && multiTail, ctx);
    }
    this.pushExprs(init, ctx);
  }

  private assignTo(target: Expression, value: Expression | null, multi: boolean, ctx: Context): void {
    const record = this.record;
    if (target.type === 'Identifier') {
      const b = record.resolve(target);
      record.addAssignment(b, { value, multi, target: target.range, fn: ctx.fn, branch: ctx.branch });
      record.markAssigned(ctx.branch, target.name, target);
      if (value) record.markAliased(value);
      return;
    }
    const p = this.pathOf(target, ctx);
    if (!p) return;
    const b = record.resolve(p.root);
    const write: FieldWrite = { path: p.path, value, range: target.range, fn: ctx.fn, branch: ctx.branch };
    record.addWrite(b, write);
    // A value stored into a patch message is followed by the model (it is what gets sent);
    // stored anywhere else, it gets a second name through which it may be filled.
    if (value && !holdsPatch(b)) record.markAliased(value);
    if (ctx.branch !== null) {
      // `a.b.c = v` in a branch: the guard analysis looks for the flag `a.b.c`.
      let name: string | null = p.root.name;
      for (let i = 0; i < p.path.length && name !== null; i++) {
        const s = p.path[i]!;
        name = s.form === 'name' ? `${name}.${s.text}` : null;
      }
      if (name !== null) record.markAssigned(ctx.branch, name, target);
    }
  }

  /** `a.b[c].d` → root identifier and path; null when the root is not a plain name (then it is walked). */
  private pathOf(target: Expression, ctx: Context): { root: Identifier; path: Segment[] } | null {
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
        this.pushExpr(idx, ctx);
        node = node.base;
      }
    }
    if (node.type === 'Identifier') return { root: node, path };
    this.push(node, ctx);
    return null;
  }

  private call(node: AnyCall, ctx: Context): void {
    const args: Expression[] =
      node.type === 'CallExpression' ? node.arguments : node.type === 'TableCallExpression' ? [node.arguments] : [node.argument];
    const record: CallRecord = { node, callee: node.base, args, fn: ctx.fn, branch: ctx.branch };
    this.facts.calls.push(record);
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a.type === 'TableConstructorExpression') this.facts.ctorArgumentOf.set(a, record);
    }
    // table.insert(t.x, v) fills t.x with unknown positional entries.
    if (isTableInsert(node.base) && args.length >= 2) {
      const p = this.pathOf(args[0]!, ctx);
      if (p) {
        const b = this.record.resolve(p.root);
        this.record.addWrite(b, { path: [...p.path, { text: null, node: null, form: 'append' }], value: args[args.length - 1]!, range: node.range, fn: ctx.fn, branch: ctx.branch });
      }
    }
    this.push(node.base, ctx);
    for (let i = args.length - 1; i >= 0; i--) {
      const a = args[i]!;
      if (a.type === 'Identifier') this.push({ type: '#argument', id: a, call: record }, ctx);
      else this.pushExpr(a, ctx);
    }
  }

  private argument(id: Identifier, call: CallRecord): void {
    const b = this.record.resolve(id);
    // Sending a table cannot fill it before it is sent; any other call might.
    if (!b.escapes && !isSendCall(call.callee, call.args) && !isReadOnlyCall(call.callee)) b.escapes = true;
    const uses = this.facts.argumentUses.get(b);
    if (uses) uses.push(call);
    else this.facts.argumentUses.set(b, [call]);
  }

  private functionDeclaration(node: FunctionDeclaration, ctx: Context): void {
    const id = node.identifier;
    if (id === null) {
      this.functionBody(node, ctx, null, false);
    } else if (id.type === 'Identifier') {
      let b: Binding;
      if (node.isLocal) {
        b = this.record.newBinding(id.name, 'local', ctx.fn);
        this.record.declare(id, b);
      } else {
        b = this.record.resolve(id);
        this.record.markAssigned(ctx.branch, id.name, id);
      }
      const info = this.functionBody(node, ctx, id.name, false);
      this.record.addAssignment(b, { value: node, multi: false, target: id.range, fn: ctx.fn, branch: ctx.branch });
      b.declaredFunction = info;
    } else {
      // function M.f() / function M:f(): keyed by the root binding and the member path.
      const p = this.pathOf(id, ctx);
      const info = this.functionBody(node, ctx, memberName(id), id.indexer === ':');
      if (p) {
        const b = this.record.resolve(p.root);
        this.facts.memberFunctions.set(`${b.id}.${p.path.map((s) => s.text).join('.')}`, info);
        if (info.isMethod) this.facts.selfOwner.set(info.params[0]!, [b.id, ...p.path.slice(0, -1).map((s) => s.text)].join('.'));
      }
    }
  }

  private functionBody(node: FunctionDeclaration, ctx: Context, name: string | null, isMethod: boolean): FunctionInfo {
    const parameters = node.parameters;
    // Counted first, so the list is allocated at its size (and shared when empty).
    let count = isMethod ? 1 : 0;
    for (let i = 0; i < parameters.length; i++) if (parameters[i]!.type === 'Identifier') count++;
    const info: FunctionInfo = { node, name, params: count === 0 ? NO_PARAMS : new Array<Binding>(count), isMethod, parent: ctx.fn };
    this.facts.functions.push(info);
    this.facts.functionOf.set(node, info);
    const inner: Context = { fn: info, branch: null };
    let index = 0;
    if (isMethod) {
      info.params[0] = this.record.newBinding('self', 'param', info, 0);
      index = 1;
    }
    for (let i = 0; i < parameters.length; i++) {
      const p = parameters[i]!;
      if (p.type !== 'Identifier') continue;
      const b = this.record.newBinding(p.name, 'param', info, index);
      this.record.bind(p, b);
      info.params[index++] = b;
    }
    // Parameters become visible when the body is entered, not now: the declaration's own name
    // (`function M.f(M)`) is still resolved outside.
    this.pushBlock(node.body, inner);
    this.push({ type: '#parameters', info }, inner);
    return info;
  }

  private table(node: TableConstructorExpression, ctx: Context): void {
    const candidate = isPatchCandidate(node);
    if (candidate) {
      this.facts.candidates.push({ node, fn: ctx.fn });
      this.facts.ctorFunction.set(node, ctx.fn);
    }
    // A table stored in another table may be filled through it; one stored in a patch
    // message (at any depth) is followed by the model itself.
    const inPatch = candidate || this.insidePatch.has(node);
    const fields = node.fields;
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i]!;
      if (!inPatch) this.record.markAliased(f.value);
      else if (f.value.type === 'TableConstructorExpression') this.insidePatch.add(f.value);
    }
    for (let i = fields.length - 1; i >= 0; i--) {
      const f = fields[i]!;
      if (f.type === 'TableKey') this.pushExpr(f.key, ctx);
      this.pushExpr(f.value, ctx);
    }
  }
}

/** `local m = { device = 'patch@1.0', ... }`: the binding holds a patch message. */
function holdsPatch(b: Binding): boolean {
  const value = b.assignments.length === 1 ? b.assignments[0]!.value : null;
  return value !== null && value.type === 'TableConstructorExpression' && isPatchCandidate(value);
}

/** A table constructor with a `device` or `method` field: it may be a patch message. */
export function isPatchCandidate(node: TableConstructorExpression): boolean {
  const fields = node.fields;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    let name: string | null = null;
    if (f.type === 'TableKeyString') name = f.key.name;
    else if (f.type === 'TableKey' && f.key.type === 'StringLiteral') name = decodeLuaString(f.key.raw);
    if (name !== null && isPatchField(name)) return true;
  }
  return false;
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
