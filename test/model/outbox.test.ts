// A table with `method = "PATCH"` is a patch message only when it reaches the outbox (HyperBEAM's
// patch device looks at outbox messages); an HTTP request with that method is not one. A
// `device = 'patch@1.0'` table is AO's own wherever it goes. Realistic non-AO Lua lints clean.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { presetConfig } from '../../src/config/presets.js';
import { lintText } from '../../src/index.js';
import { lint } from './helpers.js';

describe('method = "PATCH" tables', () => {
  it('an HTTP client library beside an AO process in one file: only the outbox message is linted', () => {
    const code = [
      "local http = require('http')",
      'local Api = {}',
      'function Api:callAPI(method, path, body)',
      "  return http.request({ method = method, url = 'https://api.example.com' .. path, body = body })",
      'end',
      "Handlers.add('Sync', 'Sync', function(msg)",
      "  Api:callAPI('PATCH', '/users/' .. msg.From, { Name = msg.Tags.Name })",
      "  local res = http.request { method = 'PATCH', path = '/plugins/' .. msg.Id, body = { Enabled = true } }",
      "  ao.send({ Target = ao.id, method = 'PATCH', cache = { LastSync = msg.Timestamp } })",
      'end)',
    ].join('\n');
    expect(lint(code)).toEqual(['lowercase-key 9:57-9:65']);
  });

  it('reaches the outbox through every send spelling, a message built first and a wrapper', () => {
    const code = [
      "local AO = require('.ao')",
      'local function publish(m) Send(m) end',
      "Handlers.add('A', 'A', function(msg)",
      "  Send({ method = 'PATCH', cache = { A = 1 } })",
      "  AO.send({ method = 'PATCH', cache = { B = 1 } })",
      "  _G.ao.send({ method = 'PATCH', cache = { C = 1 } })",
      "  msg.reply({ method = 'PATCH', cache = { D = 1 } })",
      "  table.insert(ao.outbox.Messages, { method = 'PATCH', cache = { E = 1 } })",
      "  local m = { method = 'PATCH', cache = { F = 1 } }",
      '  ao.send(m)',
      "  publish({ method = 'PATCH', cache = { G = 1 } })",
      'end)',
    ].join('\n');
    expect(lint(code).map((l) => l.split(' ')[1])).toEqual(['4:38-4:39', '5:41-5:42', '6:44-6:45', '7:43-7:44', '8:66-8:67', '9:43-9:44', '11:41-11:42']);
  });

  it("is not a patch when it goes to an HTTP client's send, a queue, or a function that does not send it", () => {
    const code = [
      'local function log(t) print(t.method) end',
      "Handlers.add('A', 'A', function(msg)",
      "  client:send({ method = 'PATCH', cache = { A = 1 } })",
      "  Queue[#Queue + 1] = { method = 'PATCH', cache = { B = 1 } }",
      "  log({ method = 'PATCH', cache = { C = 1 } })",
      "  local req = { method = 'PATCH', path = '/x' }",
      '  req.body = { D = 1 }',
      '  return req',
      'end)',
    ].join('\n');
    expect(lint(code)).toEqual([]);
  });

  it("a device = 'patch@1.0' table is a patch wherever it goes", () => {
    expect(lint("local m = { device = 'patch@1.0', cache = { Total = 1 } }\nHandlers.add('A', 'A', function() deliver(m) end)")).toEqual(['lowercase-key 1:45-1:50']);
  });
});

describe('realistic non-AO Lua (fixtures/non-ao/)', () => {
  const dir = 'fixtures/non-ao';
  const files = readdirSync(dir).filter((f) => f.endsWith('.lua'));
  it.each(files)('%s: no findings with every rule on', (file) => {
    const text = readFileSync(path.join(dir, file), 'utf8');
    for (const preset of ['recommended', 'all', 'direct-keys'] as const) {
      expect(lintText(text, { filePath: file, config: presetConfig(preset) }).messages).toEqual([]);
    }
  });
  it('has fixtures', () => expect(files.length).toBeGreaterThanOrEqual(3));
});
