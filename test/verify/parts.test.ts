// The parts of --verify that need no aos module: the patch device's merge, the bundle that
// loads a script as `.load` does, the scenario file, the tarball reader, aos's error text, and
// the findings drawn from a run's records.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { applyPatch, patchesIn, type State } from '../../src/verify/apply.js';
import { bundleScript, longString, luaString } from '../../src/verify/bundle.js';
import { findingsOf } from '../../src/verify/findings.js';
import { errorText, type Run, type SendRecord, type Step } from '../../src/verify/run.js';
import { parseScenario } from '../../src/verify/scenario.js';
import { fileInTarball } from '../../src/verify/setup.js';

const tag = (name: string, value: unknown) => ({ name, value });
const envelope = [tag('Data-Protocol', 'ao'), tag('Variant', 'ao.TN.1'), tag('Type', 'Message')];

describe('the patch device, applied as HyperBEAM does', () => {
  it('keeps only patches, drops the envelope and device, merges maps deeply, keeps case', () => {
    const patches = patchesIn([
      { Tags: [...envelope, tag('Reference', '1'), tag('device', 'patch@1.0'), tag('cache', { Count: 1, nested: { a: 1 } })], Anchor: '0001' },
      { Tags: [...envelope, tag('Reference', '2'), tag('Action', 'Credit-Notice')], Target: 'x' },
      { method: 'PATCH', y: 'raw' },
      { Tags: [tag('device', 'Patch@1.0'), tag('lost', 1)] },
    ]);
    expect(patches).toEqual([
      { fields: { cache: { Count: 1, nested: { a: 1 } } }, reference: '1' },
      { fields: { y: 'raw' }, reference: null },
    ]);
    const state: State = {};
    applyPatch(state, patches[0]!.fields);
    expect(applyPatch(state, { cache: { nested: { b: 2 } } })).toEqual([]);
    expect(state).toEqual({ cache: { Count: 1, nested: { a: 1, b: 2 } } });
  });

  it('an empty table ([]) or a list replaces; __ao-unset__ removes; a scalar replaces a map', () => {
    const state: State = { cache: { list: [1, 2], map: { a: 1 }, gone: 1, s: { x: 1 } } };
    const events = applyPatch(state, { cache: { list: [3], map: [], gone: '__ao-unset__', missing: '__ao-unset__', s: 'flat' } });
    expect(state).toEqual({ cache: { list: [3], map: [], s: 'flat' } });
    expect(events).toEqual([
      { kind: 'empty', path: ['cache', 'map'], wiped: true },
      { kind: 'unset', path: ['cache', 'gone'], existed: true },
      { kind: 'unset', path: ['cache', 'missing'], existed: false },
    ]);
  });
});

describe('the bundle (.load)', () => {
  it('runs required project modules first, dependencies before dependants, each under its own chunk name', () => {
    const files: Record<string, string> = {
      '/p/process.lua': "local u = require('lib.utils')\nlocal json = require('json')\n",
      '/p/lib/utils.lua': "local s = require('.lib.strings')\nreturn {}\n",
      '/p/lib/strings.lua': 'return {}\n',
    };
    const resolve = (name: string) => {
      const file = `/p/${name.replace(/^\.+/, '').replace(/\./g, '/')}.lua`;
      return files[file] !== undefined ? { filePath: file, text: files[file]! } : null;
    };
    const bundle = bundleScript('/p/process.lua', files['/p/process.lua']!, '/p', resolve);
    expect(bundle.files.map((f) => f.name)).toEqual(['process.lua', 'lib/strings.lua', 'lib/utils.lua']);
    expect(bundle.lua.split('\n').filter((l) => l.startsWith('package.loaded[') || l.startsWith('return __patchlint')).map((l) => l.slice(0, 40))).toEqual([
      'package.loaded[".lib.strings"] = __patch',
      'package.loaded["lib.utils"] = __patchlin',
      'return __patchlint_load([[',
    ]);
    expect(bundle.lua).toContain(', "@lib/utils.lua")()');
  });

  it('holds any text exactly in a long string, and escapes chunk names', () => {
    expect(longString('a]]b]=]c')).toBe('[==[\na]]b]=]c]==]');
    expect(longString('ends with ]')).toBe('[=[\nends with ]]=]');
    expect(longString('\uFEFF#!/usr/bin/lua\nx = 1')).toBe('[[\n--#!/usr/bin/lua\nx = 1]]');
    expect(luaString('a"b\\c\u00e9\n')).toBe('"a\\"b\\\\c\\195\\169\\010"');
  });
});

describe('the scenario file', () => {
  it('reads a list of messages', () => {
    expect(parseScenario('\uFEFF[{ "action": "Transfer", "from": "abc", "tags": { "Quantity": "5" }, "data": { "a": 1 } }, { "action": "Info" }]')).toEqual([
      { action: 'Transfer', from: 'abc', tags: { Quantity: '5' }, data: { a: 1 } },
      { action: 'Info' },
    ]);
  });

  it('names the entry and the key that is wrong', () => {
    expect(parseScenario('{')).toEqual({ error: expect.stringMatching(/^not JSON: /) });
    expect(parseScenario('{}')).toEqual({ error: 'expected a list of messages ([{ "action": "..." }, ...])' });
    expect(parseScenario('[{ "action": "A" }, { "Action": "B" }]')).toEqual({ error: 'message 2: unknown key "Action" (expected action, from, tags, data)' });
    expect(parseScenario('[{ "action": "" }]')).toEqual({ error: 'message 1: "action" must be a non-empty string' });
    expect(parseScenario('[{ "action": "A", "tags": { "Q": 5 } }]')).toEqual({ error: 'message 1: tag "Q" must be a string' });
  });
});

describe('the setup', () => {
  it('reads one file out of a tar archive (ustar headers, octal sizes, long names through the prefix)', () => {
    const header = (name: string, size: number, prefix = '') => {
      const h = Buffer.alloc(512);
      h.write(name, 0);
      h.write(size.toString(8).padStart(11, '0'), 124);
      h.write(prefix, 345);
      return h;
    };
    const body = (text: string) => Buffer.concat([Buffer.from(text), Buffer.alloc(512 - text.length)]);
    const tar = Buffer.concat([header('package/a.txt', 3), body('abc'), header('lua/aos.wasm', 4, 'package/cjs'), body('wasm'), Buffer.alloc(1024)]);
    expect(gzipSync(tar).length).toBeGreaterThan(0);
    expect(fileInTarball(tar, 'package/cjs/lua/aos.wasm')?.toString()).toBe('wasm');
    expect(fileInTarball(tar, 'package/a.txt')?.toString()).toBe('abc');
    expect(fileInTarball(tar, 'package/none')).toBeNull();
  });
});

describe('aos error text', () => {
  it('keeps the error and where it was raised, without colours, prints and the traceback', () => {
    const raw = '\u001b[31mWARN: No target specified\nError handling message with Action = Leave\nprocess.lua:36: a reason is required\nstack traceback:\n  [string ".handlers"]:1: in function';
    expect(errorText(raw)).toBe('process.lua:36: a reason is required');
    expect(errorText('\n\n\u001b[31merror:\n\u001b[0m[string ".handlers"]:723: [string "aos"]:1: boom')).toBe('[string "aos"]:1: boom');
  });
});

describe('findings from a run', () => {
  const send = (line: number, more: Partial<SendRecord> = {}): SendRecord => ({ file: 'p.lua', line, stack: [{ file: 'p.lua', line }], notes: [], reference: String(line), patch: true, ...more });
  const patch = (reference: string, fields: Record<string, unknown>) => ({ Tags: [...envelope, tag('Reference', reference), tag('device', 'patch@1.0'), ...Object.entries(fields).map(([k, v]) => tag(k, v))] });
  const step = (kind: Step['kind'], label: string, sends: SendRecord[], messages: Record<string, unknown>[], failure: string | null = null): Step => ({ kind, label, sends, messages, failure });

  it('reports each proven problem once, at the send, with its stable id', () => {
    const run: Run = {
      aosVersion: '2.0.4', milliseconds: 5,
      steps: [
        step('load', 'load', [send(3, { notes: [{ kind: 'number', path: '/cache/big', value: '123456789012345678', sent: '1.2345678901235e+17' }] })], [patch('3', { cache: { Big: 123456789012350000, list: { a: 1 } } })]),
        step('reload', 're-load', [send(3, { stack: [{ file: 'p.lua', line: 3 }, { file: 'p.lua', line: 9 }] })], [patch('3', { cache: { list: [] } })]),
        step('message', 'message 1: Action=Boom', [send(12), send(20, { patch: false })], [], 'p.lua:14: boom'),
        step('message', 'message 2: Action=Nan', [send(30, { error: '[string "json"]:149: unexpected number value \'nan\'', bad: [{ path: '/cache/x', error: 'nan' }] })], [], '[string "json"]:149: unexpected number value \'nan\''),
      ],
    };
    const found = findingsOf(run, 'p.lua');
    expect(found.messages.get('p.lua')!.map((m) => `${m.line} ${m.severity} ${m.ruleId} ${m.message}`)).toEqual([
      "3 1 verify/number-changed 'cache/big' arrived as 123456789012350000, not 123456789012345678 (aos encodes numbers with %.14g): send tostring(...) (in load)",
      "3 2 verify/key-case Key 'cache/Big' was sent with upper-case letters: current HyperBEAM serves it only as written (in load)",
      "3 1 verify/empty-table 'cache/list' arrived as [] (an empty Lua table) and wiped what was exposed there (in re-load)",
      '9 2 verify/resent-on-reload The second load sent this patch again (the send is at p.lua:3): every .load or Eval of the script re-sends it. Guard it with a global flag.',
      '12 1 verify/patch-lost This patch was lost: the evaluation failed after it was sent (p.lua:14: boom) (in message 1: Action=Boom)',
      '14 2 verify/evaluation-failed The evaluation failed: p.lua:14: boom. aos dropped every message of it (1 patch lost) (in message 1: Action=Boom)',
      "30 2 verify/evaluation-failed The evaluation failed: aos's JSON encoder: unexpected number value 'nan' (at 'cache/x'). aos dropped every message of it (1 patch lost) (in message 2: Action=Nan)",
    ]);
    expect(found.steps.map((s) => [s.label, s.changed, JSON.stringify(s.state)])).toEqual([
      ['load', true, '{"cache":{"Big":123456789012350000,"list":{"a":1}}}'],
      ['re-load', true, '{"cache":{"Big":123456789012350000,"list":[]}}'],
      ['message 1: Action=Boom', false, '{"cache":{"Big":123456789012350000,"list":[]}}'],
      ['message 2: Action=Nan', false, '{"cache":{"Big":123456789012350000,"list":[]}}'],
    ]);
  });
});
