import { ENVELOPE, isCacheKey } from '../src/model/entries.js';
import { defineRule } from '../src/rule.js';

export default defineRule({
  meta: {
    id: 'require-cache',
    description: 'A patch message must carry its data in a `cache` table.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: false,
    messages: {
      missing:
        "Patch message has no 'cache' table: HyperBEAM exposes a patch's data under /compute/cache/<key>. Put the exposed keys in cache = { ... } (or enable the direct-keys preset if this process patches root keys on purpose).",
      notTable:
        "'cache' must be a table of keys to expose, not {{kind}}: every entry becomes /compute/cache/<key>. Write cache = { mykey = value }.",
      stray:
        "Data key '{{key}}' is beside 'cache', at the message root: it is merged into the root of the process state, not under /cache/. Move it into the cache table.",
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaults: {},
    docs: 'docs/rules/require-cache.md',
  },
  check(model, context) {
    for (const patch of model.patches) {
      const root = patch.root;
      const cache = root.entries.find(isCacheKey);
      if (!cache) {
        if (!root.filledUnknown) context.report({ range: patch.range, messageId: 'missing' });
      } else if (!['table', 'unknown'].includes(cache.value.kind)) {
        const kind = cache.value.kind === 'string' && cache.value.serialized ? 'an encoded string' : `a ${cache.value.kind}`;
        context.report({ range: cache.key.range, messageId: 'notTable', data: { kind } });
      }
      for (const entry of root.entries) {
        const text = entry.key.text;
        if (text === null || isCacheKey(entry) || ENVELOPE.has(text.toLowerCase())) continue;
        context.report({ range: entry.key.range, messageId: 'stray', data: { key: text } });
      }
    }
  },
});
