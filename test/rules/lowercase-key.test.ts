import { ruleTester } from '../helpers/rule-tester.js';
import { ruleFixture } from '../helpers/rule-fixture.js';

const upper = (key: string) => `Key '${key}' has upper-case letters: current HyperBEAM serves it only as written; use '${key.toLowerCase()}'.`;

const ADDRESS = 'vh-NTHVvlKZqRxc8LyyTNok65yQ55a_PJ1zWLb9G2JI'; // 43 bytes: an Arweave address
const ETH = '0x52908400098527886E0F7030069857D2E4169EE7'; // 42 bytes: a checksummed Ethereum address
const ID32 = 'AbCdEfGhIjKlMnOpQrStUvWxYz012345'; // 32 bytes

ruleTester('lowercase-key', {
  valid: [
    {
      name: "the user's initial sync example",
      code: `Balances = { token1 = 100, token2 = 200 }
TotalSupply = 1984
InitialSync = InitialSync or 'INCOMPLETE'
if InitialSync == 'INCOMPLETE' then
  Send({ device = 'patch@1.0', cache = { balances = Balances, totalsupply = TotalSupply } })
  InitialSync = 'COMPLETE'
end`,
    },
    {
      name: 'IDs and addresses (32, 42, 43 bytes) are kept as they are by HyperBEAM',
      code: `Handlers.add('Credit', Handlers.utils.hasMatchingTag('Action', 'Credit'), function(msg)
  Send({ device = 'patch@1.0', cache = { ['${ADDRESS}'] = '100' } })
  Send({ device = 'patch@1.0', cache = { ['${ETH}'] = '7' } })
  Send({ device = 'patch@1.0', cache = { ['${ID32}'] = true } })
end)`,
    },
    {
      name: 'keys that cannot be resolved: msg fields, parameters, loop variables',
      code: `local function expose(k, v) Send({ device = 'patch@1.0', cache = { [k] = v } }) end
Handlers.add('Transfer', Handlers.utils.hasMatchingTag('Action', 'Transfer'), function(msg)
  Send({ device = 'patch@1.0', cache = { [msg.From] = Balances[msg.From] } })
  for addr, bal in pairs(Balances) do
    if bal == '0' then goto continue end
    ao.send({ device = 'patch@1.0', cache = { [addr] = bal } })
    ::continue::
  end
  expose(msg.Tags.Key, msg.Data)
end)`,
    },
    {
      name: 'upper case in values, envelope fields, and keys of non-patch messages',
      code: `Handlers.add('Info', Handlers.utils.hasMatchingTag('Action', 'Info'), function(msg)
  ao.send({ Target = ao.id, Data = 'X', Tags = { Action = 'Y' }, device = 'patch@1.0', cache = { ticker = 'PNT', name = 'Points' } })
  msg.reply({ Action = 'Info-Response', Name = Name, Ticker = Ticker, Denomination = tostring(12 >> 1) })
end)`,
    },
    {
      name: 'keys inside an encoded value are not exposed keys',
      code: "Send({ device = 'patch@1.0', cache = { holders = json.encode({ Alice = 1 }) } })",
    },
    {
      name: 'keys of a table returned by a function that takes them from msg: unknown',
      code: `local function snapshot(msg)
  return { [msg.From] = msg.Data }
end
Handlers.add('Snap', 'Snap', function(msg) Send({ device = 'patch@1.0', cache = { last = snapshot(msg) } }) end)`,
    },
    {
      name: 'a function with several returns is not followed',
      code: `local function view(full)
  if full then return { Everything = All } end
  return { Some = Part }
end
Handlers.add('V', 'V', function(msg) Send({ device = 'patch@1.0', cache = view(true) }) end)`,
    },
    {
      name: 'option allow',
      code: "Send({ device = 'patch@1.0', cache = { TotalSupply = TotalSupply } })",
      options: { allow: ['TotalSupply'] },
    },
  ],
  invalid: [
    {
      name: 'a field name: fixed in place',
      code: "Send({ device = 'patch@1.0', cache = { MyKey = 1 } })",
      errors: [{ messageId: 'upper', line: 1, column: 40, endLine: 1, endColumn: 45, message: upper('MyKey') }],
      output: "Send({ device = 'patch@1.0', cache = { mykey = 1 } })",
    },
    {
      name: 'a quoted key keeps its quotes',
      code: `ao.send({ device = 'patch@1.0', cache = { ["UserCount"] = #Users, ['Total-Supply'] = '5' } })`,
      errors: [
        { messageId: 'upper', line: 1, column: 44, endLine: 1, endColumn: 55, message: upper('UserCount') },
        { messageId: 'upper', line: 1, column: 68, endLine: 1, endColumn: 82, message: upper('Total-Supply') },
      ],
      output: `ao.send({ device = 'patch@1.0', cache = { ["usercount"] = #Users, ['total-supply'] = '5' } })`,
    },
    {
      name: 'several keys in one multi-line table',
      code: `Send({
  device = 'patch@1.0',
  cache = {
    Name = Name,
    Ticker = Ticker,
  },
})`,
      errors: [
        { messageId: 'upper', line: 4, column: 5, endLine: 4, endColumn: 9 },
        { messageId: 'upper', line: 5, column: 5, endLine: 5, endColumn: 11 },
      ],
      output: `Send({
  device = 'patch@1.0',
  cache = {
    name = Name,
    ticker = Ticker,
  },
})`,
    },
    {
      name: 'long-bracket and escaped strings: reported, not rewritten',
      code: "Send({ device = 'patch@1.0', cache = { [ [[MyKey]] ] = 1, ['Sc\\111re'] = 2 } })",
      errors: [
        { messageId: 'upper', line: 1, column: 42, endLine: 1, endColumn: 51, message: upper('MyKey') },
        { messageId: 'upper', line: 1, column: 60, endLine: 1, endColumn: 70, message: upper('Score') },
      ],
    },
    {
      name: 'a key from a constant: reported at the key expression, not fixed (the constant may be used elsewhere)',
      code: `local SUPPLY_KEY = 'TotalSupply'
Send({ device = 'patch@1.0', cache = { [SUPPLY_KEY] = TotalSupply } })`,
      errors: [{ messageId: 'upper', line: 2, column: 41, endLine: 2, endColumn: 51, message: upper('TotalSupply') }],
    },
    {
      name: 'no fix when the lower-case key already exists in the table',
      code: "Send({ device = 'patch@1.0', cache = { Count = 1, count = 2 } })",
      errors: [{ messageId: 'upper', line: 1, column: 40, endLine: 1, endColumn: 45 }],
    },
    {
      name: 'no fix when two keys would both become the same key',
      code: "Send({ device = 'patch@1.0', cache = { Count = 1, COUNT = 2 } })",
      errors: [
        { messageId: 'upper', line: 1, column: 40, endLine: 1, endColumn: 45 },
        { messageId: 'upper', line: 1, column: 51, endLine: 1, endColumn: 56 },
      ],
    },
    {
      name: 'a field name that is a Lua keyword in lower case is not fixed; the quoted form is',
      code: "Send({ device = 'patch@1.0', cache = { End = EndTime, ['Until'] = Deadline } })",
      errors: [
        { messageId: 'upper', line: 1, column: 40, endLine: 1, endColumn: 43 },
        { messageId: 'upper', line: 1, column: 56, endLine: 1, endColumn: 63 },
      ],
      output: "Send({ device = 'patch@1.0', cache = { End = EndTime, ['until'] = Deadline } })",
    },
    {
      name: "a wrapper's key argument: reported and fixed at the call",
      code: `local function SendPatch(key, data)
  Send({ device = 'patch@1.0', cache = { [key] = data } })
end
Handlers.add('Transfer', Handlers.utils.hasMatchingTag('Action', 'Transfer'), function(msg)
  SendPatch('LastTransfer', msg.Id)
  SendPatch('lastsender', msg.From)
end)`,
      errors: [{ messageId: 'upper', line: 5, column: 13, endLine: 5, endColumn: 27, message: upper('LastTransfer') }],
      output: `local function SendPatch(key, data)
  Send({ device = 'patch@1.0', cache = { [key] = data } })
end
Handlers.add('Transfer', Handlers.utils.hasMatchingTag('Action', 'Transfer'), function(msg)
  SendPatch('lasttransfer', msg.Id)
  SendPatch('lastsender', msg.From)
end)`,
    },
    {
      name: 'a wrapper called with a constant: reported at the argument, not fixed',
      code: `local KEY = 'UserCount'
local function SendPatch(key, data) ao.send({ device = 'patch@1.0', cache = { [key] = data } }) end
SendPatch(KEY, #Users)`,
      errors: [{ messageId: 'upper', line: 3, column: 11, endLine: 3, endColumn: 14 }],
    },
    {
      name: 'a key added to the message later is fixed where it is written',
      code: `Handlers.add('Stats', function(msg) return true end, function(msg)
  local patchMsg = { device = 'patch@1.0', cache = {} }
  patchMsg.cache.UpdatedAt = msg.Timestamp // 1000
  patchMsg.cache['Holders'] = tostring(#Holders)
  Send(patchMsg)
end)`,
      errors: [
        { messageId: 'upper', line: 3, column: 18, endLine: 3, endColumn: 27 },
        { messageId: 'upper', line: 4, column: 18, endLine: 4, endColumn: 27 },
      ],
      output: `Handlers.add('Stats', function(msg) return true end, function(msg)
  local patchMsg = { device = 'patch@1.0', cache = {} }
  patchMsg.cache.updatedat = msg.Timestamp // 1000
  patchMsg.cache['holders'] = tostring(#Holders)
  Send(patchMsg)
end)`,
    },
    {
      name: 'keys of a table the process also uses elsewhere: reported where written, not renamed (other code reads State.Round)',
      code: `State = State or { Round = 0 }
Handlers.add('Next', function(msg) return true end, function(msg)
  State.Round = State.Round + 1
  Send({ device = 'patch@1.0', cache = State })
end)`,
      errors: [
        { messageId: 'upper', line: 1, column: 20, endLine: 1, endColumn: 25, message: upper('Round') },
        { messageId: 'upper', line: 3, column: 9, endLine: 3, endColumn: 14, message: upper('Round') },
      ],
    },
    {
      name: 'option ignoreIds: false reports addresses too',
      code: `Send({ device = 'patch@1.0', cache = { ['${ADDRESS}'] = '100' } })`,
      options: { ignoreIds: false },
      errors: [{ messageId: 'upper', line: 1, column: 41, endLine: 1, endColumn: 86 }],
      output: `Send({ device = 'patch@1.0', cache = { ['${ADDRESS.toLowerCase()}'] = '100' } })`,
    },
    {
      name: 'a 33-byte key is not an ID',
      code: `Send({ device = 'patch@1.0', cache = { ['${ID32}X'] = 1 } })`,
      errors: [{ messageId: 'upper', line: 1, column: 41, endLine: 1, endColumn: 76 }],
      output: `Send({ device = 'patch@1.0', cache = { ['${ID32.toLowerCase()}x'] = 1 } })`,
    },
    {
      name: 'direct keys: root data keys are exposed at /compute/<key>',
      code: "Send({ device = 'patch@1.0', TotalSupply = TotalSupply, Target = ao.id })",
      directKeys: true,
      errors: [{ messageId: 'upper', line: 1, column: 30, endLine: 1, endColumn: 41, message: upper('TotalSupply') }],
      output: "Send({ device = 'patch@1.0', totalsupply = TotalSupply, Target = ao.id })",
    },
    {
      name: 'root data keys beside cache are exposed too, in the cache style (require-cache also reports them)',
      code: "Send({ device = 'patch@1.0', cache = { total = 1 }, LastSender = msg.From })",
      errors: [{ messageId: 'upper', line: 1, column: 53, endLine: 1, endColumn: 63, message: upper('LastSender') }],
      output: "Send({ device = 'patch@1.0', cache = { total = 1 }, lastsender = msg.From })",
    },
    {
      name: 'keys of nested tables, at every level (current nodes keep their case too)',
      code: "Send({ device = 'patch@1.0', cache = { config = { MaxSupply = '1000', limits = { PerUser = 5 } } } })",
      errors: [
        { messageId: 'upper', line: 1, column: 51, endLine: 1, endColumn: 60, message: upper('MaxSupply') },
        { messageId: 'upper', line: 1, column: 82, endLine: 1, endColumn: 89, message: upper('PerUser') },
      ],
      output: "Send({ device = 'patch@1.0', cache = { config = { maxsupply = '1000', limits = { peruser = 5 } } } })",
    },
    {
      name: "the cache key itself: 'Cache' is stored as written and /compute/cache/... does not find it",
      code: "Send({ device = 'patch@1.0', Cache = { total = 1 } })",
      errors: [{ messageId: 'upper', line: 1, column: 30, endLine: 1, endColumn: 35, message: upper('Cache') }],
      output: "Send({ device = 'patch@1.0', cache = { total = 1 } })",
    },
    {
      name: 'non-ASCII upper case, folded as duplicate-key-case folds it',
      code: "Send({ device = 'patch@1.0', cache = { ['Über'] = 1 } })",
      errors: [{ messageId: 'upper', line: 1, column: 41, endLine: 1, endColumn: 47, message: upper('Über') }],
      output: "Send({ device = 'patch@1.0', cache = { ['über'] = 1 } })",
    },
    {
      name: "the table a file-local function returns (ar-io's getState): reported at its keys, once for every send",
      code: `local function getState()
  return { Records = Records, Owner = Owner, name = Name }
end
Handlers.add('State', 'State', function(msg) Send({ device = 'patch@1.0', cache = getState() }) end)
Handlers.add('Sync', 'Sync', function(msg) Send({ device = 'patch@1.0', cache = getState() }) end)`,
      errors: [
        { messageId: 'upper', line: 2, column: 12, endLine: 2, endColumn: 19, message: upper('Records') },
        { messageId: 'upper', line: 2, column: 31, endLine: 2, endColumn: 36, message: upper('Owner') },
      ],
    },
    {
      name: "a module table's field function (function utils.getState()), defined in the file",
      code: `local utils = {}
function utils.getState()
  local state = { Balances = Balances, TotalSupply = TotalSupply }
  return state
end
Handlers.add('State', 'State', function(msg) ao.send({ device = 'patch@1.0', cache = utils.getState() }) end)`,
      errors: [
        { messageId: 'upper', line: 3, column: 19, endLine: 3, endColumn: 27, message: upper('Balances') },
        { messageId: 'upper', line: 3, column: 40, endLine: 3, endColumn: 51, message: upper('TotalSupply') },
      ],
    },
    {
      name: 'CRLF line ends and a BOM do not move positions',
      code: "\uFEFF-- token\r\nSend({ device = 'patch@1.0',\r\n  cache = { Supply = '1' } })\r\n",
      errors: [{ messageId: 'upper', line: 3, column: 13, endLine: 3, endColumn: 19 }],
      output: "\uFEFF-- token\r\nSend({ device = 'patch@1.0',\r\n  cache = { supply = '1' } })\r\n",
    },
  ],
});

ruleFixture('lowercase-key', [16, 25, 32, 33]);
