// Scope resolution: which binding a name refers to decides which value the model sees.
// Wrong scoping would invent keys (false positives) or hide them.
import { describe, expect, it } from 'vitest';
import { lint, model } from './helpers.js';

describe('scoping', () => {
  it('a local shadows an outer constant of the same name, only in its own block', () => {
    const code = [
      "local KEY = 'status'",
      "Handlers.add('a', 'A', function(msg)",
      "  local KEY = 'Status'",
      "  Send({ device = 'patch@1.0', cache = { [KEY] = 1 } })",
      'end)',
      "Handlers.add('b', 'B', function(msg)",
      "  Send({ device = 'patch@1.0', cache = { [KEY] = 2 } })",
      'end)',
    ].join('\n');
    // Both handlers expose the key: 'status' differs from 'Status' only by case.
    expect(lint(code)).toEqual(['lowercase-key 4:43-4:46', 'duplicate-key-case 7:43-7:46']);
  });

  it('a local and a global of the same name are different variables', () => {
    const code = [
      "Name = 'Points'",
      "Handlers.add('a', 'A', function(msg)",
      '  local Name = msg.Tags.Name',
      "  Send({ device = 'patch@1.0', cache = { [Name] = 1 } })",
      'end)',
      "Handlers.add('b', 'B', function(msg)",
      "  Send({ device = 'patch@1.0', cache = { [Name] = 1 } })",
      'end)',
    ].join('\n');
    expect(lint(code)).toEqual(['lowercase-key 7:43-7:47']);
  });

  it('`local x = x` reads the outer x', () => {
    const code = [
      "local key = 'Total'",
      "Handlers.add('a', 'A', function(msg)",
      '  local key = key',
      "  Send({ device = 'patch@1.0', cache = { [key] = 1 } })",
      'end)',
    ].join('\n');
    expect(lint(code)).toEqual(['lowercase-key 4:43-4:46']);
  });

  it('a local declared in a block is not visible after it (the name is a global there)', () => {
    const code = [
      "Handlers.add('a', 'A', function(msg)",
      '  do',
      "    local inner = 'Inner'",
      '  end',
      '  if msg.Data then',
      "    local other = 'Other'",
      '  end',
      "  Send({ device = 'patch@1.0', cache = { [inner] = 1, [other] = 2 } })",
      'end)',
    ].join('\n');
    expect(lint(code)).toEqual([]);
  });

  it('a parameter named like a global holds the argument, not the global', () => {
    const code = [
      "Balances = { alice = '1' }",
      "Handlers.add('a', 'A', function(Balances)",
      "  Send({ device = 'patch@1.0', cache = { balances = Balances } })",
      'end)',
      "Handlers.add('b', 'B', function(msg)",
      "  Send({ device = 'patch@1.0', cache = { balances = Balances } })",
      'end)',
    ].join('\n');
    expect(lint(code)).toEqual(['serialize-complex-value 6:42-6:50']);
  });

  it('multiple assignment from a call leaves every target unknown; from values, each gets its own', () => {
    const code = [
      "Handlers.add('a', 'A', function(msg)",
      '  local a, b = lookup(msg)',
      "  local c, d = 'Upper', 'lower'",
      '  local e, f = 1',
      "  Send({ device = 'patch@1.0', cache = { [a] = 1, [b] = 2, [c] = 3, [d] = 4, n = f } })",
      'end)',
    ].join('\n');
    expect(lint(code)).toEqual(['lowercase-key 5:61-5:62']);
    // `local e, f = 1`: f gets no value, so it is nil (nil-value itself only reports a literal nil).
    const cache = model(code).patches[0]!.root.entries.find((e) => e.key.text === 'cache')!;
    const n = cache.value.kind === 'table' ? cache.value.table.entries.find((e) => e.key.text === 'n') : undefined;
    expect(n?.value.kind).toBe('nil');
  });

  it('the same for a multiple assignment to globals', () => {
    const code = [
      'KeyA, KeyB = loadKeys()',
      "KeyC, KeyD = 'Upper', 'lower'",
      "Handlers.add('a', 'A', function(msg)",
      "  Send({ device = 'patch@1.0', cache = { [KeyA] = 1, [KeyB] = 2, [KeyC] = 3, [KeyD] = 4 } })",
      'end)',
    ].join('\n');
    expect(lint(code)).toEqual(['lowercase-key 4:67-4:71']);
  });

  it('a variable assigned in several places is not a constant', () => {
    const code = [
      "local key = 'Status'",
      "Handlers.add('a', 'A', function(msg)",
      '  if msg.Tags.Lower then key = string.lower(key) end',
      "  Send({ device = 'patch@1.0', cache = { [key] = 1 } })",
      'end)',
    ].join('\n');
    expect(lint(code)).toEqual([]);
  });

  it('a for-loop variable is never a constant', () => {
    const code = [
      "for _, key in ipairs({ 'Alpha', 'Beta' }) do",
      "  Handlers.add(key, key, function(msg) Send({ device = 'patch@1.0', cache = { [key] = msg.Data } }) end)",
      'end',
    ].join('\n');
    expect(lint(code)).toEqual([]);
  });
});
