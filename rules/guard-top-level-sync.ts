import { defineRule } from '../src/rule.js';

export default defineRule({
  meta: {
    id: 'guard-top-level-sync',
    description: 'A patch sent at load time must be guarded by a persistent flag.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: false,
    messages: {
      unguarded:
        "{{What}} is sent at load time without a guard: the script re-runs on every .load/Eval and sends it again. Wrap it in `if InitialSync == 'INCOMPLETE' then ... InitialSync = 'COMPLETE' end` with `InitialSync = InitialSync or 'INCOMPLETE'`.",
      flagNotSet:
        "The guard tests '{{flag}}' but this branch never sets it, so {{what}} is sent again on every load. Set '{{flag}}' in the same branch after sending.",
      localFlag:
        "Guard flag '{{flag}}' is local: it is re-initialised on every load, so {{what}} is sent again. Use a global flag (`{{flag}} = {{flag}} or 'INCOMPLETE'`).",
      reinitialised:
        "Guard flag '{{flag}}' is reset unconditionally on line {{line}}, so {{what}} is sent again on every load. Initialise it with `{{flag}} = {{flag}} or ...`.",
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaults: {},
    docs: 'docs/rules/guard-top-level-sync.md',
  },
  check(model, context) {
    for (const send of model.loadTimeSends) {
      const what = send.through ? `the patch sent by ${send.through}()` : 'this patch';
      const What = what[0]!.toUpperCase() + what.slice(1);
      const guard = send.guard;
      if (!guard) {
        context.report({ range: send.range, messageId: 'unguarded', data: { what, What } });
      } else if (!guard.setsFlag) {
        context.report({ range: send.range, messageId: 'flagNotSet', data: { what, flag: guard.flag } });
      } else if (guard.flagIsLocal) {
        context.report({ range: send.range, messageId: 'localFlag', data: { what, flag: guard.flag } });
      } else if (guard.reinitialisedAt) {
        context.report({ range: send.range, messageId: 'reinitialised', data: { what, flag: guard.flag, line: context.lineOf(guard.reinitialisedAt[0]) } });
      }
    }
  },
});
