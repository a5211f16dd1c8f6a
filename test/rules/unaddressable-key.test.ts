import { ruleFixture } from '../helpers/rule-fixture.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { CLEAN_PROCESS, CLEAN_PROCESS_CRLF_BOM } from '../helpers/clean-process.js';

const characters = (key: string, char: string) => `Key '${key}' contains '${char}', which HyperBEAM paths read as syntax: use letters, digits, - or _.`;
const space = (key: string) => `Key '${key}' contains whitespace or control characters, so no URL can name it: use letters, digits, - or _.`;

ruleTester('unaddressable-key', {
  valid: [
    { name: 'a realistic token process', code: CLEAN_PROCESS },
    { name: 'the same with CRLF line ends and a BOM', code: CLEAN_PROCESS_CRLF_BOM },
    "Send({ device = 'patch@1.0', cache = { ['player-count'] = 1, last_player = 'x', ['round.number'] = 2, ['é'] = 3 } })",
    // Lists below the exposed level are ordinary values.
    "Send({ device = 'patch@1.0', cache = { winners = { 'alice', 'bob' }, ranks = { [1] = 'a', [2] = 'b' } } })",
    // Keys that cannot be resolved (message tags, calls, loop variables) are not guessed.
    "Handlers.add('A', 'A', function(msg)\n  Send({ device = 'patch@1.0', cache = { [msg.Tags.Key] = msg.Data, [string.rep('a', 600)] = 1 } })\nend)",
    "Handlers.add('A', 'A', function(msg)\n  local m = { device = 'patch@1.0', cache = {} }\n  for i, v in ipairs(msg.Tags.List) do m.cache[i] = v end\n  Send(m)\nend)",
    // Exactly 512 bytes is allowed.
    `Send({ device = 'patch@1.0', cache = { ['${'k'.repeat(512)}'] = 1 } })`,
    // Keys with path characters in a value, or in an ordinary message, are fine.
    "Send({ device = 'patch@1.0', cache = { path = 'a/b~c' } })\nao.send({ Target = ao.id, ['X-Reference'] = '1', ['a b'] = 2 })",
    // Root data keys in the cache style are require-cache's business; positional envelope data too.
    "Send({ device = 'patch@1.0', cache = { ok = 1 }, 'stray' })",
  ],
  invalid: [
    {
      name: 'path characters, whitespace, control characters, empty key',
      code: [
        "Handlers.add('Join', 'Join', function(msg)",
        '  Send({ device = \'patch@1.0\', cache = {',
        "    ['last player'] = msg.From,",
        "    ['round/1'] = 1,",
        "    ['a~b'] = 2, ['a&b'] = 3, ['a=b'] = 4, ['a+b'] = 5, ['f(x)'] = 6,",
        "    ['tab\\t'] = 7, ['nul\\0'] = 8,",
        "    [''] = 9,",
        '  } })',
        'end)',
      ].join('\n'),
      errors: [
        { messageId: 'space', line: 3, column: 6, endLine: 3, endColumn: 19, message: space('last player') },
        { messageId: 'characters', line: 4, column: 6, endLine: 4, endColumn: 15, message: characters('round/1', '/') },
        { messageId: 'characters', line: 5, column: 6, endLine: 5, endColumn: 11, message: characters('a~b', '~') },
        { messageId: 'characters', line: 5, column: 19, endLine: 5, endColumn: 24, message: characters('a&b', '&') },
        { messageId: 'characters', line: 5, column: 32, endLine: 5, endColumn: 37, message: characters('a=b', '=') },
        { messageId: 'characters', line: 5, column: 45, endLine: 5, endColumn: 50, message: characters('a+b', '+') },
        { messageId: 'characters', line: 5, column: 58, endLine: 5, endColumn: 64, message: characters('f(x)', '(') },
        { messageId: 'space', line: 6, column: 6, endLine: 6, endColumn: 13, message: space('tab\\t') },
        { messageId: 'space', line: 6, column: 21, endLine: 6, endColumn: 28, message: space('nul\\u{0}') },
        {
          messageId: 'empty', line: 7, column: 6, endLine: 7, endColumn: 8,
          message: 'Empty key: no URL path segment can name it, so it cannot be read; give the value a name.',
        },
      ],
    },
    {
      name: 'a key over 512 bytes (UTF-8)',
      code: `Send({ device = 'patch@1.0', cache = { ['${'é'.repeat(257)}'] = 1 } })`,
      errors: [{
        messageId: 'tooLong', line: 1, column: 41, endLine: 1, endColumn: 300,
        message: 'Key is 514 bytes long, over the 512 bytes of a HyperBEAM path segment: use a shorter key.',
      }],
    },
    {
      name: 'positional and integer-keyed entries directly under cache',
      code: "Send({ device = 'patch@1.0', cache = { 'first', 'second' } })\nSend({ device = 'patch@1.0', cache = { [1] = 'x' } })",
      errors: [
        {
          messageId: 'positional', line: 1, column: 40, endLine: 1, endColumn: 47,
          message: 'Positional entry directly under cache is exposed under the number 1: give it a key (name = value).',
        },
        { messageId: 'positional', line: 1, column: 49, endLine: 1, endColumn: 57 },
        {
          messageId: 'integerKey', line: 2, column: 41, endLine: 2, endColumn: 42,
          message: 'Integer key [1] directly under cache is not a name, and lists fail when names are mixed in: use a string key.',
        },
      ],
    },
    {
      name: 'positional entries among root data keys in the direct-keys style',
      directKeys: true,
      code: "Send({ device = 'patch@1.0', counter = 1, 'stray' })",
      errors: [{
        messageId: 'positional', line: 1, column: 43, endLine: 1, endColumn: 50,
        message: 'Positional entry among the root data keys is exposed under the number 1: give it a key (name = value).',
      }],
    },
    {
      name: 'through a wrapper (at the argument), a constant key, a field added later, and a nested key',
      code: [
        'local function SendPatch(key, value)',
        "  ao.send({ device = 'patch@1.0', cache = { [key] = value } })",
        'end',
        "local KEY = 'top players'",
        "Handlers.add('A', 'A', function(msg)",
        "  SendPatch('rounds~json', '[]')",
        "  SendPatch(1, 'x')",
        "  local patch = { device = 'patch@1.0', cache = { [KEY] = '1' } }",
        "  patch.cache['a/b'] = '2'",
        "  Send(patch)",
        "  Send({ device = 'patch@1.0', cache = { stats = { ['per day'] = 1 } } })",
        'end)',
      ].join('\n'),
      errors: [
        { messageId: 'characters', line: 6, column: 13, endLine: 6, endColumn: 26, message: characters('rounds~json', '~') },
        { messageId: 'integerKey', line: 7, column: 13, endLine: 7, endColumn: 14 },
        { messageId: 'space', line: 8, column: 52, endLine: 8, endColumn: 55, message: space('top players') },
        { messageId: 'characters', line: 9, column: 15, endLine: 9, endColumn: 20 },
        { messageId: 'space', line: 11, column: 53, endLine: 11, endColumn: 62 },
      ],
    },
  ],
});

ruleFixture('unaddressable-key', [20, 21, 22, 23, 31, 35, 39, 39]);
