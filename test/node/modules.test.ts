// Call results followed into modules loaded with `require` (resolved as aos `.load` does):
// a two-file project linted together (problems at the keys in the module, once) and one staged
// file alone (at the call, naming the function and the module line); the cache notices a changed
// module; nothing is read outside the project.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lintFiles } from '../../src/node/lint-files.js';
import { moduleFiles } from '../../src/node/modules.js';

let dir: string;
const write = (rel: string, text: string) => {
  const file = path.join(dir, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
};
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'patchlint-modules-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const STATE = [
  'local M = {}',
  'function M.getState()',
  '  return {',
  '    Records = Records,',
  '    owner = Owner,',
  '    Balances = Balances,',
  '  }',
  'end',
  'return M',
  '',
].join('\n');
const PROCESS = [
  "local state = require('.modules.state')",
  "Handlers.add('State', 'State', function(msg)",
  "  Send({ device = 'patch@1.0', cache = state.getState() })",
  'end)',
  "Handlers.add('Sync', 'Sync', function(msg)",
  "  ao.send({ device = 'patch@1.0', cache = state.getState() })",
  'end)',
  '',
].join('\n');

const summary = (results: { filePath: string; messages: { ruleId: string | null; line: number; column: number; message: string }[] }[]) =>
  results.map((r) => [path.relative(dir, r.filePath), r.messages.map((m) => `${m.ruleId} ${m.line}:${m.column} ${m.message}`)]);

describe("require('.modules.state')", () => {
  it('linted together: reported once, at the keys in the module', async () => {
    write('modules/state.lua', STATE);
    write('process.lua', PROCESS);
    const { results, errors } = await lintFiles(['.'], { cwd: dir, workers: 0 });
    expect(errors).toEqual([]);
    expect(summary(results)).toEqual([
      ['modules/state.lua', [
        "lowercase-key 4:5 Key 'Records' has upper-case letters: current HyperBEAM serves it only as written; use 'records'.",
        "lowercase-key 6:5 Key 'Balances' has upper-case letters: current HyperBEAM serves it only as written; use 'balances'.",
      ]],
      ['process.lua', []],
    ]);
    // The module's result carries its text, as results with problems do.
    expect(results[0]!.source).toBe(STATE);
  });

  it('one staged file (pre-commit): reported at the call, naming the function and the module line', async () => {
    write('modules/state.lua', STATE);
    const file = write('process.lua', PROCESS);
    const { results } = await lintFiles([file], { cwd: dir, workers: 0 });
    const module = path.join(dir, 'modules/state.lua');
    expect(summary(results)).toEqual([['process.lua', [
      `lowercase-key 3:40 Key 'Records' has upper-case letters: current HyperBEAM serves it only as written; use 'records'. (returned by state.getState(), ${module}:4)`,
      `lowercase-key 3:40 Key 'Balances' has upper-case letters: current HyperBEAM serves it only as written; use 'balances'. (returned by state.getState(), ${module}:6)`,
    ]]]);
    expect(results[0]!.messages[0]!.relatedLocation).toEqual({ filePath: module, line: 4 });
  });

  it("resolves 'common.utils' too, from the file's folder and then its parents up to the project root", async () => {
    write('common/utils.lua', 'local utils = {}\nfunction utils.getState() return { Owner = Owner } end\nreturn utils\n');
    const file = write('src/process/main.lua', "local utils = require('common.utils')\nHandlers.add('S', 'S', function() Send({ device = 'patch@1.0', cache = utils.getState() }) end)\n");
    const { results } = await lintFiles([file], { cwd: dir, workers: 0 });
    expect(results[0]!.messages.map((m) => `${m.line}:${m.column} ${m.message.slice(0, 15)}`)).toEqual(['2:72 Key \'Owner\' has']);
  });

  it('follows a global table defined by a required module (aos-style modules)', async () => {
    write('lib/state.lua', 'State = State or {}\nfunction State.view()\n  return { TotalSupply = TotalSupply }\nend\n');
    const file = write('main.lua', "require('lib.state')\nHandlers.add('S', 'S', function() Send({ device = 'patch@1.0', cache = State.view() }) end)\n");
    const { results } = await lintFiles([file], { cwd: dir, workers: 0 });
    expect(results[0]!.messages.map((m) => m.ruleId)).toEqual(['lowercase-key']);
  });

  it('stays silent when the module is missing, does not parse, or returns no table', async () => {
    write('bad/syntax.lua', 'local M = {\nreturn M\n');
    write('bad/notable.lua', 'local M = {}\nfunction M.get() return Balances end\nreturn M\n');
    const file = write('main.lua', [
      "local missing = require('.nowhere.mod')",
      "local syntax = require('.bad.syntax')",
      "local notable = require('.bad.notable')",
      "Handlers.add('S', 'S', function()",
      "  Send({ device = 'patch@1.0', cache = { a = missing.get(), b = syntax.get(), c = notable.get() } })",
      'end)',
    ].join('\n'));
    const { results } = await lintFiles([file], { cwd: dir, workers: 0 });
    expect(results[0]!.messages).toEqual([]);
  });

  it('with --cache, a changed module invalidates the files that read it', async () => {
    write('modules/state.lua', STATE);
    const file = write('process.lua', PROCESS);
    const cacheLocation = path.join(dir, '.cache');
    const run = async () => (await lintFiles([file], { cwd: dir, workers: 0, cache: true, cacheLocation })).results[0]!.messages.length;
    expect(await run()).toBe(2);
    expect(await run()).toBe(2);
    write('modules/state.lua', STATE.replace('Records', 'records'));
    expect(await run()).toBe(1);
  });
});

describe('module files', () => {
  it('never reads a module through a link that leaves the project, nor outside it', () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'patchlint-outside-'));
    try {
      writeFileSync(path.join(outside, 'secret.lua'), 'return { Token = 1 }\n');
      mkdirSync(path.join(dir, 'project'));
      symlinkSync(path.join(outside, 'secret.lua'), path.join(dir, 'project/secret.lua'));
      const { loader } = moduleFiles(path.join(dir, 'project'));
      expect(loader.load('secret', path.join(dir, 'project/main.lua'))).toBeNull();
      expect(loader.load('secret', path.join(outside, 'main.lua'))).toBeNull();
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
