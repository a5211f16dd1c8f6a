import { defineRule } from './kit.js';

export default defineRule({
  meta: {
    id: 'private-key',
    description: "Keys starting with 'priv' are private in HyperBEAM and never served.",
    defaultSeverity: 'error',
    messages: {
      private:
        "Key '{{key}}' starts with 'priv': HyperBEAM treats such keys as private and never serves them over HTTP, so this value cannot be read. Rename it (for example without the 'priv' prefix).",
    },
  },
  check(model, context) {
    for (const e of model.entries) {
      if (e.folded !== null && e.folded.startsWith('priv')) context.report({ range: e.keyAt, messageId: 'private', data: { key: e.entry.key.text! } });
    }
  },
});
