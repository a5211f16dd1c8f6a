// File-local wrappers: a function whose parameters become keys or values of a patch is
// checked at every call, as if the arguments were written there, and reported at the argument.
import { describe, expect, it } from 'vitest';
import { at, lint, messagesOf, model } from './helpers.js';

const sendPatch = [
  'local function SendPatch(key, value)',
  "  Send({ device = 'patch@1.0', cache = { [key] = value } })",
  'end',
].join('\n');

describe('a local wrapper', () => {
  it('checks each call as if the key and value were written there, reported at the argument', () => {
    const code = [
      sendPatch,
      "Handlers.add('status', Handlers.utils.hasMatchingTag('Action', 'Status'), function(msg)",
      "  SendPatch('Status', msg.Data)",
      "  SendPatch('items', {})",
      "  SendPatch('price', 1.5)",
      "  SendPatch('fine', 'ok')",
      'end)',
    ].join('\n');
    expect(lint(code)).toEqual([
      'lowercase-key 5:13-5:21',
      'empty-table-value 6:22-6:24',
      'number-precision 7:22-7:25',
    ]);
    expect(messagesOf(code, 'lowercase-key')[0]).toContain("Key 'Status'");
  });

  it('fixes the key in the argument, where it is written', () => {
    const code = [sendPatch, "Handlers.add('s', 'S', function(msg) SendPatch('Status', 1) end)"].join('\n');
    const key = model(code).patches.flatMap((p) => {
      const cache = p.root.entries.find((e) => e.key.text === 'cache');
      return cache?.value.kind === 'table' ? cache.value.table.entries.map((e) => e.key) : [];
    }).find((k) => k.text === 'Status')!;
    expect(at(code, key.range[0])).toBe('4:48');
    expect(key.literal).toEqual({ range: key.range, form: 'string' });
    expect(key.via).toEqual(key.range);
  });

  it('checks every call site, however many there are', () => {
    const calls = Array.from({ length: 150 }, (_, i) => `  SendPatch('Key${i}', ${i})`);
    const code = [sendPatch, "Handlers.add('many', 'Many', function(msg)", ...calls, 'end)'].join('\n');
    const reports = lint(code);
    expect(reports).toHaveLength(150);
    expect(reports[149]).toBe('lowercase-key 154:13-154:21');
  });

  it('stays silent when the arguments cannot be resolved', () => {
    const code = [
      sendPatch,
      "Handlers.add('set', 'Set', function(msg)",
      '  SendPatch(msg.Tags.Key, msg.Data)',
      '  SendPatch(string.lower(msg.Tags.Name), tonumber(msg.Tags.Value))',
      '  SendPatch(getKey(), makeTable())',
      'end)',
    ].join('\n');
    expect(lint(code)).toEqual([]);
  });

  it('does not substitute a parameter the wrapper reassigns or fills', () => {
    const code = [
      'local function SetKey(key, value)',
      '  key = string.lower(key)',
      "  Send({ device = 'patch@1.0', cache = { [key] = value } })",
      'end',
      'local function SetTable(t)',
      '  t.updated = os.time()',
      "  Send({ device = 'patch@1.0', cache = { data = t } })",
      'end',
      "Handlers.add('w', 'W', function(msg) SetKey('Status', 1) SetTable({}) end)",
    ].join('\n');
    expect(lint(code, 'direct-keys')).toEqual([]);
  });

  it('follows a wrapper that receives the whole cache table, and one whose device is a parameter', () => {
    const code = [
      "local function patch(data) Send({ device = 'patch@1.0', cache = data }) end",
      'local function sendTo(device, key) ao.send({ device = device, cache = { [key] = 1 } }) end',
      "Handlers.add('w', 'W', function(msg)",
      '  patch({ Score = 1, list = {} })',
      "  sendTo('patch@1', 'ok')",
      "  sendTo('relay@1.0', 'Ignored')",
      'end)',
    ].join('\n');
    expect(lint(code)).toEqual([
      'lowercase-key 4:11-4:16',
      'empty-table-value 4:22-4:26',
      'device-name 5:10-5:19',
    ]);
  });
});

describe('global functions, module functions and methods', () => {
  it('counts a global function defined in the file as file-local', () => {
    const code = [
      'function SyncKey(key, value)',
      "  ao.send({ device = 'patch@1.0', cache = { [key] = value } })",
      'end',
      "Handlers.add('g', 'G', function(msg) SyncKey('TotalSupply', TotalSupply) end)",
    ].join('\n');
    expect(lint(code)).toEqual(['lowercase-key 4:46-4:59']);
  });

  it('follows `function M.sync()` and `function M:sync()` called as M.sync(...) and M:sync(...)', () => {
    const code = [
      'local M = {}',
      'function M.sync(key) Send({ device = "patch@1.0", cache = { [key] = 1 } }) end',
      'function M:push(key) Send({ device = "patch@1.0", cache = { [key] = self.count } }) end',
      "Handlers.add('m', 'M', function(msg)",
      "  M.sync('ViaDot')",
      "  M:push('ViaColon')",
      "  M.push(M, 'ViaSelf')",
      'end)',
    ].join('\n');
    expect(lint(code)).toEqual([
      'lowercase-key 5:10-5:18',
      'lowercase-key 6:10-6:20',
      'lowercase-key 7:13-7:22',
    ]);
  });

  it('follows functions stored in table fields and in variables', () => {
    const code = [
      'local Sync = {',
      "  run = function(key) Send({ device = 'patch@1.0', cache = { [key] = 1 } }) end,",
      '}',
      'local Other = {}',
      "Other.push = function(key) ao.send({ device = 'patch@1.0', cache = { [key] = 2 } }) end",
      "local put = function(key) ao.send({ device = 'patch@1.0', cache = { [key] = 3 } }) end",
      "Handlers.add('x', 'X', function() Sync.run('FieldFn') Other.push('WriteFn') put('LocalFn') end)",
    ].join('\n');
    expect(lint(code)).toEqual(['lowercase-key 7:44-7:53', 'lowercase-key 7:66-7:75', 'lowercase-key 7:81-7:90']);
  });

  it('does not pick a target for a field assigned two different functions', () => {
    const code = [
      'local M = {}',
      "M.send = function(key) Send({ device = 'patch@1.0', cache = { [key] = 1 } }) end",
      'if Legacy then M.send = function(key) print(key) end end',
      "Handlers.add('x', 'X', function() M.send('Ambiguous') end)",
    ].join('\n');
    expect(lint(code)).toEqual([]);
  });

  it('follows wrappers of wrappers to the outermost literal', () => {
    const code = [
      sendPatch,
      'local function syncBalance(key) SendPatch(key, json.encode(Balances)) end',
      'local function syncAll(prefix) syncBalance(prefix) end',
      "Handlers.add('a', 'A', function(msg)",
      "  syncBalance('Balances')",
      "  syncAll('AllBalances')",
      "  syncAll('fine')",
      'end)',
    ].join('\n');
    expect(lint(code)).toEqual(['lowercase-key 7:15-7:25', 'lowercase-key 8:11-8:24']);
  });

  it('follows a local of the wrapper that holds a parameter, and a message built inside the wrapper', () => {
    const code = [
      'local function expose(name, value)',
      '  local key = name',
      "  local m = { device = 'patch@1.0', cache = {} }",
      '  m.cache[key] = value',
      '  Send(m)',
      'end',
      "Handlers.add('e', 'E', function(msg) expose('Owner', msg.From) expose('list', {}) end)",
    ].join('\n');
    expect(lint(code)).toEqual(['lowercase-key 7:45-7:52', 'empty-table-value 7:79-7:81']);
  });

  it('ends a recursive wrapper chain without looping', () => {
    const code = [
      'local function a(key, n) if n > 0 then return b(key, n - 1) end Send({ device = "patch@1.0", cache = { [key] = n } }) end',
      'function b(key, n) return a(key, n) end',
      "Handlers.add('r', 'R', function(msg) a('Loop', 3) end)",
    ].join('\n');
    expect(lint(code)).toEqual(['lowercase-key 3:40-3:46']);
  });

  it('follows a table argument read as a field (`msg.From`) to the field written at the call', () => {
    const code = [
      'local function onJoin(msg)',
      "  Send({ device = 'patch@1.0', cache = { [msg.From] = msg.Timestamp } })",
      'end',
      "Handlers.add('join', 'Join', onJoin)",
      "Handlers.add('test', 'Test', function() onJoin({ From = 'Alice', Timestamp = 1.5 }) end)",
    ].join('\n');
    expect(lint(code)).toEqual(['lowercase-key 5:57-5:64', 'number-precision 5:78-5:81']);
  });
});
