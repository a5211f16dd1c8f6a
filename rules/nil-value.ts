import { visitEntries } from './entry-visits.js';
import { defineRule } from '../src/rule.js';

export default defineRule({
  meta: {
    id: 'nil-value',
    description: 'A nil value does not delete an exposed key.',
    defaultSeverity: 'warn',
    fixable: false,
    hasSuggestions: false,
    messages: {
      nil:
        "'{{key}} = nil' does nothing: a nil entry is absent from the table, and patches only merge, so the exposed value is not deleted. Send an explicit empty value (for example '') if readers must see a change.",
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaults: {},
    docs: 'docs/rules/nil-value.md',
  },
  check(model, context) {
    for (const patch of model.patches) {
      visitEntries(patch, context.directKeys, ({ entry, exposed, parent }) => {
        const value = entry.value;
        if (!exposed || value.kind !== 'nil' || entry.key.text === null) return;
        // Only `k = nil` written in a table constructor, or `nil` passed to a wrapper. Not a
        // variable that happens to be nil, and not `m.cache.k = nil`, which removes k from
        // the message on purpose before it is sent.
        if (context.source.slice(value.range[0], value.range[1]) !== 'nil') return;
        const inConstructor = parent.range !== null && parent.range[0] <= value.range[0] && value.range[1] <= parent.range[1];
        if (!inConstructor && value.via === undefined) return;
        context.report({ range: entry.valueAt, messageId: 'nil', data: { key: entry.key.text } });
      });
    }
  },
});
