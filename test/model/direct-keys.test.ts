// Direct keys (require-cache off): root data keys are the exposed keys, and the envelope
// fields `device method Target Data Anchor Tags` are never data.
import { describe, expect, it } from 'vitest';
import { lint } from './helpers.js';

describe('direct-keys mode', () => {
  const code = [
    "Handlers.add('info', Handlers.utils.hasMatchingTag('Action', 'Info'), function(msg)",
    '  Send({',
    "    device = 'patch@1.0', Target = ao.id, Data = '', Anchor = '00', Tags = { Action = 'Patch' }, method = 'PATCH',",
    '    Counter = 1,',
    '    history = {},',
    '    private_notes = msg.Data,',
    '  })',
    'end)',
  ].join('\n');

  it('checks root data keys and values like cache keys', () => {
    expect(lint(code, 'direct-keys')).toEqual([
      'lowercase-key 4:5-4:12',
      'empty-table-value 5:5-5:12',
      'private-key 6:5-6:18',
    ]);
  });

  it('never treats an envelope field as data, whatever its case or value', () => {
    const envelope = [
      "Handlers.add('e', 'E', function(msg)",
      "  Send({ device = 'patch@1.0', target = 'X', DATA = {}, Tags = { ['Bad Key'] = 1 }, anchor = 1.5, counter = 1 })",
      'end)',
    ].join('\n');
    expect(lint(envelope, 'direct-keys')).toEqual([]);
  });

  it('still checks the keys under a cache table', () => {
    const both = [
      "Handlers.add('b', 'B', function(msg)",
      "  Send({ device = 'patch@1.0', total = 1, cache = { Score = 2 } })",
      'end)',
    ].join('\n');
    expect(lint(both, 'direct-keys')).toEqual(['lowercase-key 2:53-2:58']);
    expect(lint(both)).toEqual(['require-cache 2:32-2:37', 'lowercase-key 2:53-2:58']);
  });

  it('in the cache style, the same root keys are stray keys: key rules still check them, value rules leave them to require-cache', () => {
    expect(lint(code)).toEqual([
      'require-cache 2:8-7:4',
      'lowercase-key 4:5-4:12',
      'private-key 6:5-6:18',
    ]);
  });
});
