import { defineRule } from './kit.js';

export default defineRule({
  meta: {
    id: 'serialize-complex-value',
    description: 'Complex values (non-empty tables) under cache should be serialized.',
    defaultSeverity: 'warn',
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
  },
  check(model, context) {
    for (const e of model.entries) {
      const table = e.table;
      // Unresolved parts of the table count as scalars for its depth.
      if (!e.exposed || e.depth !== 1 || !table?.filled || table.holdsUnencodable || table.depth <= context.options.maxDepth) continue;
      const value = e.entry.value;
      const source = context.source.slice(value.range[0], value.range[1]);
      const key = e.entry.key;
      context.report({
        range: e.valueAt,
        messageId: 'complex',
        data: { key: key.text ?? String(key.index ?? '?') },
        suggest: [{ messageId: 'wrap', fix: { range: value.range, text: `json.encode(${source})` } }],
      });
    }
  },
});
