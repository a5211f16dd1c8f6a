// Lua 5.3 syntax and file shapes that must not confuse the model or move columns:
// goto/labels, integer division, bitwise operators, long strings and comments, method calls,
// varargs, CRLF line ends, a byte order mark and a `#!` first line.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from './helpers.js';

const process53 = [
  '-- A process using the Lua 5.3 features real AO code uses.',
  'local json = require("json")',
  'local MASK = 0xFF & ~0x0F | 1 << 4 >> 2',
  'local half = 7 // 2',
  '--[==[ a long comment with ]] inside',
  "Send({ device = 'patch@1.0', cache = { Fake = 1 } })",
  ']==]',
  'local banner = [[',
  "Send({ device = 'patch@1.0', cache = { AlsoFake = 1 } })",
  ']]',
  'local function collect(...)',
  '  local out = {}',
  '  for i, v in ipairs({ ... }) do',
  '    if v == nil then goto continue end',
  '    out[#out + 1] = v ~ MASK',
  '    ::continue::',
  '  end',
  '  return out',
  'end',
  "Handlers.add('sync', 'Sync', function(msg)",
  '  local values = collect(msg:tags(), half)',
  "  Send({ device = 'patch@1.0', cache = { Mask = MASK, [ [[Long]] ] = #banner, list = json.encode(values), ratio = 7 / 2 } })",
  'end)',
];

describe('Lua 5.3 syntax', () => {
  let luac = true;
  try {
    execFileSync('luac5.3', ['-v'], { stdio: 'ignore' });
  } catch {
    luac = false;
  }
  it.skipIf(!luac)('parses like Lua 5.3 (checked with luac5.3; skipped when it is not installed)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'patchlint-model-'));
    const file = path.join(dir, 'p.lua');
    writeFileSync(file, process53.join('\n'));
    expect(() => execFileSync('luac5.3', ['-p', file], { stdio: 'pipe' })).not.toThrow();
  });

  it('reports only the real patch, at the right columns (nothing inside long strings or comments)', () => {
    // `7 / 2` is 3.5, as Lua computes it: number-precision judges it as it would the literal.
    expect(lint(process53.join('\n'))).toEqual(['lowercase-key 22:42-22:46', 'lowercase-key 22:57-22:65', 'number-precision 22:107-22:112']);
  });
});

describe('line ends, byte order mark and #! line', () => {
  /** A wrapper sent at load time (line 4) and an upper-case key (line 3). */
  const lines = [
    "local function sync() Send({ device = 'patch@1.0', cache = { k = 1 } }) end",
    "Handlers.add('a', 'A', function(msg)",
    "  Send({ device = 'patch@1.0', cache = { Key = k } })",
    'end) sync()',
  ];
  const expected = ['lowercase-key 3:42-3:45', 'guard-top-level-sync 4:6-4:12'];
  const shifted = ['lowercase-key 4:42-4:45', 'guard-top-level-sync 5:6-5:12'];

  it('LF as the baseline', () => {
    expect(lint(lines.join('\n'))).toEqual(expected);
  });

  it('keeps lines and columns with CRLF line ends', () => {
    expect(lint(lines.join('\r\n'))).toEqual(expected);
  });

  it('keeps columns after a byte order mark (one UTF-16 unit on line 1, as test/robustness fixes it)', () => {
    const bomFirst = ['\uFEFFlocal function sync() Send({ device = "patch@1.0", cache = { Key = 1 } }) end', ...lines.slice(1)];
    expect(lint(bomFirst.join('\n'))).toEqual(['lowercase-key 1:63-1:66', ...expected]);
  });

  it('skips a #! first line without moving later lines', () => {
    expect(lint(`#!/usr/bin/env lua\n${lines.join('\n')}`)).toEqual(shifted);
  });

  it('a BOM, a #! line and CRLF together', () => {
    expect(lint(`\uFEFF#!/usr/bin/env lua\r\n${lines.join('\r\n')}`)).toEqual(shifted);
  });
});
