import { visitEntries } from '../src/model/entries.js';
import { containsUnencodable, isNonEmptyTable } from '../src/model/values.js';
import { defineRule } from '../src/rule.js';

export default defineRule({
  meta: {
    id: 'serialize-complex-value',
    description: 'Complex values (non-empty tables) under cache should be serialized.',
    defaultSeverity: 'warn',
    fixable: false,
    hasSuggestions: true,
    messages: {
      complex:
        "Value of '{{key}}' is a table: it is exposed as a nested map whose shape depends on the encoder, and complex objects may require serialization. Send json.encode(...) of it, or expose its scalar fields as separate keys.",
      wrap: 'Wrap the value in json.encode(...).',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaults: {},
    docs: 'docs/rules/serialize-complex-value.md',
  },
  check(model, context) {
    for (const patch of model.patches) {
      visitEntries(patch, context.directKeys, ({ entry, depth, exposed }) => {
        if (!exposed || depth !== 1) return;
        const value = entry.value;
        if (!isNonEmptyTable(value) || containsUnencodable(value)) return;
        const source = context.source.slice(value.range[0], value.range[1]);
        context.report({
          range: entry.valueAt,
          messageId: 'complex',
          data: { key: entry.key.text ?? String(entry.key.index ?? '?') },
          suggest: [{ messageId: 'wrap', fix: { range: value.range, text: `json.encode(${source})` } }],
        });
      });
    }
  },
});
