import { ruleFixture } from '../helpers/rule-fixture.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { CLEAN_PROCESS, CLEAN_PROCESS_CRLF_BOM } from '../helpers/clean-process.js';

const large = (key: string, raw: string) => `Value of '${key}' (${raw}) is 1e14 or more: aos's %.14g encoding rounds it; send tostring(...).`;
const digits = (key: string, raw: string) => `Value of '${key}' (${raw}) has over 14 significant digits: aos's %.14g encoding rounds it; send a string.`;
const fraction = (key: string, raw: string) => `Value of '${key}' (${raw}) is not an integer: it may arrive rounded; send a string or an integer unit.`;

ruleTester('number-precision', {
  valid: [
    { name: 'a realistic token process', code: CLEAN_PROCESS },
    { name: 'the same with CRLF line ends and a BOM', code: CLEAN_PROCESS_CRLF_BOM },
    "Send({ device = 'patch@1.0', cache = { blocks = 99999999999999, neg = -99999999999999, small = 12, zero = 0, whole = 2.0, e = 1e13 } })",
    // Strings and serialized values are exact.
    "TotalSupply = 10000000000000000\nSend({ device = 'patch@1.0', cache = { supply = tostring(TotalSupply), raw = '10000000000000000.5' } })",
    // Hex literals wrap around in Lua 5.3: 0xFFFFFFFFFFFFFFFF is -1.
    "Send({ device = 'patch@1.0', cache = { mask = 0xFFFFFFFFFFFFFFFF, byte = 0xFF } })",
    // Arithmetic on known numbers is computed as Lua 5.3 does (10 // 4 is 2); message fields are not guessed.
    "Handlers.add('A', 'A', function(msg)\n  Send({ device = 'patch@1.0', cache = { half = 10 // 4, mask = 0xFF & 0x0F, q = tonumber(msg.Tags.Q), n = 2 * 1000, m = 7 % 3 } })\nend)",
    // A global reassigned in a handler is not a constant.
    "TotalSupply = 10000000000000000\nHandlers.add('Mint', 'Mint', function(msg)\n  TotalSupply = TotalSupply + tonumber(msg.Tags.Quantity)\n  Send({ device = 'patch@1.0', cache = { supply = TotalSupply } })\nend)",
    // Root data keys in the cache style are not exposed.
    "Send({ device = 'patch@1.0', stray = 1e20, cache = { n = 1 } })",
  ],
  invalid: [
    {
      // Found by running the real aos module (test/verify/oracle.test.ts): `1 << 60` arrives rounded.
      name: 'arithmetic on known numbers, computed as Lua 5.3 computes it',
      code: "Send({ device = 'patch@1.0', cache = { big = 1 << 60, r = 1 / 3, s = 1000 * 10^12 } })",
      errors: [
        {
          messageId: 'large', line: 1, column: 40, endLine: 1, endColumn: 43, message: large('big', '1152921504606846976'),
          suggestions: ["Send({ device = 'patch@1.0', cache = { big = tostring(1 << 60), r = 1 / 3, s = 1000 * 10^12 } })"],
        },
        {
          messageId: 'digits', line: 1, column: 55, endLine: 1, endColumn: 56, message: digits('r', '0.3333333333333333'),
          suggestions: ["Send({ device = 'patch@1.0', cache = { big = 1 << 60, r = tostring(1 / 3), s = 1000 * 10^12 } })"],
        },
        {
          messageId: 'large', line: 1, column: 66, endLine: 1, endColumn: 67, message: large('s', '1000000000000000.0'),
          suggestions: ["Send({ device = 'patch@1.0', cache = { big = 1 << 60, r = 1 / 3, s = tostring(1000 * 10^12) } })"],
        },
      ],
    },
    {
      name: 'large integers, negative numbers, exponents, hex beyond 1e14',
      code: [
        "Handlers.add('Info', 'Info', function(msg)",
        "  Send({ device = 'patch@1.0', cache = { supply = 100000000000000, debt = -250000000000000 } })",
        "  Send({ device = 'patch@1.0', cache = { e = 1e14, maxint = 0x7FFFFFFFFFFFFFFF } })",
        'end)',
      ].join('\n'),
      errors: [
        {
          messageId: 'large', line: 2, column: 42, endLine: 2, endColumn: 48, message: large('supply', '100000000000000'),
          suggestions: [[
            "Handlers.add('Info', 'Info', function(msg)",
            "  Send({ device = 'patch@1.0', cache = { supply = tostring(100000000000000), debt = -250000000000000 } })",
            "  Send({ device = 'patch@1.0', cache = { e = 1e14, maxint = 0x7FFFFFFFFFFFFFFF } })",
            'end)',
          ].join('\n')],
        },
        {
          messageId: 'large', line: 2, column: 68, endLine: 2, endColumn: 72, message: large('debt', '-250000000000000'),
          suggestions: [[
            "Handlers.add('Info', 'Info', function(msg)",
            "  Send({ device = 'patch@1.0', cache = { supply = 100000000000000, debt = tostring(-250000000000000) } })",
            "  Send({ device = 'patch@1.0', cache = { e = 1e14, maxint = 0x7FFFFFFFFFFFFFFF } })",
            'end)',
          ].join('\n')],
        },
        { messageId: 'large', line: 3, column: 42, endLine: 3, endColumn: 43, message: large('e', '1e14') },
        { messageId: 'large', line: 3, column: 52, endLine: 3, endColumn: 58, message: large('maxint', '0x7FFFFFFFFFFFFFFF') },
      ],
    },
    {
      name: 'more than 14 significant digits, and non-integral numbers',
      code: "Send({ device = 'patch@1.0', cache = { pi = 3.14159265358979, rate = 0.0025, tiny = -0.5 } })",
      errors: [
        {
          messageId: 'digits', line: 1, column: 40, endLine: 1, endColumn: 42, message: digits('pi', '3.14159265358979'),
          suggestions: ["Send({ device = 'patch@1.0', cache = { pi = tostring(3.14159265358979), rate = 0.0025, tiny = -0.5 } })"],
        },
        { messageId: 'fraction', line: 1, column: 63, endLine: 1, endColumn: 67, message: fraction('rate', '0.0025') },
        { messageId: 'fraction', line: 1, column: 78, endLine: 1, endColumn: 82, message: fraction('tiny', '-0.5') },
      ],
    },
    {
      name: 'through a constant variable: the suggestion wraps the use',
      code: [
        'TotalSupply = 10000000000000000',
        "Handlers.add('Info', 'Info', function(msg)",
        "  ao.send({ device = 'patch@1.0', cache = { totalsupply = TotalSupply } })",
        'end)',
      ].join('\n'),
      errors: [{
        messageId: 'large', line: 3, column: 45, endLine: 3, endColumn: 56, message: large('totalsupply', '10000000000000000'),
        suggestions: [[
          'TotalSupply = 10000000000000000',
          "Handlers.add('Info', 'Info', function(msg)",
          "  ao.send({ device = 'patch@1.0', cache = { totalsupply = tostring(TotalSupply) } })",
          'end)',
        ].join('\n')],
      }],
    },
    {
      name: 'through a wrapper: at the argument, the suggestion wraps the argument',
      code: [
        'local function SendPatch(key, value)',
        "  Send({ device = 'patch@1.0', cache = { [key] = value } })",
        'end',
        "SendPatch('price', 1.5)",
      ].join('\n'),
      errors: [{
        messageId: 'fraction', line: 4, column: 20, endLine: 4, endColumn: 23, message: fraction('price', '1.5'),
        suggestions: [[
          'local function SendPatch(key, value)',
          "  Send({ device = 'patch@1.0', cache = { [key] = value } })",
          'end',
          "SendPatch('price', tostring(1.5))",
        ].join('\n')],
      }],
    },
    {
      name: 'a number inside a state table: reported at its key, no suggestion (it would change the state)',
      code: [
        'Balances = { [ao.id] = 10000000000000000 }',
        "Handlers.add('A', 'A', function(msg)",
        "  Send({ device = 'patch@1.0', cache = { balances = Balances } })",
        'end)',
      ].join('\n'),
      errors: [{ messageId: 'large', line: 1, column: 15, endLine: 1, endColumn: 20, message: large('[ao.id]', '10000000000000000'), suggestions: [] }],
    },
    {
      name: 'a nested table written in the message keeps its suggestion',
      code: "Send({ device = 'patch@1.0', cache = { stats = { volume = 1e15 } } })",
      errors: [{
        messageId: 'large', line: 1, column: 50, endLine: 1, endColumn: 56,
        suggestions: ["Send({ device = 'patch@1.0', cache = { stats = { volume = tostring(1e15) } } })"],
      }],
    },
    {
      name: 'direct keys',
      directKeys: true,
      code: "Send({ device = 'patch@1.0', counter = 123456789012345678 })",
      errors: [{ messageId: 'large', line: 1, column: 30, endLine: 1, endColumn: 37, message: large('counter', '123456789012345678') }],
    },
  ],
});

ruleFixture('number-precision', [17, 18, 19, 20, 23, 27]);
