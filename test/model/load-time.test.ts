// Every way a process sends a message, and which sends run at load time (guard-top-level-sync):
// a top-level send, or a top-level call of a file-local function that (transitively) sends one.
import { describe, expect, it } from 'vitest';
import { lint, messagesOf, model } from './helpers.js';

describe('send spellings', () => {
  const spellings: [string, string][] = [
    ['Send', "Send({ device = 'patch@1.0', cache = { a = 1 } })"],
    ['ao.send', "ao.send({ device = 'patch@1.0', cache = { a = 1 } })"],
    ['AO.send', "AO = require('.ao')\nAO.send({ device = 'patch@1.0', cache = { a = 1 } })"],
    ['_G.ao.send', "_G.ao.send({ device = 'patch@1.0', cache = { a = 1 } })"],
    ['table.insert into the outbox', "local m = { device = 'patch@1.0', cache = { a = 1 } }\ntable.insert(ao.outbox.Messages, m)"],
    ['a variable sent later', "local m = { device = 'patch@1.0', cache = { a = 1 } }\nao.send(m)"],
    ['Send = Send or ao.send', "Send = Send or ao.send\nSend({ device = 'patch@1.0', cache = { a = 1 } })"],
    ['a file-local Send that shadows the global', 'local function Send(msg, response)\n  ao.send(msg)\nend\nSend({ device = \'patch@1.0\', cache = { a = 1 } })'],
  ];
  for (const [name, code] of spellings) {
    it(`${name}: a top-level send is a load-time send, reported at the send`, () => {
      const lines = code.split('\n');
      const last = lines[lines.length - 1]!;
      expect(lint(code)).toEqual([`guard-top-level-sync ${lines.length}:1-${lines.length}:${last.length + 1}`]);
    });
    it(`${name}: the same send inside a handler is not`, () => {
      const lines = code.split('\n');
      const last = lines.pop()!;
      const inHandler = [...lines, "Handlers.add('sync', 'Sync', function(msg)", `  ${last}`, 'end)'].join('\n');
      expect(lint(inHandler)).toEqual([]);
    });
  }

  it('msg.reply and msg.forward in a handler carry patches too (checked, never load-time)', () => {
    const code = [
      "Handlers.add('ask', 'Ask', function(msg)",
      "  msg.reply({ device = 'patch@1.0', cache = { Answer = 42 } })",
      'end)',
    ].join('\n');
    expect(lint(code)).toEqual(['lowercase-key 2:47-2:53']);
    expect(model(code).loadTimeSends).toEqual([]);
  });
});

describe('load-time reachability', () => {
  const sync = [
    'local function syncState()',
    "  Send({ device = 'patch@1.0', cache = { balances = json.encode(Balances) } })",
    'end',
  ].join('\n');

  it('reports a top-level call of a function that sends, at the call, naming the function', () => {
    const code = [sync, 'local function init() syncState() end', 'init()'].join('\n');
    expect(lint(code)).toEqual(['guard-top-level-sync 5:1-5:7']);
    expect(messagesOf(code, 'guard-top-level-sync')[0]).toContain('init()');
  });

  it('accepts the call inside a proper guard (global flag tested and set in the branch)', () => {
    const code = [
      sync,
      "InitialSync = InitialSync or 'INCOMPLETE'",
      "if InitialSync == 'INCOMPLETE' then",
      '  syncState()',
      "  InitialSync = 'COMPLETE'",
      'end',
    ].join('\n');
    expect(lint(code)).toEqual([]);
  });

  it('reports a guard whose flag is local, or reset unconditionally on every load', () => {
    const local = [sync, 'local synced = false', 'if not synced then', '  syncState()', '  synced = true', 'end'].join('\n');
    expect(lint(local)).toEqual(['guard-top-level-sync 6:3-6:14']);
    const reset = [sync, "InitialSync = 'INCOMPLETE'", "if InitialSync == 'INCOMPLETE' then", '  syncState()', "  InitialSync = 'COMPLETE'", 'end'].join('\n');
    expect(lint(reset)).toEqual(['guard-top-level-sync 6:3-6:14']);
  });

  it('never counts functions only used as handlers, or only called from handlers', () => {
    const code = [
      sync,
      'local function onTransfer(msg) syncState() end',
      "Handlers.add('transfer', Handlers.utils.hasMatchingTag('Action', 'Transfer'), onTransfer)",
      "Handlers.add('sync', 'Sync', function(msg) syncState() end)",
      "Handlers.once('boot', 'Boot', syncState)",
    ].join('\n');
    expect(lint(code)).toEqual([]);
  });

  it('follows module functions, methods and an immediately called function', () => {
    const code = [
      'local M = {}',
      "function M.sync() ao.send({ device = 'patch@1.0', cache = { a = 1 } }) end",
      'function M:push() self.sync() end',
      'M:push()',
      // The `;` keeps Lua from reading `M:push()(function() ... end)()` as one call chain.
      ";(function() Send({ device = 'patch@1.0', cache = { b = 1 } }) end)()",
    ].join('\n');
    expect(lint(code)).toEqual(['guard-top-level-sync 4:1-4:9', 'guard-top-level-sync 5:2-5:70']);
  });

  it('names a function stored in a table field by the call that reaches it', () => {
    const code = [
      "local Sync = { run = function() Send({ device = 'patch@1.0', cache = { a = 1 } }) end }",
      'Sync.run()',
    ].join('\n');
    expect(lint(code)).toEqual(['guard-top-level-sync 2:1-2:11']);
    expect(messagesOf(code, 'guard-top-level-sync')[0]).toContain('Sync.run()');
  });

  it('follows pcall and xpcall: a protected sync still runs at load time', () => {
    const code = [
      "local function sync(key) Send({ device = 'patch@1.0', cache = { [key] = 1 } }) end",
      "pcall(sync, 'Protected')",
      "xpcall(sync, print, 'ok')",
      "pcall(function() ao.send({ device = 'patch@1.0', cache = { a = 1 } }) end)",
    ].join('\n');
    expect(lint(code)).toEqual([
      'guard-top-level-sync 2:1-2:25',
      'lowercase-key 2:13-2:24',
      'guard-top-level-sync 3:1-3:26',
      'guard-top-level-sync 4:1-4:75',
    ]);
    expect(messagesOf(code, 'guard-top-level-sync').map((m) => m.split(' runs at load time')[0])).toEqual([
      'The patch sent by sync()',
      'The patch sent by sync()',
      'This patch',
    ]);
  });

  it('counts a top-level loop or block as load time', () => {
    const code = [
      "for _, key in ipairs({ 'a', 'b' }) do",
      "  Send({ device = 'patch@1.0', cache = { [key] = true } })",
      'end',
      'do',
      "  ao.send({ device = 'patch@1.0', cache = { c = 1 } })",
      'end',
    ].join('\n');
    expect(lint(code)).toEqual(['guard-top-level-sync 2:3-2:59', 'guard-top-level-sync 5:3-5:55']);
  });

  it('printing or encoding a message at the top level is not sending it', () => {
    const code = [
      "local m = { device = 'patch@1.0', cache = { a = 1 } }",
      'print(json.encode(m))',
      'print(m)',
      "Handlers.add('s', 'S', function() Send(m) end)",
    ].join('\n');
    expect(lint(code)).toEqual([]);
  });

  it('records the send, the function it goes through, and the guard in the model', () => {
    const code = [sync, "if Ready == 'yes' then", '  syncState()', 'end'].join('\n');
    const sends = model(code).loadTimeSends;
    expect(sends.map((s) => ({ through: s.through, flag: s.guard?.flag, setsFlag: s.guard?.setsFlag }))).toEqual([
      { through: 'syncState', flag: 'Ready', setsFlag: false },
    ]);
  });
});
