import { ruleFixture } from '../helpers/rule-fixture.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { CLEAN_PROCESS, CLEAN_PROCESS_CRLF_BOM } from '../helpers/clean-process.js';

const NEAR_MISS = (device: string) => `Device '${device}' is not 'patch@1.0', so the message is sent as an ordinary one: write 'patch@1.0'.`;

ruleTester('device-name', {
  valid: [
    { name: 'a realistic token process', code: CLEAN_PROCESS },
    { name: 'the same with CRLF line ends and a BOM', code: CLEAN_PROCESS_CRLF_BOM },
    "Send({ device = 'patch@1.0', cache = { counter = 1 } })",
    // Other devices are not near misses.
    "Handlers.add('Info', 'Info', function(msg) ao.send({ Target = msg.From, device = 'process@1.0', Data = 'x' }) end)",
    "ao.send({ Target = ao.id, device = 'json@1.0', Data = '{}' })",
    "ao.send({ Target = ao.id, device = 'patches@1.0', Data = '{}' })",
    // method = 'PATCH' makes it a patch whatever the device string says.
    "Send({ method = 'PATCH', device = 'Patch@1.0', cache = { counter = 1 } })",
    // An escape that decodes to exactly patch@1.0 is exact.
    "Send({ device = 'patch\\0641.0', cache = { counter = 1 } })",
    // Through a constant that is exact.
    "local PATCH = 'patch@1.0'\nHandlers.add('A', 'A', function(msg) Send({ device = PATCH, cache = { a = msg.From } }) end)",
    // A device that cannot be resolved is not guessed.
    "Handlers.add('A', 'A', function(msg) Send({ device = msg.Tags.Device, cache = { a = 1 } }) end)",
    "Handlers.add('A', 'A', function(msg) Send({ device = Devices[msg.Tags.Kind], cache = { a = 1 } }) end)",
    // A wrapper whose device is right.
    "local function SendPatch(key, value)\n  ao.send({ device = 'patch@1.0', cache = { [key] = value } })\nend\nSendPatch('status', 'ok')",
  ],
  invalid: [
    {
      name: 'missing .0',
      code: "Send({ device = 'patch@1', cache = { counter = 1 } })",
      errors: [{ messageId: 'nearMiss', line: 1, column: 17, endLine: 1, endColumn: 26, message: NEAR_MISS('patch@1') }],
      output: "Send({ device = 'patch@1.0', cache = { counter = 1 } })",
    },
    {
      name: 'upper case, double quotes kept',
      code: 'ao.send({ device = "Patch@1.0", cache = { counter = 1 } })',
      errors: [{ messageId: 'nearMiss', line: 1, column: 20, endLine: 1, endColumn: 31, message: NEAR_MISS('Patch@1.0') }],
      output: 'ao.send({ device = "patch@1.0", cache = { counter = 1 } })',
    },
    {
      name: '~ prefix (the URL spelling)',
      code: "Send({ device = '~patch@1.0', cache = { counter = 1 } })",
      errors: [{ messageId: 'nearMiss', line: 1, column: 17, endLine: 1, endColumn: 29 }],
      output: "Send({ device = 'patch@1.0', cache = { counter = 1 } })",
    },
    {
      name: 'trailing space, spaces inside, other version, full upper case, three-part version',
      code: [
        "Handlers.add('Sync', 'Sync', function(msg)",
        "  Send({ device = 'patch@1.0 ', cache = { a = 1 } })",
        "  Send({ device = 'patch @ 1.0', cache = { b = 2 } })",
        "  Send({ device = 'patch@2.0', cache = { c = 3 } })",
        "  Send({ device = 'PATCH@1.0', cache = { d = 4 } })",
        "  Send({ device = 'patch@1.0.0', cache = { e = 5 } })",
        "  Send({ device = 'patch', cache = { f = 6 } })",
        'end)',
      ].join('\n'),
      errors: [
        { messageId: 'nearMiss', line: 2, column: 19, endLine: 2, endColumn: 31, message: NEAR_MISS('patch@1.0 ') },
        { messageId: 'nearMiss', line: 3, column: 19, endLine: 3, endColumn: 32 },
        { messageId: 'nearMiss', line: 4, column: 19, endLine: 4, endColumn: 30 },
        { messageId: 'nearMiss', line: 5, column: 19, endLine: 5, endColumn: 30 },
        { messageId: 'nearMiss', line: 6, column: 19, endLine: 6, endColumn: 32 },
        { messageId: 'nearMiss', line: 7, column: 19, endLine: 7, endColumn: 26 },
      ],
      output: [
        "Handlers.add('Sync', 'Sync', function(msg)",
        "  Send({ device = 'patch@1.0', cache = { a = 1 } })",
        "  Send({ device = 'patch@1.0', cache = { b = 2 } })",
        "  Send({ device = 'patch@1.0', cache = { c = 3 } })",
        "  Send({ device = 'patch@1.0', cache = { d = 4 } })",
        "  Send({ device = 'patch@1.0', cache = { e = 5 } })",
        "  Send({ device = 'patch@1.0', cache = { f = 6 } })",
        'end)',
      ].join('\n'),
    },
    {
      name: 'a message built first and sent later',
      code: "local m = { cache = { a = 1 } }\nm.device = 'Patch@1.0'\nao.send(m)",
      errors: [{ messageId: 'nearMiss', line: 2, column: 12, endLine: 2, endColumn: 23 }],
      output: "local m = { cache = { a = 1 } }\nm.device = 'patch@1.0'\nao.send(m)",
    },
    {
      name: 'a control character is escaped in the message; a long-bracket string is rewritten with quotes',
      code: "Send({ device = 'patch@1.0\\n', cache = { a = 1 } })\nSend({ device = [[patch@1.0 ]], cache = { b = 1 } })",
      errors: [
        { messageId: 'nearMiss', line: 1, column: 17, endLine: 1, endColumn: 30, message: NEAR_MISS('patch@1.0\\n') },
        { messageId: 'nearMiss', line: 2, column: 17, endLine: 2, endColumn: 31 },
      ],
      output: "Send({ device = 'patch@1.0', cache = { a = 1 } })\nSend({ device = 'patch@1.0', cache = { b = 1 } })",
    },
    {
      name: 'through a constant: reported at the use, no fix (the constant may be used elsewhere)',
      code: "local DEVICE = 'patch@1'\nHandlers.add('A', 'A', function(msg)\n  Send({ device = DEVICE, cache = { a = msg.From } })\nend)",
      errors: [{ messageId: 'nearMiss', line: 3, column: 19, endLine: 3, endColumn: 25, message: NEAR_MISS('patch@1') }],
    },
    {
      name: 'a wrapper with a wrong device is reported once, at its template',
      code: "local function SendPatch(key, value)\n  Send({ device = 'Patch@1.0', cache = { [key] = value } })\nend\nSendPatch('a', 1)\nSendPatch('b', 2)",
      errors: [{ messageId: 'nearMiss', line: 2, column: 19, endLine: 2, endColumn: 30 }],
      output: "local function SendPatch(key, value)\n  Send({ device = 'patch@1.0', cache = { [key] = value } })\nend\nSendPatch('a', 1)\nSendPatch('b', 2)",
    },
  ],
});

ruleFixture('device-name', [18, 19, 25, 26, 27]);
