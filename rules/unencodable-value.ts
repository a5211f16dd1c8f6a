import { defineRule } from './kit.js';

export default defineRule({
  meta: {
    id: 'unencodable-value',
    description: "Values that aos's JSON encoder cannot encode.",
    defaultSeverity: 'error',
    messages: {
      function: "Value of '{{key}}' is a function: aos's encoder drops it (or fails in a list); send data instead.",
      nonFinite: "Value of '{{key}}' is {{text}}: aos's encoder fails and the whole evaluation is lost; send a string.",
      mixed: "Value of '{{key}}' mixes list and named entries: aos's encoder fails, losing the evaluation; use one.",
      sparse: "Value of '{{key}}' has integer keys that are not 1..n: aos's encoder fails; use string keys or a list.",
      circular: "Value of '{{key}}' is the table that contains it: aos's encoder fails on the cycle; send its fields.",
    },
    why:
      "Legacy aos JSON-encodes the whole result of an evaluation, outside any pcall. NaN, infinities, tables that mix positional and named entries, sparse integer keys, a function in a list and a table that contains itself make the encoder throw: the evaluation fails and every message of it, this patch included, is lost (checked by running the real aos 2.0.4 module). A function in a map is silently dropped.",
  },
  check(model, context) {
    for (const e of model.entries) {
      // A root data key in the cache style is require-cache's to report (move it into cache).
      if (e.stray) continue;
      const value = e.entry.value;
      const key = e.label;
      if (value.kind === 'function') context.report({ range: e.valueAt, messageId: 'function', data: { key } });
      else if (value.kind === 'non-finite') context.report({ range: e.valueAt, messageId: 'nonFinite', data: { key, text: value.text } });
      else if (value.kind === 'cycle') context.report({ range: e.valueAt, messageId: 'circular', data: { key } });
      else if (e.table?.layout) context.report({ range: e.valueAt, messageId: e.table.layout, data: { key } });
    }
  },
});
