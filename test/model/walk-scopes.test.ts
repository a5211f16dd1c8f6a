// Scope resolution of the model's walk (src/model/walk.ts): one name → binding map with an
// undo log stands in for a scope per block. Each case names, for every use of `x` in source order, the
// declaration it resolves to (`line:column` of the declaring name) or `global`.
import { describe, expect, it } from 'vitest';
import type { Chunk, Identifier } from '../../src/lua/ast.js';
import { bindingOf, type Facts } from '../../src/model/facts.js';
import { collectFacts } from '../../src/model/walk/index.js';
import { parseLua } from '../../src/lua/parse.js';
import { at } from './helpers.js';

function parse(code: string): Chunk {
  const parsed = parseLua(code);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.ast;
}

/** Identifiers named `name`, in source order (a plain recursive walk: test inputs are small). */
function identifiers(chunk: Chunk, name: string): Identifier[] {
  const found: Identifier[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const node = value as { type?: unknown; name?: unknown };
      if (node.type === 'Identifier' && node.name === name) found.push(value as Identifier);
      // `binding`: what the walk stored on an identifier (it leads back into the tree).
      for (const [key, child] of Object.entries(value)) if (key !== 'range' && key !== 'binding') visit(child);
    }
  };
  visit(chunk.body);
  return found.sort((a, b) => a.range[0] - b.range[0]);
}

function resolve(code: string, name = 'x', facts?: Facts, chunk = parse(code)): string[] {
  const f = facts ?? collectFacts(chunk);
  return identifiers(chunk, name).map((id) => {
    const b = bindingOf(id);
    if (!b) return 'unresolved';
    if (b.kind === 'global') return 'global';
    const declared = b.assignments[0]?.target[0] ?? f.functions.find((fn) => fn === b.fn)?.node.parameters[b.paramIndex]?.range[0];
    return `${b.kind} ${at(code, declared ?? -1)}`;
  });
}

describe('scopes of the walk', () => {
  it('restores the outer local when a block that shadows it ends', () => {
    const code = 'local x = 1\ndo\n  local x = 2\n  print(x)\nend\nprint(x)\n';
    expect(resolve(code)).toEqual(['local 1:7', 'local 3:9', 'local 3:9', 'local 1:7']);
  });

  it('lets a second local of the same name in one block hide the first until the block ends', () => {
    const code = 'do\n  local x = 1\n  local x = x + 1\n  print(x)\nend\nprint(x)\n';
    expect(resolve(code)).toEqual(['local 2:9', 'local 3:9', 'local 2:9', 'local 3:9', 'global']);
  });

  it('keeps loop variables and branch locals inside their blocks', () => {
    const code = 'for x = 1, 2 do print(x) end\nfor _, x in pairs(t) do print(x) end\nif c then local x = 1 else print(x) end\nprint(x)\n';
    expect(resolve(code)).toEqual(['local 1:5', 'local 1:5', 'local 2:8', 'local 2:8', 'local 3:17', 'global', 'global']);
  });

  it('evaluates a numeric for loop bounds outside the loop variable', () => {
    const code = 'local x = 3\nfor x = x, x + 1 do print(x) end\n';
    expect(resolve(code)).toEqual(['local 1:7', 'local 2:5', 'local 1:7', 'local 1:7', 'local 2:5']);
  });

  it('lets the condition of repeat … until see the locals of the body', () => {
    const code = 'repeat local x = f() until x\nprint(x)\n';
    expect(resolve(code)).toEqual(['local 1:14', 'local 1:14', 'global']);
  });

  it('makes parameters visible in the body only, not in the name of the function or after it', () => {
    const code = 'local x = {}\nfunction x.f(x) return x end\nprint(x)\ng(function(x) return x end, x)\n';
    expect(resolve(code)).toEqual([
      'local 1:7', 'local 1:7', 'param 2:14', 'param 2:14', 'local 1:7', 'param 4:12', 'param 4:12', 'local 1:7',
    ]);
  });

  it('resolves `self` of a method to its implicit parameter, and to a global elsewhere', () => {
    const code = 'local M = {}\nfunction M:f() return self end\nprint(self)\n';
    const chunk = parse(code);
    const facts = collectFacts(chunk);
    const [inside, outside] = identifiers(chunk, 'self').map((id) => bindingOf(id));
    expect(inside?.kind).toBe('param');
    expect(inside).toBe(facts.functions[0]!.params[0]);
    expect(outside?.kind).toBe('global');
  });

  it('lets a second walk of the same AST resolve every name to its own bindings (bindings are kept on the nodes)', () => {
    const code = 'local x = 1\nprint(x)\n';
    const chunk = parse(code);
    const first = collectFacts(chunk);
    const [, use] = identifiers(chunk, 'x');
    expect(bindingOf(use!)).toBe(first.bindings[0]);
    const second = collectFacts(chunk);
    expect(bindingOf(use!)).toBe(second.bindings[0]);
    expect(first.bindings[0]).not.toBe(second.bindings[0]);
    expect(resolve(code, 'x', second, chunk)).toEqual(['local 1:7', 'local 1:7']);
  });
});
