// The text test that decides which files get a patch model (src/model/prefilter.ts): every
// spelling the model can resolve passes, and the common words and fields of other Lua do not.
import { describe, expect, it } from 'vitest';
import { mayHavePatchMessage } from '../../src/model/index.js';
import { lint } from './helpers.js';

describe('the patch prefilter', () => {
  const pass: [string, string][] = [
    ['a patch message', "Send({ device = 'patch@1.0', cache = { a = 1 } })"],
    ['method = "PATCH"', 'table.insert(ao.outbox.Messages, { method = "PATCH", a = 1 })'],
    ['a near miss after ~ or a space', "Send({ device = '~patch@1.0' }) Send({ device = ' Patch@1' })"],
    ['a long string', 'local D = [[patch@1.0]]'],
    ['a decimal escape of a letter', "Send({ device = '\\112atch@1.0' })"],
    ['a hex escape of a letter', "Send({ method = '\\x50ATCH' })"],
    ['a unicode escape of a letter', "Send({ device = '\\u{70}atch@1.0' })"],
    ['\\z joining the word', "Send({ device = 'pat\\z\n     ch@1.0' })"],
    ['an escape before the word', "Send({ device = '\\x7epatch@1.0' })"],
    ['white space and escapes before the word', "Send({ device = '\\t \\126 patch@1' }) Send({ device = [==[\n  Patch@1.0]==] })"],
    ['the word in a string that holds a quote', "print('say \"patch@1.0\"')"],
  ];
  for (const [name, code] of pass) it(`lets through ${name}`, () => expect(mayHavePatchMessage(code)).toBe(true));

  const skip: [string, string][] = [
    ['an HTTP client', "http.request({ url = u, method = 'GET', headers = { ['content-type'] = 'text/plain\\n' } })"],
    ['a device table', "local dev = { device = 'gpu0', method = 'dma' }"],
    ['the word inside another word', "-- event dispatch\nlocal function dispatch(ev) return handlers[ev.method](ev) end\nlocal unpatched = true"],
    ['escapes of other letters', "print('tab\\9end', '\\x42\\u{44}', '\\0')"],
    ['an HTTP route table keyed by method', "return { ['/users/:id'] = { GET = function(self) end, PATCH = function(self, db) return kong.response.exit(200) end } }"],
    ['the word in names, comments and the middle of strings', "-- patch the config first\nlocal patch = require('cfg').patch\nlog('apply patch now')"],
  ];
  for (const [name, code] of skip) it(`skips ${name}`, () => expect(mayHavePatchMessage(code)).toBe(false));

  it('reads a long run of escaped quotes once (a regular expression here backtracked on it)', () => {
    expect(mayHavePatchMessage(`'${"\\'".repeat(100_000)} x patch`)).toBe(false);
    expect(mayHavePatchMessage(`'${"\\'".repeat(100_000)}patch`)).toBe(true);
  });

  it('an escaped device string is still linted as the patch it is', () => {
    expect(lint("Send({ device = '\\x7epatch@1.0', cache = { a = 1 } })")).toEqual(['guard-top-level-sync 1:1-1:54', 'device-name 1:17-1:32']);
  });
});
