import { defineRule } from './kit.js';

export default defineRule({
  meta: {
    id: 'empty-table-value',
    description: 'An empty table value wipes the exposed sub-table.',
    defaultSeverity: 'warn',
    messages: {
      empty:
        "Value of '{{key}}' is still an empty table when the patch is sent: it is encoded as [] and wipes what is exposed at that path. Fill it before sending, or leave the key out.",
    },
  },
  check(model, context) {
    for (const e of model.entries) {
      if (e.exposed && e.table?.empty) context.report({ range: e.valueAt, messageId: 'empty', data: { key: e.label } });
    }
  },
});
