import { ruleTester } from '../helpers/rule-tester.js';
import { ruleFixture } from '../helpers/rule-fixture.js';

const documented = (key: string, where: string) =>
  `Key '${key}' is reserved by the patch device documentation ${where}: rename it (e.g. 'my${key.toLowerCase()}').`;
const shadowed = (key: string, where: string) => `Key '${key}' is answered by a HyperBEAM device function ${where}, not by your value: rename it.`;
const runtime = (key: string) => `Key '${key}' at the root is rewritten by the process on every slot: rename it (e.g. 'my${key}').`;
const envelope = (key: string) => `Key '${key}' at the root is written by aos or HyperBEAM with every message: rename it.`;
const nestedDevice = (table: string) => `Key 'device' in '${table}' changes how HyperBEAM resolves that table: remove it (or use 'trie@1.0').`;
const extension = (key: string) => `Key '${key}' is a message extension name on current HyperBEAM nodes: rename it.`;
const UNDER_CACHE = 'under cache';
const AT_ROOT = 'at the root';

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
      name: "device = 'trie@1.0' in a nested table is the documented way to hold a large table",
      code: `Handlers.add('Balances', 'Balances', function(msg)
  Send({ device = 'patch@1.0', cache = { balances = { device = 'trie@1.0', [msg.From] = '10' } } })
  Send({ device = 'patch@1.0', cache = { device = 'trie@1.0', total = '1' } })
end)`,
    },
    {
      name: 'message function names deeper than the first level under cache are record fields',
      code: "Send({ device = 'patch@1.0', cache = { players = { alice = { id = 1, index = 2, path = 'x' } } } })",
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
        { messageId: 'shadowed', line: 2, column: 3, endLine: 2, endColumn: 5, message: shadowed('id', UNDER_CACHE) },
        { messageId: 'shadowed', line: 3, column: 3, endLine: 3, endColumn: 7, message: shadowed('keys', UNDER_CACHE) },
        { messageId: 'shadowed', line: 4, column: 4, endLine: 4, endColumn: 14, message: shadowed('set-path', UNDER_CACHE) },
        { messageId: 'shadowed', line: 5, column: 3, endLine: 5, endColumn: 14 },
      ],
    },
    {
      name: 'a device key under cache',
      code: "Send({ device = 'patch@1.0', cache = { device = 'json@1.0' } })",
      errors: [{ messageId: 'nestedDevice', line: 1, column: 40, endLine: 1, endColumn: 46, message: nestedDevice('cache') }],
    },
    {
      name: 'a device key deeper down, whose value is not trie@1.0',
      code: "Send({ device = 'patch@1.0', cache = { profile = { device = 'json@1.0', name = 'x' } } })",
      errors: [{ messageId: 'nestedDevice', line: 1, column: 52, endLine: 1, endColumn: 58, message: nestedDevice('cache/profile') }],
    },
    {
      name: "'...' and '...+link' at every level (message extensions)",
      code: "Send({ device = 'patch@1.0', cache = { ['...'] = 1, nested = { ['...+link'] = 'x' } } })",
      errors: [
        { messageId: 'extension', line: 1, column: 41, endLine: 1, endColumn: 46, message: extension('...') },
        { messageId: 'extension', line: 1, column: 65, endLine: 1, endColumn: 75, message: extension('...+link') },
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
        { messageId: 'shadowed', line: 1, column: 30, endLine: 1, endColumn: 34, message: shadowed('slot', AT_ROOT) },
        { messageId: 'runtime', line: 1, column: 40, endLine: 1, endColumn: 47, message: runtime('results') },
        {
          messageId: 'redirect', line: 1, column: 56, endLine: 1, endColumn: 66,
          message: "Key 'patch-to' at the root tells the patch device where to patch, redirecting patches: rename it.",
        },
      ],
    },
    {
      name: 'the export names of newer process@1.0 versions (as, latest) at the root',
      code: "Send({ device = 'patch@1.0', as = 'x', Latest = 2 })",
      directKeys: true,
      errors: [
        { messageId: 'shadowed', line: 1, column: 30, endLine: 1, endColumn: 32, message: shadowed('as', AT_ROOT) },
        { messageId: 'shadowed', line: 1, column: 40, endLine: 1, endColumn: 46, message: shadowed('Latest', AT_ROOT) },
      ],
    },
    {
      name: 'envelope keys aos and HyperBEAM write with every message, as root data keys',
      code: "Send({ device = 'patch@1.0', Type = 'Token', Variant = 'v2', ['Data-Protocol'] = 'x', Reference = '7', ['from-process'] = 'p' })",
      directKeys: true,
      errors: [
        { messageId: 'envelope', line: 1, column: 30, endLine: 1, endColumn: 34, message: envelope('Type') },
        { messageId: 'envelope', line: 1, column: 46, endLine: 1, endColumn: 53, message: envelope('Variant') },
        { messageId: 'envelope', line: 1, column: 63, endLine: 1, endColumn: 78, message: envelope('Data-Protocol') },
        { messageId: 'envelope', line: 1, column: 87, endLine: 1, endColumn: 96, message: envelope('Reference') },
        { messageId: 'envelope', line: 1, column: 105, endLine: 1, endColumn: 119, message: envelope('from-process') },
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
          message: "Key 'config' is reserved under cache by this project's configuration (reserved-key option extra): rename it.",
        },
      ],
    },
  ],
});

ruleFixture('reserved-key', [12, 13, 15, 15, 22]);
