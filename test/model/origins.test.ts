// Where each patch message is sent from (PatchMessage.origins, read by --print-paths): at load
// time with its guard, in which handler, or in a function nothing calls.
import { describe, expect, it } from 'vitest';
import type { SendOrigin } from '../../src/model/index.js';
import { at, model } from './helpers.js';

/** Each message's origins as `kind[ name|guard] line:column[ via call]`. */
function origins(code: string): string[][] {
  return model(code).patches.map((p) => p.origins.map((o) => shown(o, code)));
}

function shown(o: SendOrigin, code: string): string {
  const where = `${at(code, o.range[0])}${o.throughCall ? ' via call' : ''}`;
  if (o.kind === 'load') return `load ${o.guarded ? `guarded by ${o.flag}` : `unguarded${o.flag ? ` (tests ${o.flag})` : ''}`} ${where}`;
  if (o.kind === 'handler') return `handler ${o.name} ${where}`;
  return `function ${o.name ?? '(anonymous)'} ${where}`;
}

describe('origins of patch messages', () => {
  it('a top-level send: at load time, guarded by a global flag or not', () => {
    const code = [
      "Send({ device = 'patch@1.0', cache = { a = 1 } })",
      "InitialSync = InitialSync or 'INCOMPLETE'",
      "if InitialSync == 'INCOMPLETE' then",
      "  Send({ device = 'patch@1.0', cache = { b = 1 } })",
      "  InitialSync = 'COMPLETE'",
      'end',
      'local done = false',
      'if not done then',
      "  Send({ device = 'patch@1.0', cache = { c = 1 } })",
      '  done = true',
      'end',
    ].join('\n');
    expect(origins(code)).toEqual([['load unguarded 1:1'], ['load guarded by InitialSync 4:3'], ['load unguarded (tests done) 9:3']]);
  });

  it('handlers by name, in every form aos accepts', () => {
    const code = [
      "Handlers.add('Transfer', Handlers.utils.hasMatchingTag('Action', 'Transfer'), function(msg)",
      "  Send({ device = 'patch@1.0', cache = { a = 1 } })",
      'end)',
      'local function onInfo(msg)',
      "  ao.send({ device = 'patch@1.0', cache = { b = 1 } })",
      'end',
      "Handlers.prepend('Info', 'Info', onInfo)",
      "Handlers.add('Ping', function(msg) msg.reply({ device = 'patch@1.0', cache = { c = 1 } }) end)",
    ].join('\n');
    expect(origins(code)).toEqual([['handler Transfer 2:3'], ['handler Info 5:3'], ['handler Ping 8:36']]);
  });

  it('a helper that sends: every handler and load-time call that reaches it, through the calls', () => {
    const code = [
      'local function sync()',
      "  Send({ device = 'patch@1.0', cache = { a = 1 } })",
      'end',
      'local function refresh() sync() end',
      "Handlers.add('Mint', 'Mint', function(msg) refresh() end)",
      "InitialSync = InitialSync or 'INCOMPLETE'",
      "if InitialSync == 'INCOMPLETE' then sync(); InitialSync = 'COMPLETE' end",
      'sync()',
    ].join('\n');
    expect(origins(code)).toEqual([['handler Mint 5:44 via call', 'load guarded by InitialSync 7:37 via call', 'load unguarded 8:1 via call']]);
  });

  it('a wrapper: each instance is sent from where the wrapper is called', () => {
    const code = [
      'local function SendPatch(key, value)',
      "  Send({ device = 'patch@1.0', cache = { [key] = value } })",
      'end',
      "Handlers.add('Set', 'Set', function(msg) SendPatch('score', 1) end)",
      "SendPatch('version', '1')",
    ].join('\n');
    const patches = model(code).patches;
    // The template (its key a parameter) is reached through the wrapper's calls; each instance from its call.
    expect(patches.map((p) => p.origins.map((o) => shown(o, code)))).toEqual([
      ['handler Set 4:42 via call', 'load unguarded 5:1 via call'], ['handler Set 4:42'], ['load unguarded 5:1']]);
  });

  it('an anonymous callback runs where it is written; a named function nothing calls is a function origin', () => {
    const code = [
      "Handlers.add('Each', 'Each', function(msg)",
      "  utils.map(function(x) Send({ device = 'patch@1.0', cache = { [x] = 1 } }) end, msg.Tags.List)",
      'end)',
      'function Exported()',
      "  Send({ device = 'patch@1.0', cache = { b = 1 } })",
      'end',
    ].join('\n');
    expect(origins(code)).toEqual([['handler Each 2:25'], ['function Exported 5:3']]);
  });
});
