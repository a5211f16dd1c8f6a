import { ruleTester } from '../helpers/rule-tester.js';
import { ruleFixture } from '../helpers/rule-fixture.js';

const documented = (key: string, where: string) =>
  `Key '${key}' is reserved ${where}: the patch device documentation reserves now, compute, state, info and test for HyperBEAM paths, so reads of this key are ambiguous. Use a specific name instead (for example 'myapp${key.toLowerCase()}').`;
const nestedName = (key: string) =>
  `Key '${key}' is reserved under cache: HyperBEAM resolves /compute/cache/${key} as a message function, so reads return that instead of your value. Use a specific name instead (for example 'myapp${key}').`;
const rootName = (key: string) =>
  `Key '${key}' is reserved at the root of the process state: HyperBEAM resolves /compute/${key} as a process or message function or a runtime key, so the patched value is shadowed or breaks the process. Use a specific name instead (for example 'myapp${key}').`;
const UNDER_CACHE = 'under cache';
const AT_ROOT = 'at the root of the process state';

ruleTester('reserved-key', {
  valid: [
    {
      name: "the user's examples",
      code: `InitialSync = InitialSync or 'INCOMPLETE'
if InitialSync == 'INCOMPLETE' then
  Send({ device = 'patch@1.0', cache = { balances = Balances, totalsupply = TotalSupply } })
  InitialSync = 'COMPLETE'
end
Handlers.add("PublishData", Handlers.utils.hasMatchingTag("Action", "PublishData"), function (msg)
  Send({ device = 'patch@1.0', cache = { currentstatus = "Some important state: " .. math.random() } })
end)`,
    },
    {
      name: 'reserved words as values, inside longer names, and deeper down',
      code: `local json = require('json')
Handlers.add('Info', Handlers.utils.hasMatchingTag('Action', 'Info'), function(msg)
  Send({ device = 'patch@1.0', cache = { phase = 'state', myappstate = json.encode(State), testnet = true, nowplaying = 'x' } })
  Send({ device = 'patch@1.0', cache = { gameinfo = json.encode({ info = 'x', state = 'y', id = 1 }) } })
end)`,
    },
    {
      name: 'a token process with specific names, loops and bitwise arithmetic',
      code: `local json = require('json')
Balances = Balances or {}
Handlers.add('Sync', Handlers.utils.hasMatchingTag('Action', 'Sync'), function(msg)
  local patchMsg = { device = 'patch@1.0', cache = { tokeninfo = json.encode({ name = 'Points', info = 'x' }) } }
  for addr, bal in pairs(Balances) do
    if #addr ~= 43 then goto continue end
    patchMsg.cache[addr] = tostring(tonumber(bal) // 1 & 0xffff)
    ::continue::
  end
  patchMsg.cache.syncstate = 'done'
  Send(patchMsg)
end)`,
    },
    {
      name: 'names reserved only at the root are fine under cache',
      code: "Send({ device = 'patch@1.0', cache = { schedule = 'daily', slot = 4, process = 'x', module = 'y', to = 'z', scheduler = 'w' } })",
    },
    {
      name: 'keys that cannot be resolved',
      code: `Handlers.add('Set', function(msg) return true end, function(msg)
  Send({ device = 'patch@1.0', cache = { [msg.Tags.Key] = msg.Data } })
end)`,
    },
    {
      name: 'envelope fields and non-patch messages',
      code: `Handlers.add('Info', Handlers.utils.hasMatchingTag('Action', 'Info'), function(msg)
  ao.send({ Target = ao.id, device = 'patch@1.0', Data = 'x', cache = { ticker = 'PNT' } })
  msg.reply({ Action = 'Info', State = 'ready', Test = '1' })
end)`,
    },
    {
      name: 'option allow (case-insensitive)',
      code: "Send({ device = 'patch@1.0', cache = { info = 'v1', Id = 2 } })",
      options: { allow: ['INFO', 'id'] },
    },
  ],
  invalid: [
    {
      name: "the user's list under cache",
      code: "Send({ device = 'patch@1.0', cache = { now = 1, compute = 2, state = 3, info = 4, test = 5 } })",
      errors: [
        { messageId: 'documented', line: 1, column: 40, endLine: 1, endColumn: 43, message: documented('now', UNDER_CACHE) },
        { messageId: 'documented', line: 1, column: 49, endLine: 1, endColumn: 56, message: documented('compute', UNDER_CACHE) },
        { messageId: 'documented', line: 1, column: 62, endLine: 1, endColumn: 67, message: documented('state', UNDER_CACHE) },
        { messageId: 'documented', line: 1, column: 73, endLine: 1, endColumn: 77, message: documented('info', UNDER_CACHE) },
        { messageId: 'documented', line: 1, column: 83, endLine: 1, endColumn: 87, message: documented('test', UNDER_CACHE) },
      ],
    },
    {
      name: 'case-insensitive, quoted keys',
      code: "ao.send({ device = 'patch@1.0', cache = { State = 1, ['INFO'] = 2 } })",
      errors: [
        { messageId: 'documented', line: 1, column: 43, endLine: 1, endColumn: 48, message: documented('State', UNDER_CACHE) },
        { messageId: 'documented', line: 1, column: 55, endLine: 1, endColumn: 61, message: documented('INFO', UNDER_CACHE) },
      ],
    },
    {
      name: 'message functions under cache (source-confirmed)',
      code: `Send({ device = 'patch@1.0', cache = {
  id = msg.Id,
  keys = '3',
  ['set-path'] = 'x',
  commitments = 'y',
} })`,
      errors: [
        { messageId: 'nestedName', line: 2, column: 3, endLine: 2, endColumn: 5, message: nestedName('id') },
        { messageId: 'nestedName', line: 3, column: 3, endLine: 3, endColumn: 7, message: nestedName('keys') },
        { messageId: 'nestedName', line: 4, column: 4, endLine: 4, endColumn: 14, message: nestedName('set-path') },
        { messageId: 'nestedName', line: 5, column: 3, endLine: 5, endColumn: 14 },
      ],
    },
    {
      name: 'a device key under cache',
      code: "Send({ device = 'patch@1.0', cache = { device = 'json@1.0' } })",
      errors: [
        {
          messageId: 'nestedDevice', line: 1, column: 40, endLine: 1, endColumn: 46,
          message: "Key 'device' is reserved under cache: a nested device key tells HyperBEAM which device resolves the whole cache table, so reads under /compute/cache/ break. Use a specific name instead (for example 'myappdevice').",
        },
      ],
    },
    {
      name: "the user's list at the root, also in the cache style",
      code: "Send({ device = 'patch@1.0', cache = { round = 1 }, now = os.time() })",
      errors: [{ messageId: 'documented', line: 1, column: 53, endLine: 1, endColumn: 56, message: documented('now', AT_ROOT) }],
    },
    {
      name: 'direct keys: process and message functions, runtime keys and redirects at the root',
      code: "Send({ device = 'patch@1.0', slot = 4, results = 'x', ['patch-to'] = '/x', counter = 42 })",
      directKeys: true,
      errors: [
        { messageId: 'rootName', line: 1, column: 30, endLine: 1, endColumn: 34, message: rootName('slot') },
        { messageId: 'rootName', line: 1, column: 40, endLine: 1, endColumn: 47, message: rootName('results') },
        {
          messageId: 'redirect', line: 1, column: 56, endLine: 1, endColumn: 66,
          message: "Key 'patch-to' is reserved at the root of the process state: HyperBEAM's patch device reads it as where to patch from or to, so this and later patches land somewhere else. Use a specific name instead (for example 'myapppatch-to').",
        },
      ],
    },
    {
      name: 'a key from a constant: reported at the key expression',
      code: `local STATUS_KEY = 'state'
Send({ device = 'patch@1.0', cache = { [STATUS_KEY] = 'ready' } })`,
      errors: [{ messageId: 'documented', line: 2, column: 41, endLine: 2, endColumn: 51, message: documented('state', UNDER_CACHE) }],
    },
    {
      name: "a wrapper's key argument: reported at the call",
      code: `local function SendPatch(key, data)
  Send({ device = 'patch@1.0', cache = { [key] = data } })
end
Handlers.add('Ping', Handlers.utils.hasMatchingTag('Action', 'Ping'), function(msg)
  SendPatch('test', msg.Data)
  SendPatch('lastping', msg.Timestamp)
end)`,
      errors: [{ messageId: 'documented', line: 5, column: 13, endLine: 5, endColumn: 19, message: documented('test', UNDER_CACHE) }],
    },
    {
      name: 'a key added to the message later',
      code: `local patchMsg = { device = 'patch@1.0', cache = {} }
patchMsg.cache.info = 'v2'
Handlers.add('Push', function(msg) return true end, function(msg) Send(patchMsg) end)`,
      errors: [{ messageId: 'documented', line: 2, column: 16, endLine: 2, endColumn: 20 }],
    },
    {
      name: 'option extra',
      code: "Send({ device = 'patch@1.0', cache = { config = '{}', settings = 'x' } })",
      options: { extra: ['Config'] },
      errors: [
        {
          messageId: 'extra', line: 1, column: 40, endLine: 1, endColumn: 46,
          message: "Key 'config' is reserved under cache by this project's configuration (reserved-key option extra). Use a specific name instead.",
        },
      ],
    },
  ],
});

ruleFixture('reserved-key', [12, 13, 15, 15, 22]);
