import { visitEntries } from './entry-visits.js';
import { defineRule } from '../src/rule.js';

export default defineRule({
  meta: {
    id: 'private-key',
    description: "Keys starting with 'priv' are private in HyperBEAM and never served.",
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: false,
    messages: {
      private:
        "Key '{{key}}' starts with 'priv': HyperBEAM treats such keys as private and never serves them over HTTP, so this value cannot be read. Rename it (for example without the 'priv' prefix).",
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaults: {},
    docs: 'docs/rules/private-key.md',
  },
  check(model, context) {
    for (const patch of model.patches) {
      visitEntries(patch, context.directKeys, ({ entry }) => {
        const text = entry.key.text;
        if (text !== null && text.toLowerCase().startsWith('priv')) context.report({ range: entry.key.range, messageId: 'private', data: { key: text } });
      });
    }
  },
});
