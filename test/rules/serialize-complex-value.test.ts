import { ruleTester } from '../helpers/rule-tester.js';
import { ruleFixture } from '../helpers/rule-fixture.js';

const complex = (key: string) => `Value of '${key}' is a table: send json.encode(...) of it, or expose its scalar fields as keys.`;

ruleTester('serialize-complex-value', {
  valid: [
    {
      name: 'scalars and serialized values',
      code: `local json = require('json')
Handlers.add('Info', Handlers.utils.hasMatchingTag('Action', 'Info'), function(msg)
  Send({ device = 'patch@1.0', cache = {
    name = 'Points', supply = 1984, open = true, ratio = 3 // 2, mask = 0xff ~ 0x0f,
    balances = json.encode(Balances), count = tostring(#Balances), label = string.format('%d', 5),
  } })
end)`,
    },
    {
      name: 'values the analysis cannot resolve',
      code: `local function expose(key, value) Send({ device = 'patch@1.0', cache = { [key] = value } }) end
Handlers.add('Set', function(msg) return true end, function(msg)
  Send({ device = 'patch@1.0', cache = { data = msg.Data, state = State.exposed, snapshot = buildSnapshot() } })
  expose('latest', msg.Tags.Value)
end)`,
    },
    {
      name: 'an empty table is for empty-table-value; a global table that may be empty is unknown',
      code: `Registry = Registry or {}
Send({ device = 'patch@1.0', cache = { history = {}, registry = Registry } })`,
    },
    {
      name: 'tables that unencodable-value reports (mixed, sparse, holding a function or NaN)',
      code: `Send({ device = 'patch@1.0', cache = {
  mixed = { 1, 2, total = 3 },
  sparse = { [1] = 'a', [3] = 'c' },
  hooks = { onjoin = function() end },
  stats = { ratio = 0/0 },
} })`,
    },
    {
      name: 'option maxDepth 1: flat tables of scalars are accepted',
      code: `Config = Config or { fee = '1', minimum = '10' }
Send({ device = 'patch@1.0', cache = { config = Config, levels = { 1, 2, 3 }, owner = { id = msg.From } } })`,
      options: { maxDepth: 1 },
    },
  ],
  invalid: [
    {
      name: 'a table constructor: at the key, suggestion wraps the value',
      code: "Send({ device = 'patch@1.0', cache = { order = { id = 1, side = 'buy' } } })",
      errors: [
        {
          messageId: 'complex', line: 1, column: 40, endLine: 1, endColumn: 45, message: complex('order'),
          suggestions: ["Send({ device = 'patch@1.0', cache = { order = json.encode({ id = 1, side = 'buy' }) } })"],
        },
      ],
    },
    {
      name: "the user's initial sync sends the Balances table",
      code: `Balances = { token1 = 100, token2 = 200 }
InitialSync = InitialSync or 'INCOMPLETE'
if InitialSync == 'INCOMPLETE' then
  Send({ device = 'patch@1.0', cache = { balances = Balances, totalsupply = 1984 } })
  InitialSync = 'COMPLETE'
end`,
      errors: [
        {
          messageId: 'complex', line: 4, column: 42, endLine: 4, endColumn: 50, message: complex('balances'),
          suggestions: [`Balances = { token1 = 100, token2 = 200 }
InitialSync = InitialSync or 'INCOMPLETE'
if InitialSync == 'INCOMPLETE' then
  Send({ device = 'patch@1.0', cache = { balances = json.encode(Balances), totalsupply = 1984 } })
  InitialSync = 'COMPLETE'
end`],
        },
      ],
    },
    {
      name: 'a local filled later, a list, a table nested in a table (reported once, at the top)',
      code: `Handlers.add('Order', function(msg) return true end, function(msg)
  local fills = {}
  for i = 1, 3 do fills[#fills + 1] = tostring(i) end
  ao.send({ device = 'patch@1.0', cache = { fills = fills, levels = { 1, 2, 3 }, book = { bids = { top = '5' } } } })
end)`,
      errors: [
        { messageId: 'complex', line: 4, column: 45, endLine: 4, endColumn: 50, message: complex('fills') },
        { messageId: 'complex', line: 4, column: 60, endLine: 4, endColumn: 66, message: complex('levels') },
        { messageId: 'complex', line: 4, column: 82, endLine: 4, endColumn: 86, message: complex('book') },
      ],
    },
    {
      name: 'a multi-line table value: at the key; the suggestion wraps the whole constructor',
      code: `Send({
  device = 'patch@1.0',
  cache = {
    settings = {
      fee = '1',
    },
  },
})`,
      errors: [
        {
          messageId: 'complex', line: 4, column: 5, endLine: 4, endColumn: 13,
          suggestions: [`Send({
  device = 'patch@1.0',
  cache = {
    settings = json.encode({
      fee = '1',
    }),
  },
})`],
        },
      ],
    },
    {
      name: 'a table value added to the message later',
      code: `Players = Players or { alice = { score = 1 } }
local patchMsg = { device = 'patch@1.0', cache = {} }
patchMsg.cache.players = Players
Handlers.add('Push', function(msg) return true end, function(msg) Send(patchMsg) end)`,
      errors: [
        {
          messageId: 'complex', line: 3, column: 16, endLine: 3, endColumn: 23,
          suggestions: [`Players = Players or { alice = { score = 1 } }
local patchMsg = { device = 'patch@1.0', cache = {} }
patchMsg.cache.players = json.encode(Players)
Handlers.add('Push', function(msg) return true end, function(msg) Send(patchMsg) end)`],
        },
      ],
    },
    {
      name: "a wrapper's value argument: at the argument, the suggestion wraps it",
      code: `local function SendPatch(key, value)
  Send({ device = 'patch@1.0', cache = { [key] = value } })
end
SendPatch('levels', { low = 1, high = 9 })`,
      errors: [
        {
          messageId: 'complex', line: 4, column: 21, endLine: 4, endColumn: 42, message: complex('levels'),
          suggestions: [`local function SendPatch(key, value)
  Send({ device = 'patch@1.0', cache = { [key] = value } })
end
SendPatch('levels', json.encode({ low = 1, high = 9 }))`],
        },
      ],
    },
    {
      name: 'direct keys: root data keys are exposed keys too',
      code: "Send({ device = 'patch@1.0', holders = { 'a', 'b' } })",
      directKeys: true,
      errors: [{ messageId: 'complex', line: 1, column: 30, endLine: 1, endColumn: 37, message: complex('holders') }],
    },
    {
      name: 'option maxDepth 1: a table of tables is still reported',
      code: "Send({ device = 'patch@1.0', cache = { fee = { amount = '1' }, book = { bids = { top = '5' } } } })",
      options: { maxDepth: 1 },
      errors: [{ messageId: 'complex', line: 1, column: 64, endLine: 1, endColumn: 68, message: complex('book') }],
    },
  ],
});

ruleFixture('serialize-complex-value', [13, 25, 26, 39]);
