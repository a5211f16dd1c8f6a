import { ruleTester } from '../helpers/rule-tester.js';
import { ruleFixture } from '../helpers/rule-fixture.js';

const unguarded = (what: string) => `${what} runs at load time unguarded, so every .load or Eval sends it again: guard it with a global flag.`;

ruleTester('guard-top-level-sync', {
  valid: [
    {
      name: "the user's initial sync (flag tested with ==)",
      code: `Balances = { token1 = 100, token2 = 200 }
TotalSupply = 1984
InitialSync = InitialSync or 'INCOMPLETE'
if InitialSync == 'INCOMPLETE' then
  Send({ device = 'patch@1.0', cache = { balances = Balances, totalsupply = TotalSupply } })
  InitialSync = 'COMPLETE'
  print("Initial state sync complete. Balances and TotalSupply patched.")
end`,
    },
    {
      name: 'flag tested with ~=, with not, and set before the send',
      code: `if InitialSync ~= 'COMPLETE' then
  InitialSync = 'COMPLETE'
  ao.send({ device = 'patch@1.0', cache = { supply = '1' } })
end
if not MetaSynced then
  Send({ device = 'patch@1.0', cache = { name = 'Points' } })
  MetaSynced = true
end`,
    },
    {
      name: 'the send in an else or elseif branch that sets the flag',
      code: `if Synced then
  print('already synced')
else
  Send({ device = 'patch@1.0', cache = { supply = '1' } })
  Synced = true
end
if ao.env == nil then
  print('no env')
elseif not LogoSynced then
  Send({ device = 'patch@1.0', cache = { logo = 'x' } })
  LogoSynced = true
end`,
    },
    {
      name: 'a flag that is a field of a global table, or of a local alias of one',
      code: `State = State or { synced = false }
if not State.synced then
  Send({ device = 'patch@1.0', cache = { round = tostring(State.round or 0) } })
  State.synced = true
end
local S = State
if S.metaSynced ~= true then
  Send({ device = 'patch@1.0', cache = { name = 'Game' } })
  S.metaSynced = true
end`,
    },
    {
      name: 'a flag initialised from its own value in another form is not a reset',
      code: `InitialSync = InitialSync == nil and 'INCOMPLETE' or InitialSync
if InitialSync == 'INCOMPLETE' then
  Send({ device = 'patch@1.0', cache = { supply = '1' } })
  InitialSync = 'COMPLETE'
end`,
    },
    {
      name: 'option flags: a guard on one of the configured flags',
      code: `State = State or {}
if not State.synced then
  Send({ device = 'patch@1.0', cache = { round = '0' } })
  State.synced = true
end`,
      options: { flags: ['InitialSync', 'State.synced'] },
    },
    {
      name: 'a flag read through _G and set by name',
      code: `if not _G.InitialSync then
  Send({ device = 'patch@1.0', cache = { supply = '1' } })
  InitialSync = true
end`,
    },
    {
      name: 'the flag set in a nested block of the same branch, around more code',
      code: `InitialSync = InitialSync or 'INCOMPLETE'
if InitialSync == 'INCOMPLETE' and ao.id ~= nil then
  for _, key in ipairs({ 'a', 'b' }) do
    if key == 'b' then goto continue end
    ao.send({ device = 'patch@1.0', cache = { [key] = tostring(#key // 2 | 1) } })
    ::continue::
  end
  if true then InitialSync = 'COMPLETE' end
end`,
    },
    {
      name: 'patches in handlers are never reported',
      code: `local json = require('json')
local function onTransfer(msg)
  Send({ device = 'patch@1.0', cache = { balances = json.encode(Balances) } })
end
Handlers.add('Transfer', Handlers.utils.hasMatchingTag('Action', 'Transfer'), onTransfer)
Handlers.add('Info', Handlers.utils.hasMatchingTag('Action', 'Info'), function(msg)
  ao.send({ device = 'patch@1.0', cache = { name = Name } })
end)`,
    },
    {
      name: 'a function that sends but is not called at load time, and a message built at load time but sent in a handler',
      code: `local patchMsg = { device = 'patch@1.0', cache = { version = '1' } }
local function syncAll()
  Send({ device = 'patch@1.0', cache = { supply = TotalSupply } })
end
Handlers.add('Sync', Handlers.utils.hasMatchingTag('Action', 'Sync'), function(msg)
  syncAll()
  Send(patchMsg)
end)`,
    },
    {
      name: 'a function called at load time whose send is guarded inside it',
      code: `local function syncOnce()
  if not Synced then
    Send({ device = 'patch@1.0', cache = { supply = TotalSupply } })
    Synced = true
  end
end
syncOnce()`,
    },
    {
      name: 'a guarded call of a file-local function or wrapper that sends',
      code: `local function SendPatch(key, value)
  Send({ device = 'patch@1.0', cache = { [key] = value } })
end
InitialSync = InitialSync or 'INCOMPLETE'
if InitialSync == 'INCOMPLETE' then
  SendPatch('totalsupply', TotalSupply)
  InitialSync = 'COMPLETE'
end`,
    },
    {
      name: 'a flag field of a parameter may be a persistent table: not reported',
      code: `local function syncState(st)
  if not st.synced then
    Send({ device = 'patch@1.0', cache = { round = '1' } })
    st.synced = true
  end
end
State = State or {}
syncState(State)`,
    },
  ],
  invalid: [
    {
      name: 'a bare send at the top level',
      code: "Send({ device = 'patch@1.0', cache = { version = '1.2.0' } })",
      errors: [{ messageId: 'unguarded', line: 1, column: 1, endLine: 1, endColumn: 62, message: unguarded('This patch') }],
    },
    {
      name: 'a multi-line send, and a message built first and sent later: at the send',
      code: `ao.send({
  device = 'patch@1.0',
  cache = { name = 'Points' },
})
local patchMsg = { device = 'patch@1.0', cache = {} }
patchMsg.cache.ticker = 'PNT'
ao.send(patchMsg)`,
      errors: [
        { messageId: 'unguarded', line: 1, column: 1, endLine: 4, endColumn: 3 },
        { messageId: 'unguarded', line: 7, column: 1, endLine: 7, endColumn: 18 },
      ],
    },
    {
      name: 'sends in do blocks and loops at the top level',
      code: `do
  Send({ device = 'patch@1.0', cache = { a = '1' } })
end
for i = 1, 3 do
  Send({ device = 'patch@1.0', cache = { ['slot' .. i] = i } })
end
local n = 0
repeat
  Send({ device = 'patch@1.0', cache = { ready = false } })
  n = n + 1
until n >= 1`,
      errors: [
        { messageId: 'unguarded', line: 2, column: 3, endLine: 2, endColumn: 54 },
        { messageId: 'unguarded', line: 5, column: 3, endLine: 5, endColumn: 64 },
        { messageId: 'unguarded', line: 9, column: 3, endLine: 9, endColumn: 60 },
      ],
    },
    {
      name: 'a guard whose branch never sets the flag',
      code: `InitialSync = InitialSync or 'INCOMPLETE'
if InitialSync == 'INCOMPLETE' then
  Send({ device = 'patch@1.0', cache = { supply = '1' } })
end`,
      errors: [
        {
          messageId: 'flagNotSet', line: 3, column: 3, endLine: 3, endColumn: 59,
          message: "The guard tests 'InitialSync' but this branch never sets it, so this patch is sent again: set it there.",
        },
      ],
    },
    {
      name: 'the flag set in another branch only',
      code: `if not Synced then
  Send({ device = 'patch@1.0', cache = { supply = '1' } })
else
  Synced = true
end`,
      errors: [{ messageId: 'flagNotSet', line: 2, column: 3, endLine: 2, endColumn: 59 }],
    },
    {
      name: 'a local flag',
      code: `local synced = false
if not synced then
  Send({ device = 'patch@1.0', cache = { supply = '1' } })
  synced = true
end`,
      errors: [
        {
          messageId: 'localFlag', line: 3, column: 3, endLine: 3, endColumn: 59,
          message: "Guard flag 'synced' is local and starts over on every .load or Eval: make it a global flag.",
        },
      ],
    },
    {
      name: 'a flag in a local table created on every load',
      code: `local state = { synced = false }
if not state.synced then
  Send({ device = 'patch@1.0', cache = { supply = '1' } })
  state.synced = true
end`,
      errors: [{ messageId: 'localFlag', line: 3, column: 3, endLine: 3, endColumn: 59 }],
    },
    {
      name: "a flag reset unconditionally (Flag = 'INCOMPLETE' instead of Flag = Flag or 'INCOMPLETE')",
      code: `InitialSync = 'INCOMPLETE'
if InitialSync == 'INCOMPLETE' then
  Send({ device = 'patch@1.0', cache = { supply = '1' } })
  InitialSync = 'COMPLETE'
end`,
      errors: [
        {
          messageId: 'reinitialised', line: 3, column: 3, endLine: 3, endColumn: 59,
          message: "Guard flag 'InitialSync' is reset on line 1 on every .load: write InitialSync = InitialSync or 'INCOMPLETE'.",
        },
      ],
    },
    {
      name: 'a table flag whose table is re-created, or whose field is reset, on every load',
      code: `State = { synced = false }
if not State.synced then
  Send({ device = 'patch@1.0', cache = { a = '1' } })
  State.synced = true
end
Meta = Meta or {}
Meta.synced = false
if not Meta.synced then
  Send({ device = 'patch@1.0', cache = { b = '1' } })
  Meta.synced = true
end`,
      errors: [
        { messageId: 'reinitialised', line: 3, column: 3, endLine: 3, endColumn: 54 },
        { messageId: 'reinitialised', line: 9, column: 3, endLine: 9, endColumn: 54 },
      ],
    },
    {
      name: 'a load-time call of a file-local function that sends: at the call',
      code: `local function syncSupply()
  Send({ device = 'patch@1.0', cache = { totalsupply = TotalSupply } })
end
Handlers.add('Mint', Handlers.utils.hasMatchingTag('Action', 'Mint'), function(msg)
  syncSupply()
end)
syncSupply()`,
      errors: [{ messageId: 'unguarded', line: 7, column: 1, endLine: 7, endColumn: 13, message: unguarded('The patch sent by syncSupply()') }],
    },
    {
      name: 'nested calls: reported at the load-time call that leads to the send',
      code: `local function push(m) ao.send(m) end
local function syncAll()
  push({ device = 'patch@1.0', cache = { supply = '1' } })
end
local function init()
  syncAll()
end
init()`,
      errors: [{ messageId: 'unguarded', line: 8, column: 1, endLine: 8, endColumn: 7, message: unguarded('The patch sent by init()') }],
    },
    {
      name: 'a module function and a wrapper called at load time',
      code: `local Sync = {}
function Sync.run()
  Send({ device = 'patch@1.0', cache = { supply = '1' } })
end
local function SendPatch(key, value)
  Send({ device = 'patch@1.0', cache = { [key] = value } })
end
Sync.run()
SendPatch('version', '1.2.0')`,
      errors: [
        { messageId: 'unguarded', line: 8, column: 1, endLine: 8, endColumn: 11, message: unguarded('The patch sent by Sync.run()') },
        { messageId: 'unguarded', line: 9, column: 1, endLine: 9, endColumn: 30, message: unguarded('The patch sent by SendPatch()') },
      ],
    },
    {
      name: 'a function whose internal guard is unsound is checked at its load-time call',
      code: `local function syncOnce()
  local done = false
  if not done then
    Send({ device = 'patch@1.0', cache = { supply = '1' } })
    done = true
  end
end
syncOnce()`,
      errors: [{ messageId: 'unguarded', line: 8, column: 1, endLine: 8, endColumn: 11 }],
    },
    {
      name: 'a guarded call whose branch never sets the flag',
      code: `local function syncSupply()
  Send({ device = 'patch@1.0', cache = { totalsupply = TotalSupply } })
end
if not SupplySynced then
  syncSupply()
end`,
      errors: [
        {
          messageId: 'flagNotSet', line: 5, column: 3, endLine: 5, endColumn: 15,
          message: "The guard tests 'SupplySynced' but this branch never sets it, so the patch sent by syncSupply() is sent again: set it there.",
        },
      ],
    },
    {
      name: 'option flags: a sound guard on another flag',
      code: `Synced = Synced or false
if not Synced then
  Send({ device = 'patch@1.0', cache = { supply = '1' } })
  Synced = true
end`,
      options: { flags: ['InitialSync'] },
      errors: [
        {
          messageId: 'otherFlag', line: 3, column: 3, endLine: 3, endColumn: 59,
          message: "The guard tests 'Synced', not one of the sync flags (InitialSync): guard this patch with one of them.",
        },
      ],
    },
  ],
});

ruleFixture('guard-top-level-sync', [24, 29, 36, 50]);
