// The locals visible at the current point of the walk, by name.
import type { Binding } from '../facts.js';

/**
 * Declaring pushes the name and the binding it hides on an undo log; leaving a block pops back
 * to the length the log had on entry. Every lookup happens while its own block is the
 * innermost one entered (the walk is depth first), so this answers as a chain of per-block
 * scopes would, without a Map per block.
 */
export class Scope {
  private readonly visible = new Map<string, Binding>();
  private readonly undo: (string | Binding | undefined)[] = [];

  /** The local `name` resolves to here, if any. */
  get(name: string): Binding | undefined {
    return this.visible.get(name);
  }

  reveal(name: string, binding: Binding): void {
    this.undo.push(name, this.visible.get(name));
    this.visible.set(name, binding);
  }

  /** A mark to leave a block by (the undo log's length on entry). */
  mark(): number {
    return this.undo.length;
  }

  leave(mark: number): void {
    const undo = this.undo;
    while (undo.length > mark) {
      const hidden = undo.pop() as Binding | undefined;
      const name = undo.pop() as string;
      if (hidden === undefined) this.visible.delete(name);
      else this.visible.set(name, hidden);
    }
  }
}
