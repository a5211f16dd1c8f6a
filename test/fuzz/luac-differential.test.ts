// Differential fuzzing against the reference parser: Lua 5.3's own compiler (`load`, what
// `luac5.3 -p` runs) must accept exactly the texts patchlint parses. This is how luaparse's
// leniencies (`f(,1)`, `return ,1`, `1and x`) were found; src/parse-leniency.ts closes them.
// Skipped where lua5.3 is not installed.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLua } from '../../src/lua/parse.js';
import { REPO_ROOT } from '../helpers/run-cli.js';
import { RUNS, SEED, mutatedSeed, tokenSoup } from './corpus.js';

const ORACLE = path.join(REPO_ROOT, 'test/fuzz/lua-oracle.lua');
const hasLua = spawnSync('lua5.3', ['-v'], { encoding: 'utf8' }).status === 0;

/** lua5.3's verdict for each text: 'ok' or 'err input:<line>: <message>'. */
function reference(texts: string[]): string[] {
  const chunks = texts.map((t) => {
    const bytes = Buffer.from(t, 'utf8');
    return Buffer.concat([Buffer.from(`${bytes.length}\n`), bytes]);
  });
  const run = spawnSync('lua5.3', [ORACLE], { input: Buffer.concat(chunks), maxBuffer: 64 * 1024 * 1024 });
  expect(run.status, run.stderr?.toString()).toBe(0);
  const lines = run.stdout.toString('utf8').split('\n').slice(0, -1);
  expect(lines).toHaveLength(texts.length);
  return lines;
}

function disagreements(texts: string[]): string[] {
  const verdicts = reference(texts);
  return texts.flatMap((text, i) => {
    const ours = parseLua(text);
    const theirs = verdicts[i]!;
    if (ours.ok === theirs.startsWith('ok')) return [];
    return [`${JSON.stringify(text)}\n  lua5.3: ${theirs}\n  patchlint: ${ours.ok ? 'ok' : ours.message}`];
  });
}

describe.skipIf(!hasLua)('patchlint parses exactly what lua5.3 compiles', () => {
  it('the oracle itself works', () => {
    expect(reference(['x = 1', 'x = a(,1)', '#!/bin/lua\nx = 1', '\ufeffx = 1'])).toEqual([
      'ok', "err input:1: unexpected symbol near ','", 'ok', 'ok',
    ]);
  });

  it('hand-picked corners of the grammar', () => {
    const texts = [
      'x = a(,1)', 'f(,a)', 'return , 1', 'x = 2do', 'x = 1and 2', 'x = 1..2', 'x = 1 .. 2', 'for i=1,2do end', 'x = 0x1p4', 'x = 0xA.8p1',
      'x = 3e-2', 'x = .5', 'x = 5.', 'break', 'goto l', 'do goto l end ::l::', '::a:: ::a::', 'function f() return ... end',
      'x = "\\q"', 'x = "\\x4"', 'x = "\\300"', 'x = "\\u{110000}"', 'x = "\\z  "', 'x = 1\vy = 2', 'x = 1\fy = 2', 'x =\u00a01',
      'f() = 1', 'a:b', 'x = {a = 1 b = 2}', 'x = [=[ ]]', 'return 1;;', 'return;', ';;', 'local x <const> = 1', 'x = 1 // 2 ~ 3 << 1',
      'f(--[[,]] 1)', 'f(-- a, b\n 1)', "f(',', 1)", 'x = 1\n(f)()', 'local function a.b() end', 'x = #', 'x = - - 1', 'x = a.goto',
    ];
    expect(disagreements(texts)).toEqual([]);
  });

  it('seeded token mutations of the example processes', () => {
    expect(disagreements(fc.sample(mutatedSeed, { numRuns: RUNS * 10, seed: SEED }))).toEqual([]);
  });

  it('nesting near Lua\'s limit of 200 levels: never rejected when lua5.3 compiles it', () => {
    // src/lua/nesting.ts counts at most as many levels as Lua does; between its count and Lua's,
    // the parser decides, so only "patchlint rejects, lua5.3 accepts" is wrong here.
    const construct = fc.constantFrom<[string, string]>(
      ['(', ')'], ['{', '}'], ['{a=', '}'], ['a[', ']'], ['f(', ')'], ['(function() return ', ' end)()'], ["'s' .. ", ''],
      ['-', ''], ['not ', ''], ['2^', ''],
    );
    const block = fc.constantFrom<[string, string]>(['do ', ' end'], ['if x then ', ' end'], ['while x do ', ' end'], ['repeat ', ' until x'], ['local function g() ', ' end']);
    const nested = fc.tuple(fc.array(block, { maxLength: 120, size: 'max' }), fc.array(construct, { minLength: 60, maxLength: 230, size: 'max' })).map(([blocks, exprs]) => {
      const expression = exprs.reduceRight((inner, [open, close]) => `${open}${inner}${close}`, '1');
      return blocks.reduceRight((inner, [open, close]) => `${open}${inner}${close}`, `y = ${expression}`);
    });
    const texts = fc.sample(nested, { numRuns: RUNS * 2, seed: SEED + 2 });
    const verdicts = reference(texts);
    const wrong = texts.filter((text, i) => !parseLua(text).ok && verdicts[i] === 'ok');
    expect(wrong.map((t) => `${t.slice(0, 200)}… ${parseLua(t).ok || (parseLua(t) as { message: string }).message}`)).toEqual([]);
    // Not vacuous: some of these are too deep for Lua, and patchlint finds some of those.
    expect(verdicts.filter((v) => v.includes('C levels')).length).toBeGreaterThan(RUNS / 10);
    expect(texts.filter((t) => !parseLua(t).ok).length).toBeGreaterThan(RUNS / 20);
  });

  it('seeded token soups', () => {
    expect(disagreements(fc.sample(tokenSoup, { numRuns: RUNS * 10, seed: SEED + 1 }))).toEqual([]);
  });
});
