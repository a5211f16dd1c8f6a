// The rule options that configuration adds (each rule's own tests cover its defaults):
// serialize-complex-value maxDepth, guard-top-level-sync flags, and the existing ones through a config.
import { describe, expect, it } from 'vitest';
import { lintWithRule } from '../helpers/rule-tester.js';

const brief = (ms: { messageId?: string; line: number; column: number }[]) => ms.map((m) => `${m.line}:${m.column} ${m.messageId}`);
const inHandler = (cache: string) => `Handlers.add('x', 'x', function()\n  Send({ device = 'patch@1.0', cache = { ${cache} } })\nend)\n`;

describe('serialize-complex-value maxDepth', () => {
  const flat = inHandler('players = { a = 1, b = msg }');
  const nested = inHandler('players = { a = { b = 1 } }');
  it('reports every table by default (0)', () => {
    expect(brief(lintWithRule('serialize-complex-value', flat))).toEqual(['2:42 complex']);
  });
  it('accepts a table of scalars with maxDepth 1, and reports a table of tables', () => {
    expect(lintWithRule('serialize-complex-value', flat, { maxDepth: 1 })).toEqual([]);
    expect(brief(lintWithRule('serialize-complex-value', nested, { maxDepth: 1 }))).toEqual(['2:42 complex']);
    expect(lintWithRule('serialize-complex-value', nested, { maxDepth: 2 })).toEqual([]);
  });
  it('stays silent when the nested values are unresolved', () => {
    expect(lintWithRule('serialize-complex-value', inHandler('players = { a = State.players }'), { maxDepth: 1 })).toEqual([]);
  });
});

describe('guard-top-level-sync flags', () => {
  const guarded = (flag: string) => `${flag} = ${flag} or 'INCOMPLETE'\nif ${flag} == 'INCOMPLETE' then\n  Send({ device = 'patch@1.0', cache = { round = 0 } })\n  ${flag} = 'COMPLETE'\nend\n`;
  it('accepts any global flag by default', () => {
    expect(lintWithRule('guard-top-level-sync', guarded('Synced'))).toEqual([]);
  });
  it('accepts only the configured flags', () => {
    expect(lintWithRule('guard-top-level-sync', guarded('InitialSync'), { flags: ['InitialSync'] })).toEqual([]);
    const messages = lintWithRule('guard-top-level-sync', guarded('Synced'), { flags: ['InitialSync', 'State.synced'] });
    expect(brief(messages)).toEqual(['3:3 otherFlag']);
    expect(messages[0]!.message).toBe("The guard tests 'Synced', not one of the sync flags (InitialSync, State.synced): guard this patch with one of them.");
  });
  it('still reports an unguarded send as unguarded', () => {
    expect(brief(lintWithRule('guard-top-level-sync', "Send({ device = 'patch@1.0', cache = { round = 0 } })\n", { flags: ['InitialSync'] }))).toEqual(['1:1 unguarded']);
  });
});

describe('lowercase-key and reserved-key options', () => {
  it('lowercase-key ignoreIds false reports 43-byte keys; allow accepts keys as written', () => {
    const id = 'A'.repeat(43);
    expect(lintWithRule('lowercase-key', inHandler(`["${id}"] = 1`))).toEqual([]);
    expect(brief(lintWithRule('lowercase-key', inHandler(`["${id}"] = 1`), { ignoreIds: false }))).toEqual(['2:43 upper']);
    expect(lintWithRule('lowercase-key', inHandler('MyKey = 1'), { allow: ['MyKey'] })).toEqual([]);
  });
  it('reserved-key extra reserves more names; allow accepts a reserved one', () => {
    expect(brief(lintWithRule('reserved-key', inHandler('score = 1'), { extra: ['Score'] }))).toEqual(['2:42 extra']);
    expect(lintWithRule('reserved-key', inHandler('state = 1'), { allow: ['state'] })).toEqual([]);
  });
});
