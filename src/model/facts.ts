// What one walk over the AST records, so the model can be resolved afterwards without
// walking again: bindings (with their assignments and field writes), calls, functions,
// patch candidates and the `if` branches around load-time code.
import type {
  AnyCall, Chunk, Clause, Expression, FunctionDeclaration, Identifier, IfStatement, Range, TableConstructorExpression,
} from '../lua/ast.js';

export interface Binding {
  id: number;
  name: string;
  kind: 'local' | 'param' | 'global';
  /** The function the binding belongs to (null: the chunk). For params: their function. */
  fn: FunctionInfo | null;
  paramIndex: number;
  assignments: Assignment[];
  writes: FieldWrite[];
  /** Passed to a call, aliased or returned: something else may fill it. */
  escapes: boolean;
  /** Set when the binding is a `local function` / `function name()` declaration. */
  declaredFunction: FunctionInfo | null;
}

export interface Assignment {
  /** null: `local x` without a value, or a value beyond the last expression. */
  value: Expression | null;
  /** The value is one of several results of a call or `...`. */
  multi: boolean;
  target: Range;
  fn: FunctionInfo | null;
  branch: BranchFrame | null;
}

/** A path segment of a field write (`m.cache.Key`, `m.cache[k]`). */
export interface Segment {
  /** Known text of the key, for `.name` and string literals. */
  text: string | null;
  node: Expression | Identifier | null;
  form: 'name' | 'string' | 'expression' | 'append';
}

export interface FieldWrite {
  path: Segment[];
  value: Expression | null;
  range: Range;
  fn: FunctionInfo | null;
  branch: BranchFrame | null;
}

export interface CallRecord {
  node: AnyCall;
  callee: Expression;
  args: Expression[];
  fn: FunctionInfo | null;
  branch: BranchFrame | null;
}

export interface FunctionInfo {
  node: FunctionDeclaration;
  name: string | null;
  params: Binding[];
  /** `function M:f()` declares an implicit `self` first. */
  isMethod: boolean;
  parent: FunctionInfo | null;
}

/** An `if` branch that encloses code, with the names the branch assigns (same function level). */
export interface BranchFrame {
  clause: Clause;
  statement: IfStatement;
  parent: BranchFrame | null;
  assigned: Map<string, Range>;
}

export interface PatchCandidate {
  node: TableConstructorExpression;
  fn: FunctionInfo | null;
}

export interface Facts {
  /** The walked file's AST. */
  chunk: Chunk;
  globals: Map<string, Binding>;
  bindings: Binding[];
  calls: CallRecord[];
  functions: FunctionInfo[];
  /** `function M.f()` / `function M:f()` keyed by `<binding id>.<name>`. */
  memberFunctions: Map<string, FunctionInfo>;
  /** The implicit `self` of `function M:f()`, by the key prefix of M (`self.g()` is taken for `M.g()`). */
  selfOwner: Map<Binding, string>;
  candidates: PatchCandidate[];
  /** A table constructor written directly as a call argument: the call. */
  ctorArgumentOf: Map<TableConstructorExpression, CallRecord>;
  /** Calls that receive a binding as an argument. */
  argumentUses: Map<Binding, CallRecord[]>;
  /** The function in which each table constructor candidate appears. */
  ctorFunction: Map<TableConstructorExpression, FunctionInfo | null>;
  functionOf: Map<FunctionDeclaration, FunctionInfo>;
}

/**
 * The one field patchlint adds to luaparse's nodes (measured necessary): the walk keeps each
 * identifier's binding on the identifier node itself. A Map from node to binding (about a
 * million entries over the bench corpus) cost a hash insert per identifier and a growing table
 * per file. The same plain field is written on every identifier the walk visits, so those
 * nodes share one hidden class. A later walk of the same AST replaces the bindings of an
 * earlier one. Nothing outside src/model/ reads it.
 */
interface ResolvedIdentifier extends Identifier {
  binding?: Binding;
}

/** The binding an identifier resolves to (undefined: not a name the walk resolved). */
export function bindingOf(id: Identifier): Binding | undefined {
  return (id as ResolvedIdentifier).binding;
}

export function setBinding(id: Identifier, binding: Binding): void {
  (id as ResolvedIdentifier).binding = binding;
}
