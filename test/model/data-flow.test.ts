// The model follows a patch message through plain local data flow in one file: tables built
// first and sent later, fields added afterwards, values and keys held in variables, tables
// filled in loops. Each idiom has code that must report and code that must stay silent.
import { describe, expect, it } from 'vitest';
import { cacheKeys, lint } from './helpers.js';

describe('a message table built first and sent later', () => {
  const code = [
    "Handlers.add('sync', Handlers.utils.hasMatchingTag('Action', 'Sync'), function(msg)",
    "  local m = { device = 'patch@1.0' }",
    '  m.cache = { total = 1 }',
    '  m.cache.Key = msg.Data',
    "  m.cache['Other'] = 2",
    '  m.cache.empty = {}',
    '  Send(m)',
    'end)',
  ].join('\n');

  it('checks the fields added after the constructor, at the field as written', () => {
    expect(lint(code)).toEqual([
      'lowercase-key 4:11-4:14',
      'lowercase-key 5:11-5:18',
      'empty-table-value 6:11-6:16',
    ]);
  });

  it('sees the whole cache table as the model of the message', () => {
    expect(cacheKeys(code)).toEqual(['total@3:15', 'Key@4:11', 'Other@5:11', 'empty@6:11']);
  });

  it('finds a message whose device is only added later', () => {
    const later = [
      "Handlers.add('late', 'Late', function(msg)",
      '  local m = {}',
      "  m.device = 'patch@1.0'",
      '  m.cache = { Score = 1 }',
      '  ao.send(m)',
      'end)',
    ].join('\n');
    expect(lint(later)).toEqual(['lowercase-key 4:15-4:20']);
  });

  it('stays silent on correct code built the same way', () => {
    const ok = [
      "Handlers.add('sync', 'Sync', function(msg)",
      "  local m = { device = 'patch@1.0', cache = {} }",
      '  m.cache.total = 1',
      "  m.cache['status'] = msg.Data",
      '  for k, v in pairs(Stats) do m.cache[k] = v end',
      '  Send(m)',
      'end)',
    ].join('\n');
    expect(lint(ok)).toEqual([]);
  });

  it('does not take `t.k = nil` (an entry removed before the send) for a nil entry', () => {
    const removed = [
      "Handlers.add('drop', 'Drop', function(msg)",
      "  local m = { device = 'patch@1.0', cache = { note = msg.Data } }",
      '  if msg.Tags.Quiet then m.cache.note = nil end',
      '  Send(m)',
      'end)',
    ].join('\n');
    expect(lint(removed)).toEqual([]);
  });
});

describe('the aos token blueprint idiom (direct keys)', () => {
  const blueprint = [
    'Balances = Balances or {}',
    "Handlers.add('transfer', Handlers.utils.hasMatchingTag('Action', 'Transfer'), function(msg)",
    "  local patchMsg = { device = 'patch@1.0', balances = {} }",
    '  patchMsg.balances[msg.From] = Balances[msg.From]',
    '  patchMsg.balances[msg.Recipient] = Balances[msg.Recipient]',
    '  Send(patchMsg)',
    'end)',
  ].join('\n');

  it('knows balances is filled before the send (not an empty table)', () => {
    expect(lint(blueprint, 'direct-keys')).toEqual([]);
  });

  it('reports balances when nothing fills it before the send', () => {
    const empty = blueprint.replace(/ {2}patchMsg\.balances\[.*\n/g, '');
    expect(lint(empty, 'direct-keys')).toEqual(['empty-table-value 3:44-3:52']);
  });

  it('in the cache style, reports the root data key beside a missing cache', () => {
    expect(lint(blueprint)).toEqual(['require-cache 3:20-3:59']);
  });
});

describe('values and keys through variables', () => {
  it('resolves a table variable used as a value, and a string constant used as a key', () => {
    const code = [
      "local STATUS_KEY = 'Status'",
      "local TOTAL = 'totalsupply'",
      'Balances = { alice = 100, bob = 200 }',
      'local Empty = {}',
      "Handlers.add('info', 'Info', function(msg)",
      '  Send({ device = "patch@1.0", cache = { [STATUS_KEY] = "ok", [TOTAL] = 1, balances = Balances, none = Empty } })',
      'end)',
    ].join('\n');
    expect(lint(code)).toEqual([
      'lowercase-key 6:43-6:53',
      'serialize-complex-value 6:76-6:84',
      'empty-table-value 6:97-6:101',
    ]);
  });

  it('knows a table filled in a loop is a non-empty table with unknown keys', () => {
    const code = [
      "Handlers.add('list', 'List', function(msg)",
      '  local holders = {}',
      '  for addr, amount in pairs(Balances) do holders[addr] = amount end',
      '  local top = {}',
      '  for i = 1, 10 do top[#top + 1] = i end',
      '  Send({ device = "patch@1.0", cache = { holders = holders, top = top } })',
      'end)',
    ].join('\n');
    expect(lint(code)).toEqual(['serialize-complex-value 6:42-6:49', 'serialize-complex-value 6:61-6:64']);
  });

  it('treats a table as possibly filled once it is aliased, stored elsewhere, or passed to a function', () => {
    const code = [
      "Handlers.add('alias', 'Alias', function(msg)",
      '  local a = {}',
      '  local view = a',
      '  view.count = 1',
      '  local b = {}',
      '  State.pending = b',
      '  local c = {}',
      '  local holder = { inner = c }',
      '  local d = {}',
      '  fill(d)',
      '  Send({ device = "patch@1.0", cache = { a = a, b = b, c = c, d = d } })',
      'end)',
    ].join('\n');
    expect(lint(code, 'direct-keys')).toEqual([]);
  });

  it('treats a global table as open (other files and later evaluations fill it) but a fresh local as empty', () => {
    const code = [
      'Stats = {}',
      "Handlers.add('stats', 'Stats', function(msg)",
      '  local fresh = {}',
      '  for _, v in ipairs(msg.Tags) do print(v) end',
      '  Send({ device = "patch@1.0", cache = { stats = Stats, fresh = fresh } })',
      'end)',
    ].join('\n');
    expect(lint(code)).toEqual(['empty-table-value 5:57-5:62']);
  });

  it('follows a constant table of keys (`KEYS.status`)', () => {
    const code = [
      "local KEYS = { status = 'Status', count = 'count' }",
      "Handlers.add('k', 'K', function(msg)",
      '  Send({ device = "patch@1.0", cache = { [KEYS.status] = 1, [KEYS.count] = 2 } })',
      'end)',
    ].join('\n');
    expect(lint(code)).toEqual(['lowercase-key 3:43-3:54']);
  });

  it('does not guess a field written twice or a table filled under unknown keys', () => {
    const code = [
      "local KEYS = { status = 'Status' }",
      "KEYS.status = 'status'",
      "local NAMES = { main = 'Main' }",
      'for k, v in pairs(Overrides) do NAMES[k] = v end',
      "Handlers.add('k', 'K', function(msg)",
      '  Send({ device = "patch@1.0", cache = { [KEYS.status] = 1, [NAMES.main] = 2 } })',
      'end)',
    ].join('\n');
    expect(lint(code)).toEqual([]);
  });
});
