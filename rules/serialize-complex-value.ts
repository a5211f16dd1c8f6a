import { visitEntries } from './entry-visits.js';
import { containsUnencodable, isNonEmptyTable, tableDepth } from '../src/model/values.js';
import type { Value } from '../src/model/types.js';
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
        "Value of '{{key}}' is a table: HyperBEAM exposes it as a nested map or list whose shape depends on aos's JSON encoding, and the patch device documentation says complex objects may require serialization. Send json.encode(...) of it, or expose its scalar fields as separate keys.",
      wrap: 'Wrap the value in json.encode(...).',
    },
    schema: {
      type: 'object',
      properties: {
        maxDepth: { type: 'integer', minimum: 0, description: 'Accept tables nested up to this depth ({ a = 1 } is 1, { a = { b = 1 } } is 2); 0 reports every table.' },
      },
      additionalProperties: false,
    },
    defaults: { maxDepth: 0 },
    docs: 'docs/rules/serialize-complex-value.md',
  },
  check(model, context) {
    for (const patch of model.patches) {
      visitEntries(patch, context.directKeys, ({ entry, depth, exposed }) => {
        if (!exposed || depth !== 1) return;
        const value = entry.value;
        if (!isNonEmptyTable(value) || containsUnencodable(value) || !deeperThan(value, context.options.maxDepth)) return;
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

/** True when tables are known to nest deeper than `limit` in this value (unresolved parts count as scalars). */
function deeperThan(value: Value, limit: number): boolean {
  // Memoised per table in the model: a table sent by many messages is measured once.
  return tableDepth(value) > limit;
}
