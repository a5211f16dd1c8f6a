import { keyLabel } from '../src/key-label.js';
import { visitEntries } from './entry-visits.js';
import { isEmptyTable } from '../src/model/values.js';
import { defineRule } from '../src/rule.js';

export default defineRule({
  meta: {
    id: 'empty-table-value',
    description: 'An empty table value wipes the exposed sub-table.',
    defaultSeverity: 'warn',
    fixable: false,
    hasSuggestions: false,
    messages: {
      empty:
        "Value of '{{key}}' is still an empty table when the patch is sent: it is encoded as [] and wipes what is exposed at that path. Fill it before sending, or leave the key out.",
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaults: {},
    docs: 'docs/rules/empty-table-value.md',
  },
  check(model, context) {
    for (const patch of model.patches) {
      visitEntries(patch, context.directKeys, ({ entry, exposed }) => {
        if (exposed && isEmptyTable(entry.value)) {
          context.report({ range: entry.valueAt, messageId: 'empty', data: { key: keyLabel(entry, context.source) } });
        }
      });
    }
  },
});
