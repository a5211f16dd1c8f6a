import { defineRule } from './kit.js';

export default defineRule({
  meta: {
    id: 'patch-lost-on-error',
    description: 'A patch sent before an error(...) or assert(...) on the same path is lost when it raises.',
    defaultSeverity: 'warn',
    messages: {
      lost: 'This patch is lost if the {{kind}}(...) on line {{line}} raises (aos drops all messages): check before sending.',
    },
    why:
      'When a handler (or an Eval) raises an error after sending, aos returns only the error: every message of that evaluation is dropped, patches included, while the changes already made to Lua globals stay (checked by running the real aos 2.0.4 module). The exposed state then no longer matches the process. Validate first (assert, error), send last; an error inside a pcall is caught and does not count.',
  },
  check(model, context) {
    for (const lost of model.lostOnError) {
      context.report({ range: lost.range, messageId: 'lost', data: { kind: lost.kind, line: context.lineOf(lost.raise[0]) } });
    }
  },
});
