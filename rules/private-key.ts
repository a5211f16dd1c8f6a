import { defineRule } from './kit.js';

export default defineRule({
  meta: {
    id: 'private-key',
    description: "Keys starting with 'priv' are private in HyperBEAM and never served.",
    defaultSeverity: 'error',
    messages: {
      private: "Key '{{key}}' starts with 'priv', which HyperBEAM never serves over HTTP: rename it.",
    },
    why:
      "HyperBEAM treats keys that start with 'priv' as private: they are kept in the process state but never served over HTTP, so a frontend cannot read them. Node versions disagree on case (one compares as written, others lowercase first), so any key whose lower-cased form starts with 'priv' is reported.",
  },
  check(model, context) {
    for (const e of model.entries) {
      if (e.folded !== null && e.folded.startsWith('priv')) context.report({ range: e.keyAt, messageId: 'private', data: { key: e.entry.key.text! } });
    }
  },
});
