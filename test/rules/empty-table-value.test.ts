import { ruleFixture } from '../helpers/rule-fixture.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { CLEAN_PROCESS, CLEAN_PROCESS_CRLF_BOM } from '../helpers/clean-process.js';

const EMPTY = (key: string) => `Value of '${key}' is still an empty table when sent: it goes as [] and wipes what is there; fill it first.`;
const ONLY_NIL = (key: string) => `Value of '${key}' has only nil entries, so it is sent as [] and wipes what is there: send real values.`;
const EMPTY_CACHE = "'cache' is an empty table when sent: it goes as [] and wipes all of /compute/cache; fill it first.";

ruleTester('empty-table-value', {
  valid: [
    { name: 'a realistic token process', code: CLEAN_PROCESS },
    { name: 'the same with CRLF line ends and a BOM', code: CLEAN_PROCESS_CRLF_BOM },
    "Send({ device = 'patch@1.0', cache = { history = { 'a' }, stats = { n = 1 } } })",
    // Filled later by field writes with unknown keys (aos token blueprint), loops, table.insert.
    [
      "Handlers.add('Transfer', 'Transfer', function(msg)",
      "  local patchMsg = { device = 'patch@1.0', cache = { balances = {} } }",
      '  patchMsg.cache.balances[msg.From] = Balances[msg.From]',
      '  Send(patchMsg)',
      'end)',
    ].join('\n'),
    [
      "Handlers.add('A', 'A', function(msg)",
      '  local changed, queue = {}, {}',
      '  for _, addr in ipairs(msg.Tags.Addresses) do changed[addr] = Balances[addr] end',
      '  table.insert(queue, msg.Id)',
      "  Send({ device = 'patch@1.0', cache = { changed = changed, queue = queue } })",
      'end)',
    ].join('\n'),
    // A global table filled by handlers.
    "Stakes = {}\nHandlers.add('Stake', 'Stake', function(msg)\n  Stakes[msg.From] = msg.Tags.Quantity\n  Send({ device = 'patch@1.0', cache = { stakes = Stakes } })\nend)",
    // A global: other files loaded into the process, and later evaluations, can fill it.
    "Stats = {}\nHandlers.add('A', 'A', function(msg)\n  Send({ device = 'patch@1.0', cache = { stats = Stats } })\nend)",
    // Given a second name through which it can be filled.
    "local history = {}\nGame = { history = history }\nHandlers.add('A', 'A', function(msg)\n  Send({ device = 'patch@1.0', cache = { history = history } })\nend)",
    "local log = {}\nlocal ref = log\nHandlers.add('A', 'A', function(msg)\n  ref[#ref + 1] = msg.Id\n  Send({ device = 'patch@1.0', cache = { log = log } })\nend)",
    // May hold more than we see: `X = X or {}`, passed to another function, returned.
    "Pending = Pending or {}\nHandlers.add('A', 'A', function(msg)\n  Send({ device = 'patch@1.0', cache = { pending = Pending } })\nend)",
    "local function record(t, k, v) t[k] = v end\nHandlers.add('A', 'A', function(msg)\n  local notes = {}\n  record(notes, msg.Id, msg.Data)\n  Send({ device = 'patch@1.0', cache = { notes = notes } })\nend)",
    "Handlers.add('A', 'A', function(msg)\n  local list = {}\n  list[#list + 1] = msg.From\n  ao.send({ device = 'patch@1.0', cache = { list = list } })\nend)",
    // A message passed to another function before it is sent may be filled there.
    "local function stamp(m) m.cache.log = { os.time() } end\nHandlers.add('A', 'A', function(msg)\n  local m = { device = 'patch@1.0', cache = { log = {} } }\n  stamp(m)\n  Send(m)\nend)",
    // A table assigned in several places (possibly filled) is not known to be empty.
    "Handlers.add('A', 'A', function(msg)\n  local t = {}\n  if msg.Tags.X then t = { x = 1 } end\n  Send({ device = 'patch@1.0', cache = { t = t } })\nend)",
    // Calls and message fields are unknown; json.encode({}) is a string.
    "local json = require('json')\nHandlers.add('A', 'A', function(msg)\n  Send({ device = 'patch@1.0', cache = { a = msg.Tags.List, b = json.encode({}), c = newTable() } })\nend)",
    // Root data keys in the cache style are not exposed (require-cache reports them).
    "Send({ device = 'patch@1.0', balances = {}, cache = { n = 1 } })",
  ],
  invalid: [
    {
      name: 'inline {} and a local still empty when sent',
      code: [
        "Handlers.add('Reset', 'Reset', function(msg)",
        '  local cleared = {}',
        "  Send({ device = 'patch@1.0', cache = { history = {}, cleared = cleared } })",
        'end)',
      ].join('\n'),
      errors: [
        { messageId: 'empty', line: 3, column: 42, endLine: 3, endColumn: 49, message: EMPTY('history') },
        { messageId: 'empty', line: 3, column: 56, endLine: 3, endColumn: 63, message: EMPTY('cleared') },
      ],
    },
    {
      name: 'a message built first: nested, and a field added later',
      code: [
        "Handlers.add('Reset', 'Reset', function(msg)",
        "  local patch = { device = 'patch@1.0', cache = {} }",
        '  patch.cache.stats = { rounds = {} }',
        '  patch.cache.log = {}',
        '  Send(patch)',
        'end)',
      ].join('\n'),
      errors: [
        { messageId: 'empty', line: 3, column: 25, endLine: 3, endColumn: 31, message: EMPTY('rounds') },
        { messageId: 'empty', line: 4, column: 15, endLine: 4, endColumn: 18, message: EMPTY('log') },
      ],
    },
    {
      name: 'sending a message built first does not make its tables "maybe filled" (every send spelling)',
      code: [
        "local AO = require('.ao')",
        "Handlers.add('A', 'A', function(msg)",
        "  local a = { device = 'patch@1.0', cache = { log = {} } }",
        '  Send(a)',
        "  local b = { device = 'patch@1.0', cache = { log = {} } }",
        '  AO.send(b)',
        "  local c = { device = 'patch@1.0', cache = { log = {} } }",
        '  _G.ao.send(c)',
        "  local d = { device = 'patch@1.0', cache = { log = {} } }",
        '  table.insert(ao.outbox.Messages, d)',
        'end)',
      ].join('\n'),
      errors: [
        { messageId: 'empty', line: 3, column: 47, endLine: 3, endColumn: 50 },
        { messageId: 'empty', line: 5, column: 47, endLine: 5, endColumn: 50 },
        { messageId: 'empty', line: 7, column: 47, endLine: 7, endColumn: 50 },
        { messageId: 'empty', line: 9, column: 47, endLine: 9, endColumn: 50 },
      ],
    },
    {
      name: 'through a wrapper (at the argument) and a positional entry (named by its index)',
      code: [
        'local function SendPatch(key, value)',
        "  ao.send({ device = 'patch@1.0', cache = { [key] = value } })",
        'end',
        "Handlers.add('A', 'A', function(msg)",
        "  SendPatch('history', {})",
        "  Send({ device = 'patch@1.0', cache = { rows = { { 1 }, {} } } })",
        'end)',
      ].join('\n'),
      errors: [
        { messageId: 'empty', line: 5, column: 24, endLine: 5, endColumn: 26, message: EMPTY('history') },
        { messageId: 'empty', line: 6, column: 58, endLine: 6, endColumn: 60, message: EMPTY('[2]') },
      ],
    },
    {
      name: "cache = {} itself, as the cookbook's template writes it, wipes all of /compute/cache",
      code: [
        "Handlers.add('Reset', 'Reset', function(msg)",
        "  Send({ device = 'patch@1.0', cache = {} })",
        'end)',
      ].join('\n'),
      errors: [{ messageId: 'emptyCache', line: 2, column: 32, endLine: 2, endColumn: 37, message: EMPTY_CACHE }],
    },
    {
      name: 'a table whose only entries are nil is the same empty table (nil-value stays silent on them)',
      code: [
        "Handlers.add('Leave', 'Leave', function(msg)",
        "  Send({ device = 'patch@1.0', cache = { server = nil } })",
        "  Send({ device = 'patch@1.0', cache = { lobby = { host = nil, guest = nil }, round = Round } })",
        'end)',
      ].join('\n'),
      errors: [
        { messageId: 'emptyCache', line: 2, column: 32, endLine: 2, endColumn: 37, message: EMPTY_CACHE },
        { messageId: 'onlyNil', line: 3, column: 42, endLine: 3, endColumn: 47, message: ONLY_NIL('lobby') },
      ],
    },
    {
      name: 'a wrapper called with nil for its only key sends cache = {} (reported where the cache is written)',
      code: [
        'local function SendPatch(key, value)',
        "  Send({ device = 'patch@1.0', cache = { [key] = value } })",
        'end',
        "Handlers.add('A', 'A', function(msg) SendPatch('winner', nil) end)",
      ].join('\n'),
      errors: [{ messageId: 'emptyCache', line: 2, column: 32, endLine: 2, endColumn: 37, message: EMPTY_CACHE }],
    },
    {
      name: 'direct keys: an empty root key wipes /compute/<key>',
      directKeys: true,
      code: "Send({ device = 'patch@1.0', balances = {} })",
      errors: [{ messageId: 'empty', line: 1, column: 30, endLine: 1, endColumn: 38, message: EMPTY('balances') }],
    },
  ],
});

ruleFixture('empty-table-value', [42, 42, 44]);
