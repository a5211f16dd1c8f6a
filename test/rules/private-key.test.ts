import { ruleFixture } from '../helpers/rule-fixture.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { CLEAN_PROCESS, CLEAN_PROCESS_CRLF_BOM } from '../helpers/clean-process.js';

const PRIVATE = (key: string) => `Key '${key}' starts with 'priv', which HyperBEAM never serves over HTTP: rename it.`;

ruleTester('private-key', {
  valid: [
    { name: 'a realistic token process', code: CLEAN_PROCESS },
    { name: 'the same with CRLF line ends and a BOM', code: CLEAN_PROCESS_CRLF_BOM },
    "Send({ device = 'patch@1.0', cache = { profile = 'x', deprivation = 1, isprivate = 'no', pri = 2, prev = 3 } })",
    // The word as a value is not a key.
    "Send({ device = 'patch@1.0', cache = { visibility = 'private', mode = 'priv' } })",
    // Keys that cannot be resolved are not guessed.
    "Handlers.add('A', 'A', function(msg)\n  Send({ device = 'patch@1.0', cache = { [msg.Tags.Key] = msg.Data } })\nend)",
    // Ordinary messages are not patches.
    "ao.send({ Target = ao.id, Action = 'Store', private = 'x' })",
    "local function SendPatch(key, value)\n  Send({ device = 'patch@1.0', cache = { [key] = value } })\nend\nSendPatch('preview', '1')",
  ],
  invalid: [
    {
      name: 'any case, any level',
      code: [
        "Handlers.add('A', 'A', function(msg)",
        "  Send({ device = 'patch@1.0', cache = {",
        '    private_notes = msg.Data,',
        "    ['PrivateKey'] = '1',",
        "    settings = { privacy = 'public' },",
        '  } })',
        'end)',
      ].join('\n'),
      errors: [
        { messageId: 'private', line: 3, column: 5, endLine: 3, endColumn: 18, message: PRIVATE('private_notes') },
        { messageId: 'private', line: 4, column: 6, endLine: 4, endColumn: 18, message: PRIVATE('PrivateKey') },
        { messageId: 'private', line: 5, column: 18, endLine: 5, endColumn: 25, message: PRIVATE('privacy') },
      ],
    },
    {
      name: 'through a wrapper (at the argument), a constant, a field added later',
      code: [
        'local function SendPatch(key, value)',
        "  Send({ device = 'patch@1.0', cache = { [key] = value } })",
        'end',
        "local KEY = 'priv'",
        "Handlers.add('A', 'A', function(msg)",
        "  SendPatch('privileges', '[]')",
        "  local m = { device = 'patch@1.0', cache = { [KEY] = 1 } }",
        "  m.cache.Private = '2'",
        '  ao.send(m)',
        'end)',
      ].join('\n'),
      errors: [
        { messageId: 'private', line: 6, column: 13, endLine: 6, endColumn: 25, message: PRIVATE('privileges') },
        { messageId: 'private', line: 7, column: 48, endLine: 7, endColumn: 51, message: PRIVATE('priv') },
        { messageId: 'private', line: 8, column: 11, endLine: 8, endColumn: 18 },
      ],
    },
    {
      name: 'root keys: private at every level (direct-keys style)',
      directKeys: true,
      code: "Send({ device = 'patch@1.0', privstate = '1', counter = 1 })",
      errors: [{ messageId: 'private', line: 1, column: 30, endLine: 1, endColumn: 39, message: PRIVATE('privstate') }],
    },
  ],
});

ruleFixture('private-key', [17, 18, 21]);
