// A realistic token process that patches its state correctly, in the idioms real AO code uses
// (aos token blueprint, wrappers, AO = require('.ao'), goto continue, //, bitwise operators,
// tables built first and sent later, values from msg.Tags). Every key/value rule must stay
// silent on it, also with CRLF line ends and a BOM.
export const CLEAN_PROCESS = `local json = require('json')
local bint = require('.bint')(256)
local AO = require('.ao')

Denomination = Denomination or 12
Balances = Balances or { [ao.id] = '10000000000000000' }
TotalSupply = TotalSupply or '10000000000000000'
Ticker = Ticker or 'PNTS'
local PATCH_DEVICE = 'patch@1.0'
local SUPPLY_KEY = 'totalsupply'

local function SendPatch(key, value)
  Send({ device = PATCH_DEVICE, cache = { [key] = value } })
end

local function patchBalances(addresses)
  local patchMsg = { device = 'patch@1.0', cache = { balances = {} } }
  for _, addr in ipairs(addresses) do
    if addr == '' then goto continue end
    patchMsg.cache.balances[addr] = Balances[addr] or '0'
    ::continue::
  end
  Send(patchMsg)
end

InitialSync = InitialSync or 'INCOMPLETE'
if InitialSync == 'INCOMPLETE' then
  AO.send({ device = 'patch@1.0', cache = { [SUPPLY_KEY] = TotalSupply, ticker = Ticker, denomination = tostring(Denomination) } })
  InitialSync = 'COMPLETE'
end

Handlers.add('transfer', Handlers.utils.hasMatchingTag('Action', 'Transfer'), function(msg)
  local qty = bint(msg.Tags.Quantity)
  local flags = (#msg.From // 2) & 0xff | 1 << 3
  if bint(Balances[msg.From] or '0') >= qty then
    Balances[msg.From] = tostring(bint(Balances[msg.From]) - qty)
    Balances[msg.Recipient] = tostring(bint(Balances[msg.Recipient] or '0') + qty)
    patchBalances({ msg.From, msg.Recipient })
    ao.send({ Target = msg.From, Action = 'Debit-Notice', Quantity = msg.Quantity, Flags = tostring(flags) })
  else
    msg.reply({ Action = 'Transfer-Error', Error = 'Insufficient Balance!' })
  end
end)

Handlers.add('mint', Handlers.utils.hasMatchingTag('Action', 'Mint'), function(msg)
  TotalSupply = tostring(bint(TotalSupply) + bint(msg.Quantity))
  local m = { device = 'patch@1.0' }
  m.cache = { totalsupply = TotalSupply }
  m.cache.lastmint = msg.Timestamp
  m.cache['mint-count'] = tostring(#msg.Tags)
  table.insert(ao.outbox.Messages, m)
  SendPatch('lastminter', msg.From)
  SendPatch(msg.Tags.Key, msg.Tags.Value)
  SendPatch('holders', json.encode(Balances))
end)
`;

export const CLEAN_PROCESS_CRLF_BOM = `\uFEFF${CLEAN_PROCESS.replace(/\n/g, '\r\n')}`;
