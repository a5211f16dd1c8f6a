// What the analysis cannot resolve produces no diagnostic: never guess.
import { describe, expect, it } from 'vitest';
import { lint, model } from './helpers.js';

describe('unresolved keys and values stay silent', () => {
  it('a key from msg.Tags, a computed string, a value from a function call', () => {
    const code = [
      "Handlers.add('set', Handlers.utils.hasMatchingTag('Action', 'Set'), function(msg)",
      '  Send({ device = "patch@1.0", cache = {',
      '    [msg.Tags.Key] = msg.Data,',
      "    ['user-' .. msg.From] = tonumber(msg.Tags.Amount),",
      '    [string.lower(msg.Tags.Name)] = compute(msg),',
      '    [msg.Tags.Key:upper()] = getState(),',
      '    total = msg.Tags.Total,',
      '  } })',
      'end)',
    ].join('\n');
    expect(lint(code)).toEqual([]);
  });

  it('a table a file-local function returns is followed; other call results stay unknown', () => {
    const code = [
      'local function snapshot() return {} end',
      "Handlers.add('snap', 'Snap', function(msg)",
      '  local state = snapshot()',
      '  local list = utils.filter(function(x) return x end, msg.List)',
      '  Send({ device = "patch@1.0", cache = { snapshot = state, list = list, copy = setmetatable({}, meta) } })',
      'end)',
    ].join('\n');
    expect(lint(code)).toEqual(['empty-table-value 5:42-5:50']);
  });

  it('a cache whose value is not known is not reported as missing or not a table', () => {
    const code = [
      "Handlers.add('c', 'C', function(msg)",
      '  Send({ device = "patch@1.0", cache = buildCache(msg) })',
      '  local m = { device = "patch@1.0" }',
      '  for k, v in pairs(msg.Fields) do m[k] = v end',
      '  Send(m)',
      'end)',
    ].join('\n');
    expect(lint(code)).toEqual([]);
  });

  it('a device that is not a known string makes no patch at all', () => {
    const code = [
      "Handlers.add('d', 'D', function(msg)",
      '  Send({ device = msg.Tags.Device, cache = { Key = 1 } })',
      "  Send({ device = Config.device or 'patch@1.0', cache = { Key = 1 } })",
      'end)',
    ].join('\n');
    expect(lint(code)).toEqual([]);
    expect(model(code).patches).toEqual([]);
  });

  it('the model marks what it cannot resolve as unknown, with no text', () => {
    const code = "Handlers.add('x', 'X', function(msg) Send({ device = 'patch@1.0', cache = { [msg.Tags.K] = msg.Data } }) end)";
    const cache = model(code).patches[0]!.root.entries.find((e) => e.key.text === 'cache')!;
    expect(cache.value.kind).toBe('table');
    const entry = cache.value.kind === 'table' ? cache.value.table.entries[0]! : null;
    expect(entry?.key.text).toBeNull();
    expect(entry?.value.kind).toBe('unknown');
  });
});
