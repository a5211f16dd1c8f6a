// Records what the walk finds into the Facts: bindings with their assignments and field writes,
// and the names each `if` branch assigns (for the guard analysis).
import type { Chunk, Expression, Identifier, Range } from '../../lua/ast.js';
import { setBinding, type Assignment, type Binding, type BranchFrame, type Facts, type FieldWrite, type FunctionInfo } from '../facts.js';
import type { Scope } from './scope.js';

/** Shared empty values, replaced on the first addition (most bindings and branches get none). */
const NO_WRITES: FieldWrite[] = [];
const NO_ASSIGNMENTS: Assignment[] = [];
export const NO_NAMES: Map<string, Range> = new Map();

export class Recorder {
  readonly facts: Facts;
  private nextId = 0;

  constructor(private readonly scope: Scope, chunk: Chunk) {
    this.facts = {
      chunk,
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
  }

  newBinding(name: string, kind: Binding['kind'], fn: FunctionInfo | null, paramIndex = -1): Binding {
    const b: Binding = { id: this.nextId++, name, kind, fn, paramIndex, assignments: NO_ASSIGNMENTS, writes: NO_WRITES, escapes: false, declaredFunction: null };
    this.facts.bindings.push(b);
    return b;
  }

  /** The local `name` resolves to, else its global (created on first use). */
  lookup(name: string): Binding {
    const local = this.scope.get(name);
    if (local !== undefined) return local;
    let g = this.facts.globals.get(name);
    if (!g) {
      g = this.newBinding(name, 'global', null);
      this.facts.globals.set(name, g);
    }
    return g;
  }

  /** Resolves an identifier and records its binding on it. */
  resolve(id: Identifier): Binding {
    const b = this.lookup(id.name);
    setBinding(id, b);
    return b;
  }

  /** Records the binding on the identifier without making the name visible (parameters, before their body). */
  bind(id: Identifier, binding: Binding): void {
    setBinding(id, binding);
  }

  declare(id: Identifier, binding: Binding): void {
    this.scope.reveal(id.name, binding);
    setBinding(id, binding);
  }

  /**
   * Parameters and globals that are only read get no assignment: they share one empty list until
   * their first. A list created with its first element is allocated at that size (pushing onto
   * `[]` allocates room for 17).
   */
  addAssignment(b: Binding, a: Assignment): void {
    if (b.assignments === NO_ASSIGNMENTS) b.assignments = [a];
    else b.assignments.push(a);
  }

  /** Most bindings are never written into: they share one empty list until their first write. */
  addWrite(b: Binding, write: FieldWrite): void {
    if (b.writes === NO_WRITES) b.writes = [write];
    else b.writes.push(write);
  }

  /** Records the target name in every enclosing branch (for guard analysis). */
  markAssigned(branch: BranchFrame | null, name: string, target: Expression): void {
    for (let f = branch; f; f = f.parent) {
      if (f.assigned === NO_NAMES) f.assigned = new Map();
      if (!f.assigned.has(name)) f.assigned.set(name, target.range);
    }
  }

  /** Something else may now fill what the identifier holds (aliased, returned, a method's receiver). */
  markEscape(id: Identifier): void {
    this.resolve(id).escapes = true;
  }

  /** `local u = t`, `x.f = t or {}`, `{ t }`: t gets a second name through which it can be filled. */
  markAliased(value: Expression): void {
    if (value.type === 'Identifier') this.markEscape(value);
    if (value.type !== 'LogicalExpression') return;
    // A stack, not recursion: `a and b and c …` chains can be deeper than the JS stack.
    const pending: Expression[] = [value];
    while (pending.length > 0) {
      const e = pending.pop()!;
      if (e.type === 'Identifier') this.markEscape(e);
      else if (e.type === 'LogicalExpression') pending.push(e.right, e.left);
    }
  }
}
