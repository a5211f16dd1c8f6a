import { ruleFixture } from '../helpers/rule-fixture.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { CLEAN_PROCESS, CLEAN_PROCESS_CRLF_BOM } from '../helpers/clean-process.js';

const NIL = (key: string) => `'${key} = nil' deletes nothing (patches only merge): send '__ao-unset__' to remove the key.`;

ruleTester('nil-value', {
  valid: [
    { name: 'a realistic token process', code: CLEAN_PROCESS },
    { name: 'the same with CRLF line ends and a BOM', code: CLEAN_PROCESS_CRLF_BOM },
    "Send({ device = 'patch@1.0', cache = { winner = '', count = 0, flag = false } })",
    // A variable that may be nil is not guessed; neither is a message field.
    "Handlers.add('A', 'A', function(msg)\n  local runnerup\n  if msg.Tags.R then runnerup = msg.Tags.R end\n  Send({ device = 'patch@1.0', cache = { runnerup = runnerup, winner = msg.Tags.Winner } })\nend)",
    "Handlers.add('A', 'A', function(msg)\n  local none\n  Send({ device = 'patch@1.0', cache = { none = none } })\nend)",
    // Leaving a field out of a message built first is deliberate, not a deletion attempt.
    "Handlers.add('A', 'A', function(msg)\n  local patch = { device = 'patch@1.0', cache = { reason = msg.Tags.Reason, n = 1 } }\n  if msg.Tags.Reason == '' then patch.cache.reason = nil end\n  Send(patch)\nend)",
    // An unknown key with nil: nothing to name, not guessed.
    "Handlers.add('A', 'A', function(msg)\n  Send({ device = 'patch@1.0', cache = { [msg.Tags.Key] = nil, n = 1 } })\nend)",
    // A wrapper call without the value argument is not `k = nil` as written.
    "local function SendPatch(key, value)\n  Send({ device = 'patch@1.0', cache = { [key] = value } })\nend\nSendPatch('status')",
    // Root data keys in the cache style, and envelope fields.
    "Send({ device = 'patch@1.0', Target = nil, stray = nil, cache = { n = 1 } })",
  ],
  invalid: [
    {
      name: 'k = nil in the message, at any depth',
      code: [
        "Handlers.add('EndRound', 'EndRound', function(msg)",
        "  Send({ device = 'patch@1.0', cache = { winner = msg.Tags.Winner, challenger = nil } })",
        "  Send({ device = 'patch@1.0', cache = { stats = { last = nil, n = 1 } } })",
        'end)',
      ].join('\n'),
      errors: [
        { messageId: 'nil', line: 2, column: 68, endLine: 2, endColumn: 78, message: NIL('challenger') },
        { messageId: 'nil', line: 3, column: 52, endLine: 3, endColumn: 56, message: NIL('last') },
      ],
    },
    {
      name: 'nil passed to a wrapper: at the argument',
      code: [
        'local function SendPatch(key, value)',
        "  Send({ device = 'patch@1.0', cache = { [key] = value, updated = os.time() } })",
        'end',
        "Handlers.add('A', 'A', function(msg)",
        "  SendPatch('lastround', nil)",
        'end)',
      ].join('\n'),
      errors: [{ messageId: 'nil', line: 5, column: 26, endLine: 5, endColumn: 29, message: NIL('lastround') }],
    },
    {
      name: 'direct keys',
      directKeys: true,
      code: "Send({ device = 'patch@1.0', counter = nil })",
      errors: [{ messageId: 'nil', line: 1, column: 30, endLine: 1, endColumn: 37, message: NIL('counter') }],
    },
  ],
});

ruleFixture('nil-value', [11, 12]);
