// Which binding each identifier refers to, for one walk. Stored on the identifier node itself
// under one symbol (the same property for every identifier, so V8 keeps one shape): a Map with
// an entry per identifier was the walk's single largest cost, through rehashing and garbage.
// A symbol stays out of JSON, structuredClone and postMessage.
import type { Identifier } from '../lua-ast.js';
import type { Binding } from './facts.js';

const BINDING = Symbol('patchlint.binding');

interface Resolved { [BINDING]?: Binding }

export class Refs {
  /** The walk's bindings by id: a binding left on the node by an earlier walk of the same AST is not ours. */
  constructor(private readonly bindings: readonly Binding[]) {}

  get(id: Identifier): Binding | undefined {
    const b = (id as Resolved)[BINDING];
    return b !== undefined && this.bindings[b.id] === b ? b : undefined;
  }

  has(id: Identifier): boolean {
    return this.get(id) !== undefined;
  }

  set(id: Identifier, binding: Binding): void {
    (id as Resolved)[BINDING] = binding;
  }
}
