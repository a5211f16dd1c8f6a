import { ruleTester } from '../helpers/rule-tester.js';
import { ruleFixture } from '../helpers/rule-fixture.js';

const LOST = (kind: string, line: number) =>
  `This patch is lost if the ${kind}(...) on line ${line} raises (aos drops all messages): check before sending.`;

ruleTester('patch-lost-on-error', {
  valid: [
    {
      name: 'the check before the send',
      code: `Handlers.add('Mint', 'Mint', function(msg)
  assert(msg.From == Owner, 'Only the owner can mint')
  Send({ device = 'patch@1.0', cache = { lastmint = msg.Id } })
end)`,
    },
    {
      name: 'an error on another branch than the send',
      code: `Handlers.add('Burn', 'Burn', function(msg)
  if msg.From == Owner then
    Send({ device = 'patch@1.0', cache = { lastburn = msg.Id } })
  else
    error('Only the owner can burn')
  end
end)`,
    },
    {
      name: 'an error inside a pcall is caught',
      code: `Handlers.add('Try', 'Try', function(msg)
  Send({ device = 'patch@1.0', cache = { tried = msg.Id } })
  local ok = pcall(function() error('inner') end)
  local ok2 = pcall(validate, msg)
end)
function validate(m) assert(m.Data ~= '', 'empty') end`,
    },
    {
      name: 'a handler run only through pcall',
      code: `local function sync(msg)
  Send({ device = 'patch@1.0', cache = { synced = msg.Id } })
  error('after')
end
Handlers.add('S', 'S', function(msg) pcall(sync, msg) end)`,
    },
    {
      name: 'assert(true) cannot raise; an error in a function defined later is not called here',
      code: `Handlers.add('A', 'A', function(msg)
  Send({ device = 'patch@1.0', cache = { a = 1 } })
  assert(true, 'never')
  local function later() error('not now') end
end)`,
    },
    {
      name: 'an ordinary message before an assert is not a patch',
      code: `Handlers.add('A', 'A', function(msg)
  msg.reply({ Data = 'ok' })
  assert(msg.Data, 'no data')
end)`,
    },
  ],
  invalid: [
    {
      name: 'assert after the send, at the same level',
      code: `Handlers.add('Mint', 'Mint', function(msg)
  Send({ device = 'patch@1.0', cache = { lastmint = msg.Id } })
  assert(msg.From == Owner, 'Only the owner can mint')
end)`,
      errors: [{ messageId: 'lost', line: 2, column: 3, endLine: 2, endColumn: 64, message: LOST('assert', 3) }],
    },
    {
      name: 'error later in a branch around the send, and a message built first',
      code: `Handlers.add('Vote', 'Vote', function(msg)
  if msg.Tags.Choice then
    local m = { device = 'patch@1.0', cache = { lastvote = msg.Tags.Choice } }
    ao.send(m)
    if not Proposals[msg.Tags.Choice] then error('no such proposal') end
  end
end)`,
      errors: [{ messageId: 'lost', line: 4, column: 5, endLine: 4, endColumn: 15, message: LOST('error', 5) }],
    },
    {
      name: 'a helper sends, the handler asserts afterwards: reported at the call that sends',
      code: `local function publish(key, value)
  Send({ device = 'patch@1.0', cache = { [key] = value } })
end
Handlers.add('Set', 'Set', function(msg)
  publish('status', msg.Data)
  assert(#msg.Data < 100, 'too long')
end)`,
      errors: [{ messageId: 'lost', line: 5, column: 3, endLine: 5, endColumn: 30, message: LOST('assert', 6) }],
    },
    {
      name: 'a later, separate check can still raise after the send',
      code: `Handlers.add('Burn', 'Burn', function(msg)
  if msg.From == Owner then
    Send({ device = 'patch@1.0', cache = { lastburn = msg.Id } })
  end
  if msg.Tags.Extra then error('unexpected') end
end)`,
      errors: [{ messageId: 'lost', line: 3, column: 5, endLine: 3, endColumn: 66, message: LOST('error', 5) }],
    },
  ],
});

ruleFixture('patch-lost-on-error', [14]);
