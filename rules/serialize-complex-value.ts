import { defineRule } from './kit.js';

export default defineRule({
  meta: {
    id: 'serialize-complex-value',
    description: 'Complex values (non-empty tables) under cache should be serialized.',
    defaultSeverity: 'warn',
    hasSuggestions: true,
    messages: {
      complex: "Value of '{{key}}' is a table: send json.encode(...) of it, or expose its scalar fields as keys.",
      wrap: 'Wrap the value in json.encode(...).',
    },
    why:
      "The patch device documentation says complex objects may require serialization (json.encode). HyperBEAM exposes a table as a nested map or list whose shape depends on aos's JSON encoding (an empty table becomes [], a list-like one a list). Much current process code sends tables on purpose (the aos token blueprint, ar-io): then set maxDepth, or turn the rule off (the direct-keys preset does).",
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
      // `device = 'trie@1.0'` is the documented way to hold a large table, not a value to encode.
      if (e.depth !== 1 || e.isCache || e.stray || !table?.filled || table.holdsUnencodable || table.trie || table.depth <= context.options.maxDepth) continue;
      const value = e.entry.value;
      const source = context.source.slice(value.range[0], value.range[1]);
      const key = e.entry.key;
      context.report({
        range: e.valueAt,
        messageId: 'complex',
        data: { key: key.text ?? String(key.index ?? '?') },
        ...(e.valueAt.module === null ? { suggest: [{ messageId: 'wrap', fix: { range: value.range, text: `json.encode(${source})` } }] } : {}),
      });
    }
  },
});
