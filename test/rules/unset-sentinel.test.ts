import { ruleTester } from '../helpers/rule-tester.js';
import { ruleFixture } from '../helpers/rule-fixture.js';

const UNSET = (key: string) => `'${key} = ao.unset' sends nothing on released aos (ao.unset is nil): write '__ao-unset__'.`;

ruleTester('unset-sentinel', {
  valid: [
    {
      name: "the sentinel written out: '__ao-unset__'",
      code: "Handlers.add('U', 'U', function(msg) Send({ device = 'patch@1.0', cache = { listing = '__ao-unset__' } }) end)",
    },
    {
      name: 'a process that defines ao.unset itself (an unreleased aos, or its own shim)',
      code: `ao.unset = ao.unset or '__ao-unset__'
Handlers.add('U', 'U', function(msg) Send({ device = 'patch@1.0', cache = { listing = ao.unset } }) end)`,
    },
    {
      name: 'a local named ao is not the aos global',
      code: `local ao = { unset = '__ao-unset__' }
Handlers.add('U', 'U', function(msg) Send({ device = 'patch@1.0', cache = { listing = ao.unset } }) end)`,
    },
    {
      name: 'ao.unset in an ordinary message or a value that is not sent',
      code: `local removed = ao.unset
Handlers.add('U', 'U', function(msg) msg.reply({ Data = 'ok', Removed = ao.unset }) end)`,
    },
  ],
  invalid: [
    {
      name: 'in the message: fixed to the literal sentinel',
      code: "Handlers.add('U', 'U', function(msg) Send({ device = 'patch@1.0', cache = { listing = ao.unset, count = 1 } }) end)",
      errors: [{ messageId: 'unset', line: 1, column: 77, endLine: 1, endColumn: 84, message: UNSET('listing') }],
      output: "Handlers.add('U', 'U', function(msg) Send({ device = 'patch@1.0', cache = { listing = '__ao-unset__', count = 1 } }) end)",
    },
    {
      name: 'a field written later, and a wrapper argument (fixed where written)',
      code: `local function SendPatch(key, value)
  Send({ device = 'patch@1.0', cache = { [key] = value } })
end
Handlers.add('U', 'U', function(msg)
  local m = { device = 'patch@1.0', cache = { n = 1 } }
  m.cache.draft = ao.unset
  Send(m)
  SendPatch('offer', ao.unset)
end)`,
      errors: [
        { messageId: 'unset', line: 6, column: 11, endLine: 6, endColumn: 16, message: UNSET('draft') },
        { messageId: 'unset', line: 8, column: 22, endLine: 8, endColumn: 30, message: UNSET('offer') },
      ],
      output: `local function SendPatch(key, value)
  Send({ device = 'patch@1.0', cache = { [key] = value } })
end
Handlers.add('U', 'U', function(msg)
  local m = { device = 'patch@1.0', cache = { n = 1 } }
  m.cache.draft = '__ao-unset__'
  Send(m)
  SendPatch('offer', '__ao-unset__')
end)`,
    },
    {
      name: 'through a constant: reported at the use, not fixed (the constant may be used elsewhere)',
      code: `local GONE = ao.unset
Handlers.add('U', 'U', function(msg) Send({ device = 'patch@1.0', cache = { listing = GONE, n = 2 } }) end)`,
      errors: [{ messageId: 'unset', line: 2, column: 77, endLine: 2, endColumn: 84, message: UNSET('listing') }],
    },
  ],
});

ruleFixture('unset-sentinel', [7, 14]);
