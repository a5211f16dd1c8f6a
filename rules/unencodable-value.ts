import { defineRule } from './kit.js';

export default defineRule({
  meta: {
    id: 'unencodable-value',
    description: "Values that aos's JSON encoder cannot encode.",
    defaultSeverity: 'error',
    messages: {
      function:
        "Value of '{{key}}' is a function: aos's JSON encoder drops it from a map and throws on it in a list. Send data, not functions.",
      nonFinite:
        "Value of '{{key}}' is {{text}} (NaN or infinity): aos's JSON encoder throws on it, so the whole evaluation fails and every patch and message of it is lost. Send a finite number or a string.",
      mixed:
        "Value of '{{key}}' mixes positional and named entries: aos's JSON encoder throws ('mixed or invalid key types'), so the whole evaluation fails. Use either a list or a map.",
      sparse:
        "Value of '{{key}}' has integer keys that are not 1..n: aos's JSON encoder throws ('sparse array'), so the whole evaluation fails. Use string keys or a contiguous list.",
    },
  },
  check(model, context) {
    for (const e of model.entries) {
      if (!e.exposed) continue;
      const value = e.entry.value;
      const key = e.label;
      if (value.kind === 'function') context.report({ range: e.valueAt, messageId: 'function', data: { key } });
      else if (value.kind === 'non-finite') context.report({ range: e.valueAt, messageId: 'nonFinite', data: { key, text: value.text } });
      else if (e.table?.layout) context.report({ range: e.valueAt, messageId: e.table.layout, data: { key } });
    }
  },
});
