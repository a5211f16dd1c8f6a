// `patchlint --print-paths` (issue 15, part 1): the map of exposed paths from the model, as the
// CLI prints it (a tree, or JSON that follows schema/print-paths.schema.json).
import Ajv from 'ajv';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PathMap } from '../../src/paths/map.js';
import { REPO_ROOT, runCli } from '../helpers/run-cli.js';

const schema = JSON.parse(readFileSync(path.join(REPO_ROOT, 'schema/print-paths.schema.json'), 'utf8')) as object;
const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'patchlint-paths-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function mapOf(args: string[], cwd?: string): PathMap {
  const run = runCli(['--print-paths', '-f', 'json', ...args], cwd ? { cwd } : {});
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const map = JSON.parse(run.stdout) as PathMap;
  expect(validate(map), JSON.stringify(validate.errors)).toBe(true);
  return map;
}

describe('--print-paths on the bundled examples', () => {
  it('prints every exposed path as a tree, with file:line, where it is sent from and the rule ids (exit 0)', () => {
    const run = runCli(['--print-paths', 'fixtures/examples']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatchSnapshot();
  });

  it('gives the same map as JSON that follows the schema', () => {
    const map = mapOf(['fixtures/examples']);
    expect(map.files).toEqual(['fixtures/examples/initial-sync.lua', 'fixtures/examples/mistakes.lua', 'fixtures/examples/token.lua']);
    expect(map.urls).toEqual({ compute: '/<process-id>~process@1.0/compute/{path}', now: '/<process-id>~process@1.0/now/{path}' });
    const balances = map.paths.find((p) => p.path === 'cache/balances')!;
    expect(balances.kinds).toEqual(['table', 'string']);
    expect(balances.problems).toEqual(['serialize-complex-value']);
    // token.lua: sent by syncBalance(), which the guarded initial sync and the Transfer handler call.
    expect(balances.sources[1]).toEqual({
      file: 'fixtures/examples/token.lua', line: 11, column: 42, problems: [], kind: 'string',
      from: [
        { kind: 'load', file: 'fixtures/examples/token.lua', line: 17, column: 3, problems: [], throughCall: true, guarded: true, flag: 'InitialSync' },
        { kind: 'handler', file: 'fixtures/examples/token.lua', line: 26, column: 3, problems: [], throughCall: true, handler: 'Transfer' },
      ],
    });
    const round = map.paths.find((p) => p.path === 'cache/round')!;
    expect(round.sources[0]!.from).toEqual([
      { kind: 'load', file: 'fixtures/examples/mistakes.lua', line: 6, column: 1, problems: ['guard-top-level-sync'], throughCall: false, guarded: false, flag: null },
    ]);
    expect(map.paths.find((p) => p.path === 'cache/history')!.kinds).toEqual(['empty table']);
    // `round = 0` at the root of a cache-style message is exposed at /compute/round (require-cache reports it at the table).
    expect(map.paths.find((p) => p.path === 'round')!.sources.map((s) => `${s.line}:${s.column}`)).toEqual(['28:35']);
    expect(map.notPatches).toEqual([{ file: 'fixtures/examples/mistakes.lua', line: 27, column: 22, problems: ['device-name'] }]);
  });
});

describe('--print-paths on real-shaped code', () => {
  it('follows a state table returned by a module function (call result), with placeholders for keys from the message', () => {
    const dir = project({
      'process.lua': [
        "local utils = require('lib.utils')",
        "Handlers.add('Transfer', 'Transfer', function(msg)",
        "  Send({ device = 'patch@1.0', cache = utils.getState(), balances = { [msg.From] = '1' } })",
        'end)',
      ].join('\n'),
      'lib/utils.lua': "local M = {}\nfunction M.getState()\n  return { name = Name, ticker = 'PNT' }\nend\nreturn M\n",
      'patchlint.config.json': '{ "extends": "direct-keys" }',
    });
    const map = mapOf(['process.lua'], dir);
    expect(map.paths.map((p) => `${p.path} ${p.kinds.join('|')} ${p.sources.map((s) => `${s.file}:${s.line}`).join(',')}${p.resolved ? '' : ' (unresolved)'}`)).toEqual([
      'balances table process.lua:3',
      'balances/<msg.From> string process.lua:3 (unresolved)',
      'cache call result process.lua:3',
      'cache/name unknown lib/utils.lua:3',
      'cache/ticker string lib/utils.lua:3',
    ]);
    expect(map.paths.find((p) => p.path === 'cache')!.sources[0]!.callee).toBe('utils.getState');
  });

  it('merges one process spread over files, lists a key sent from several places once, and exits 0 whatever the lint finds', () => {
    const dir = project({
      'a.lua': "Handlers.add('A', 'A', function() Send({ device = 'patch@1.0', cache = { Count = 1 } }) end)\n",
      'b.lua': "Handlers.add('B', 'B', function() Send({ device = 'patch@1.0', cache = { Count = 2 } }) end)\n",
    });
    const map = mapOf(['.'], dir);
    const count = map.paths.find((p) => p.path === 'cache/Count')!;
    expect(count.sources.map((s) => `${s.file}:${s.line} ${s.from.map((o) => o.kind === 'handler' && o.handler).join()}`)).toEqual(['a.lua:1 A', 'b.lua:1 B']);
    expect(count.problems).toEqual(['lowercase-key']);
  });

  it('says when nothing is exposed, and never takes an HTTP client table for a patch', () => {
    const run = runCli(['--print-paths', 'fixtures/non-ao']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('No exposed paths: none of the linted files sends a patch message.\n');
  });

  it('escapes keys and file names from the linted files', () => {
    const dir = project({ 'p.lua': "Handlers.add('X\\27[31m', 'X', function() Send({ device = 'patch@1.0', cache = { ['a\u202eb'] = 1 } }) end)\n" });
    const out = runCli(['--print-paths', 'p.lua'], { cwd: dir }).stdout;
    expect(out).toContain('a\\u{202e}b');
    expect(out).toContain('handler X\\u{1b}[31m');
    expect(out).not.toMatch(/[\u001b\u202e]/);
  });

  it('refuses formats and modes it cannot honour, with one line and exit code 2', () => {
    for (const [args, message] of [
      [['--print-paths', '-f', 'sarif', 'fixtures/examples'], "patchlint: --print-paths writes stylish or json, not 'sarif'"],
      [['--print-paths', '--fix', 'fixtures/examples'], 'patchlint: --print-paths cannot be combined with --fix'],
      [['--messages', 'x.json', 'fixtures/examples'], 'patchlint: --messages requires --verify'],
    ] as const) {
      const run = runCli([...args]);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr.split('\n')[0]).toBe(message);
    }
  });
});
