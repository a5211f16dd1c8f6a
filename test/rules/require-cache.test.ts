import { ruleTester } from '../helpers/rule-tester.js';
import { ruleFixture } from '../helpers/rule-fixture.js';

const MISSING = "Patch message has no 'cache' table: put the keys to expose in cache = { ... }.";
const rootKeys = (keys: string) => `Patch message writes root keys (${keys}), not a cache table: move them into cache = { ... }.`;
const notTable = (kind: string) => `'cache' is ${kind}, not a table: write cache = { mykey = value }.`;
const stray = (key: string) => `Data key '${key}' is beside 'cache', at /compute/${key}: move it into the cache table.`;

ruleTester('require-cache', {
  valid: [
    {
      name: "the user's handler example",
      code: `Handlers.add(
  "PublishData",
  Handlers.utils.hasMatchingTag("Action", "PublishData"),
  function (msg)
    local dataToPublish = "Some important state: " .. math.random()
    Send({ device = 'patch@1.0', cache = { currentstatus = dataToPublish } })
  end
)`,
    },
    {
      name: 'envelope fields beside cache: Target, method, Data, Tags, Anchor',
      code: `Handlers.add('Info', Handlers.utils.hasMatchingTag('Action', 'Info'), function(msg)
  ao.send({ Target = ao.id, device = 'patch@1.0', cache = { name = Name } })
  ao.send({ Target = ao.id, method = 'PATCH', Data = '', Tags = { { name = 'X', value = 'y' } }, Anchor = '00001', cache = { ticker = Ticker } })
end)`,
    },
    {
      name: 'cache held in a local resolved to a table',
      code: `Handlers.add('Stats', function(msg) return msg.Action == 'Stats' end, function(msg)
  local exposed = { supply = tostring(TotalSupply), holders = tostring(#Holders) }
  Send({ device = 'patch@1.0', cache = exposed })
end)`,
    },
    {
      name: 'cache that cannot be resolved: a parameter, a field, a call result',
      code: `local json = require('json')
local function publish(fields)
  Send({ device = 'patch@1.0', cache = fields })
end
Handlers.add('Sync', function(msg) return true end, function(msg)
  Send({ device = 'patch@1.0', cache = State.exposed })
  Send({ device = 'patch@1.0', cache = buildCache(msg) })
  publish({ lastsync = msg.Timestamp })
end)`,
    },
    {
      name: 'message built first, cache added later, sent through a variable',
      code: `Handlers.add('Transfer', Handlers.utils.hasMatchingTag('Action', 'Transfer'), function(msg)
  local patchMsg = { device = 'patch@1.0' }
  patchMsg.cache = {}
  patchMsg.cache.balances = json.encode(Balances)
  patchMsg.cache.updated = msg.Timestamp // 1000
  Send(patchMsg)
end)`,
    },
    {
      name: 'root keys added with keys the analysis cannot know: silent',
      code: `local m = { device = 'patch@1.0' }
for k, v in pairs(Exposed) do
  if v == nil then goto continue end
  m[k] = v
  ::continue::
end
Handlers.add('Push', function(msg) return true end, function(msg) Send(m) end)`,
    },
    {
      name: 'ordinary messages and strings or comments that mention patch@1.0',
      code: `-- Send({ device = 'patch@1.0', total = 1 }) is how not to do it
Handlers.add('Help', Handlers.utils.hasMatchingTag('Action', 'Help'), function(msg)
  msg.reply({ Data = "Send({ device = 'patch@1.0', total = 1 })" })
  ao.send({ Target = msg.From, Action = 'Credit-Notice', Quantity = tostring(5 & 0xff) })
  Send({ Target = msg.From, device = 'scheduler@1.0', total = 1 })
end)`,
    },
    {
      name: 'a cache entry whose key is spelled in upper case still counts as the cache (lowercase-key reports the case)',
      code: "Send({ device = 'patch@1.0', Cache = { total = 1 } })",
    },
  ],
  invalid: [
    {
      name: 'no cache, root keys instead: reported once, at the message table, naming them',
      code: "Send({ device = 'patch@1.0', total = 1, holders = 2 })",
      errors: [{ messageId: 'rootKeys', line: 1, column: 6, endLine: 1, endColumn: 54, message: rootKeys('total, holders') }],
    },
    {
      name: 'many root keys: the first three named',
      code: "Send({ device = 'patch@1.0', a = 1, b = 2, c = 3, d = 4 })",
      errors: [{ messageId: 'rootKeys', line: 1, column: 6, endLine: 1, endColumn: 58, message: rootKeys('a, b, c, …') }],
    },
    {
      name: 'no cache in a table that spans lines',
      code: `Handlers.add('Join', function(msg) return true end, function(msg)
  ao.send({
    device = 'patch@1.0',
    players = tostring(#Players),
  })
end)`,
      errors: [{ messageId: 'rootKeys', line: 2, column: 11, endLine: 5, endColumn: 4 }],
    },
    {
      name: 'method = PATCH without cache, sent to the outbox',
      code: "ao.send({ Target = ao.id, method = 'PATCH' })",
      errors: [{ messageId: 'missing', line: 1, column: 9, endLine: 1, endColumn: 45, message: MISSING }],
    },
    {
      name: 'cache = nil is no cache',
      code: "Send({ device = 'patch@1.0', cache = nil })",
      errors: [{ messageId: 'missing', line: 1, column: 6, endLine: 1, endColumn: 43 }],
    },
    {
      name: 'a message built first and never given a cache',
      code: `local m = { device = 'patch@1.0' }
m.total = 5
Handlers.add('Push', function(msg) return true end, function(msg) Send(m) end)`,
      errors: [{ messageId: 'rootKeys', line: 1, column: 11, endLine: 1, endColumn: 35, message: rootKeys('total') }],
    },
    {
      name: 'cache is a string, a number, a boolean, an encoded string',
      code: `local json = require('json')
Handlers.add('Bad', function(msg) return true end, function(msg)
  Send({ device = 'patch@1.0', cache = 'balances' })
  Send({ device = 'patch@1.0', cache = 42 })
  Send({ device = 'patch@1.0', cache = msg.From == Owner })
  Send({ device = 'patch@1.0', cache = json.encode(Balances) })
end)`,
      errors: [
        { messageId: 'notTable', line: 3, column: 32, endLine: 3, endColumn: 37, message: notTable('a string') },
        { messageId: 'notTable', line: 4, column: 32, endLine: 4, endColumn: 37, message: notTable('a number') },
        { messageId: 'notTable', line: 5, column: 32, endLine: 5, endColumn: 37, message: notTable('a boolean') },
        { messageId: 'notTable', line: 6, column: 32, endLine: 6, endColumn: 37, message: notTable('an encoded string') },
      ],
    },
    {
      name: 'cache through a constant that holds a string',
      code: `local EXPOSED = 'balances'
Send({ device = 'patch@1.0', cache = EXPOSED })`,
      errors: [{ messageId: 'notTable', line: 2, column: 30, endLine: 2, endColumn: 35, message: notTable('a string') }],
    },
    {
      name: 'data keys beside cache: each stray key, as written',
      code: "Send({ device = 'patch@1.0', cache = { total = 1 }, lastsender = msg.From, ['updated'] = msg.Timestamp })",
      errors: [
        { messageId: 'stray', line: 1, column: 53, endLine: 1, endColumn: 63, message: stray('lastsender') },
        { messageId: 'stray', line: 1, column: 77, endLine: 1, endColumn: 86, message: stray('updated') },
      ],
    },
    {
      name: "a stray key that comes through a wrapper's argument: at the argument",
      code: `local function PatchRoot(key, value)
  Send({ device = 'patch@1.0', cache = { lastcall = os.time() }, [key] = value })
end
Handlers.add('Score', Handlers.utils.hasMatchingTag('Action', 'Score'), function(msg)
  PatchRoot('highscore', msg.Tags.Score)
end)`,
      errors: [{ messageId: 'stray', line: 5, column: 13, endLine: 5, endColumn: 24, message: stray('highscore') }],
    },
    {
      name: 'a stray key added to the message later',
      code: `Handlers.add('Transfer', function(msg) return true end, function(msg)
  local patchMsg = { device = 'patch@1.0', cache = { total = 1 } }
  patchMsg.lastqty = msg.Tags.Quantity
  Send(patchMsg)
end)`,
      errors: [{ messageId: 'stray', line: 3, column: 12, endLine: 3, endColumn: 19, message: stray('lastqty') }],
    },
  ],
});

ruleFixture('require-cache', [23, 26, 31]);
