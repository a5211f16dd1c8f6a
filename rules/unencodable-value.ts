import { keyLabel } from '../src/key-label.js';
import { visitEntries } from './entry-visits.js';
import { tableLayoutProblem } from '../src/model/values.js';
import { defineRule } from '../src/rule.js';

export default defineRule({
  meta: {
    id: 'unencodable-value',
    description: "Values that aos's JSON encoder cannot encode.",
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: false,
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
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaults: {},
    docs: 'docs/rules/unencodable-value.md',
  },
  check(model, context) {
    for (const patch of model.patches) {
      visitEntries(patch, context.directKeys, ({ entry, exposed }) => {
        if (!exposed) return;
        const value = entry.value;
        const key = keyLabel(entry, context.source);
        if (value.kind === 'function') context.report({ range: entry.valueAt, messageId: 'function', data: { key } });
        else if (value.kind === 'non-finite') context.report({ range: entry.valueAt, messageId: 'nonFinite', data: { key, text: value.text } });
        else if (value.kind === 'table') {
          const problem = tableLayoutProblem(value.table);
          if (problem) context.report({ range: entry.valueAt, messageId: problem, data: { key } });
        }
      });
    }
  },
});
