import { defineRule } from './kit.js';

export default defineRule({
  meta: {
    id: 'guard-top-level-sync',
    description: 'A patch sent at load time must be guarded by a persistent flag.',
    defaultSeverity: 'error',
    messages: {
      otherFlag: "The guard tests '{{flag}}', not one of the sync flags ({{flags}}): guard {{what}} with one of them.",
      unguarded: '{{What}} runs at load time unguarded, so every .load or Eval sends it again: guard it with a global flag.',
      flagNotSet: "The guard tests '{{flag}}' but this branch never sets it, so {{what}} is sent again: set it there.",
      localFlag: "Guard flag '{{flag}}' is local and starts over on every .load or Eval: make it a global flag.",
      reinitialised: "Guard flag '{{flag}}' is reset on line {{line}} on every .load: write {{flag}} = {{flag}} or 'INCOMPLETE'.",
    },
    why:
      "aos runs the whole script again on every .load or Eval. A patch sent at load time is sent again each time (checked by running the real aos module: 2 patches on each of 2 loads); patches merge, so it is harmless but costly for large state, and it re-sends stale data. Send it once: `InitialSync = InitialSync or 'INCOMPLETE'`, then `if InitialSync == 'INCOMPLETE' then Send(...) InitialSync = 'COMPLETE' end`. A local flag starts over on each load; a global survives.",
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
