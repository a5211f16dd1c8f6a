import { describe, expect, it } from 'vitest';
import { presetConfig } from '../../src/config/presets.js';
import { lintText } from '../../src/index.js';
import { ruleFixture } from '../helpers/rule-fixture.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { CLEAN_PROCESS, CLEAN_PROCESS_CRLF_BOM } from '../helpers/clean-process.js';

const nonFinite = (key: string, text: string) => `Value of '${key}' is ${text}: aos's encoder fails and the whole evaluation is lost; send a string.`;

ruleTester('unencodable-value', {
  valid: [
    {
      name: 'a table stored in itself only in the constructor reads the variable before it exists (nil), not a cycle',
      code: "Config = { self = Config, n = 1 }\nHandlers.add('C', 'C', function(msg) Send({ device = 'patch@1.0', cache = { config = Config } }) end)",
    },
    { name: 'a realistic token process', code: CLEAN_PROCESS },
    { name: 'the same with CRLF line ends and a BOM', code: CLEAN_PROCESS_CRLF_BOM },
    "local json = require('json')\nSend({ device = 'patch@1.0', cache = { a = 'x', b = 1, c = true, d = json.encode({ 1, x = 2 }), e = tostring(1/0) } })",
    // Contiguous lists and plain maps encode fine, at any depth.
    "Send({ device = 'patch@1.0', cache = { list = { 'a', 'b' }, ranks = { [1] = 'a', [2] = 'b', [3] = 'c' }, map = { a = { b = { 'x' } } } } })",
    // Division by something that is not zero, integer division, bitwise operators: not guessed.
    "Handlers.add('A', 'A', function(msg)\n  local n = tonumber(msg.Tags.N)\n  Send({ device = 'patch@1.0', cache = { avg = 10 / n, half = 10 // 4, bits = 1 << 4, ratio = 1 / 2 } })\nend)",
    // Results of calls, message fields, globals defined elsewhere: unknown.
    "Handlers.add('A', 'A', function(msg)\n  Send({ device = 'patch@1.0', cache = { a = msg.reply, b = handler, c = compute(msg) } })\nend)",
    // A list filled in a loop next to named entries added with unknown keys: unknown layout.
    "Handlers.add('A', 'A', function(msg)\n  local t = { 'first' }\n  for _, v in ipairs(msg.Tags.L) do table.insert(t, v) end\n  Send({ device = 'patch@1.0', cache = { t = json.encode(t), u = t } })\nend)",
    // A variable reassigned is not a constant.
    "Handlers.add('A', 'A', function(msg)\n  local d = 0\n  d = tonumber(msg.Tags.D)\n  Send({ device = 'patch@1.0', cache = { x = 1 / d } })\nend)",
    // Envelope fields are not data.
    "Send({ device = 'patch@1.0', Data = 'x', cache = { a = 1 } })",
  ],
  invalid: [
    {
      name: 'a table that provably contains itself (node.parent = node): the encoder throws "circular reference"',
      code: [
        "local root = { name = 'root', children = {} }",
        'root.self = root',
        "local child = { name = 'leaf' }",
        'child.parent = child',
        "Handlers.add('Tree', 'Tree', function(msg) Send({ device = 'patch@1.0', cache = { tree = root, leaf = child } }) end)",
      ].join('\n'),
      errors: [
        { messageId: 'circular', line: 2, column: 6, endLine: 2, endColumn: 10, message: "Value of 'self' is the table that contains it: aos's encoder fails on the cycle; send its fields." },
        { messageId: 'circular', line: 4, column: 7, endLine: 4, endColumn: 13, message: "Value of 'parent' is the table that contains it: aos's encoder fails on the cycle; send its fields." },
      ],
    },
    {
      name: 'NaN and infinities: 0/0, 1/0, -1/0, math.huge, -math.huge, through a constant',
      code: [
        'local MAX = math.huge',
        "Handlers.add('A', 'A', function(msg)",
        "  Send({ device = 'patch@1.0', cache = { nan = 0/0, inf = 1/0, ninf = -1/0 } })",
        "  Send({ device = 'patch@1.0', cache = { huge = math.huge, nhuge = -math.huge, best = MAX } })",
        'end)',
      ].join('\n'),
      errors: [
        { messageId: 'nonFinite', line: 3, column: 42, endLine: 3, endColumn: 45, message: nonFinite('nan', '0/0') },
        { messageId: 'nonFinite', line: 3, column: 53, endLine: 3, endColumn: 56, message: nonFinite('inf', '1/0') },
        { messageId: 'nonFinite', line: 3, column: 64, endLine: 3, endColumn: 68, message: nonFinite('ninf', '-1/0') },
        { messageId: 'nonFinite', line: 4, column: 42, endLine: 4, endColumn: 46, message: nonFinite('huge', 'math.huge') },
        { messageId: 'nonFinite', line: 4, column: 60, endLine: 4, endColumn: 65, message: nonFinite('nhuge', '-math.huge') },
        { messageId: 'nonFinite', line: 4, column: 80, endLine: 4, endColumn: 84, message: nonFinite('best', 'math.huge') },
      ],
    },
    {
      name: 'functions: inline, a local function, in a list',
      code: [
        'local function onScore(msg) return msg.From end',
        "Send({ device = 'patch@1.0', cache = { cb = function() end, handler = onScore, list = { 'a', onScore } } })",
      ].join('\n'),
      errors: [
        {
          messageId: 'function', line: 2, column: 40, endLine: 2, endColumn: 42,
          message: "Value of 'cb' is a function: aos's encoder drops it (or fails in a list); send data instead.",
        },
        { messageId: 'function', line: 2, column: 61, endLine: 2, endColumn: 68 },
        {
          messageId: 'function', line: 2, column: 94, endLine: 2, endColumn: 101,
          message: "Value of '[2]' is a function: aos's encoder drops it (or fails in a list); send data instead.",
        },
      ],
    },
    {
      name: 'mixed and sparse tables, at any depth',
      code: [
        "Send({ device = 'patch@1.0', cache = {",
        "  podium = { 'alice', 'bob', extra = 'carol' },",
        "  ranks = { [1] = 'alice', [3] = 'carol' },",
        "  zero = { [0] = 'x' },",
        "  history = { last = { 'a', n = 1 } },",
        '} })',
      ].join('\n'),
      errors: [
        {
          messageId: 'mixed', line: 2, column: 3, endLine: 2, endColumn: 9,
          message: "Value of 'podium' mixes list and named entries: aos's encoder fails, losing the evaluation; use one.",
        },
        {
          messageId: 'sparse', line: 3, column: 3, endLine: 3, endColumn: 8,
          message: "Value of 'ranks' has integer keys that are not 1..n: aos's encoder fails; use string keys or a list.",
        },
        { messageId: 'sparse', line: 4, column: 3, endLine: 4, endColumn: 7 },
        { messageId: 'mixed', line: 5, column: 15, endLine: 5, endColumn: 19 },
      ],
    },
    {
      name: 'a state table filled later with positional and named entries',
      code: [
        "Players = { 'alice' }",
        "Players.count = 1",
        "Handlers.add('A', 'A', function(msg)",
        "  Send({ device = 'patch@1.0', cache = { players = Players } })",
        'end)',
      ].join('\n'),
      errors: [{ messageId: 'mixed', line: 4, column: 42, endLine: 4, endColumn: 49 }],
    },
    {
      name: 'through a wrapper: at the argument',
      code: [
        'local function SendPatch(key, value)',
        "  Send({ device = 'patch@1.0', cache = { [key] = value } })",
        'end',
        "Handlers.add('A', 'A', function(msg)",
        "  SendPatch('floor', -1/0)",
        "  SendPatch('mix', { 1, a = 2 })",
        'end)',
      ].join('\n'),
      errors: [
        { messageId: 'nonFinite', line: 5, column: 22, endLine: 5, endColumn: 26, message: nonFinite('floor', '-1/0') },
        { messageId: 'mixed', line: 6, column: 20, endLine: 6, endColumn: 32 },
      ],
    },
  ],
});

describe('value-rule precedence: unencodable-value > empty-table-value > serialize-complex-value', () => {
  const valueRules = new Set(['unencodable-value', 'empty-table-value', 'serialize-complex-value']);
  const lint = (code: string) =>
    lintText(code, { config: presetConfig('recommended') }).messages
      .filter((m) => valueRules.has(m.ruleId ?? ''))
      .map((m) => [m.ruleId, m.line, m.column]);

  it('an unencodable table is reported by unencodable-value only, not as a complex value', () => {
    expect(lint("Send({ device = 'patch@1.0', cache = { podium = { 'a', x = 1 } } })")).toEqual([['unencodable-value', 1, 40]]);
  });
  it('a table containing an unencodable value deeper down is not reported as complex', () => {
    expect(lint("Send({ device = 'patch@1.0', cache = { stats = { avg = 0/0, n = 1 } } })")).toEqual([['unencodable-value', 1, 50]]);
  });
  it('an empty table is reported by empty-table-value only', () => {
    expect(lint("Send({ device = 'patch@1.0', cache = { history = {} } })")).toEqual([['empty-table-value', 1, 40]]);
  });
  it('a complex value holding an empty table: each value reported once, by its own rule', () => {
    expect(lint("Send({ device = 'patch@1.0', cache = { stats = { rounds = {}, n = 1 } } })")).toEqual([
      ['serialize-complex-value', 1, 40],
      ['empty-table-value', 1, 50],
    ]);
  });
});

ruleFixture('unencodable-value', [26, 27, 28, 29, 30, 31, 35]);
