import { defineRule } from './kit.js';

export default defineRule({
  meta: {
    id: 'guard-top-level-sync',
    description: 'A patch sent at load time must be guarded by a persistent flag.',
    defaultSeverity: 'error',
    messages: {
      otherFlag:
        "The guard tests '{{flag}}', which is not one of this project's sync flags ({{flags}}: option flags), so {{what}} may be sent again on every .load or Eval. Guard it with one of those flags.",
      unguarded:
        "{{What}} is sent at load time without a guard: aos re-runs the whole script on every .load or Eval, so the patch is sent again each time. Wrap it in `if InitialSync == 'INCOMPLETE' then ... InitialSync = 'COMPLETE' end` after `InitialSync = InitialSync or 'INCOMPLETE'`.",
      flagNotSet:
        "The guard tests '{{flag}}' but this branch never sets it, so {{what}} is sent again on every .load or Eval. Set '{{flag}}' in the same branch after sending.",
      localFlag:
        "Guard flag '{{flag}}' is local: aos re-runs the script on every .load or Eval and the local starts over, so {{what}} is sent again each time. Use a global flag initialised with `Flag = Flag or 'INCOMPLETE'`.",
      reinitialised:
        "Guard flag '{{flag}}' is reset unconditionally on line {{line}}, which runs again on every .load or Eval, so {{what}} is sent again each time. Initialise it with `{{flag}} = {{flag}} or 'INCOMPLETE'`.",
    },
    schema: {
      type: 'object',
      properties: {
        flags: { type: 'array', items: { type: 'string' }, description: "The only flags accepted as a guard (global names or paths such as 'State.synced'); empty: any global flag." },
      },
      additionalProperties: false,
    },
    defaults: { flags: [] as string[] },
  },
  check(model, context) {
    for (const send of model.loadTimeSends) {
      const what = send.through ? `the patch sent by ${send.through}()` : 'this patch';
      const What = what[0]!.toUpperCase() + what.slice(1);
      const guard = send.guard;
      if (guard && context.options.flags.length > 0 && !context.options.flags.includes(guard.flag)) {
        context.report({ range: send.range, messageId: 'otherFlag', data: { what, flag: guard.flag, flags: context.options.flags.join(', ') } });
      } else if (!guard) {
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
