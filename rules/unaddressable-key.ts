import { visitEntries } from '../src/model/entries.js';
import { defineRule } from '../src/rule.js';
import { utf8Length } from '../src/text.js';

const MAX_SEGMENT_BYTES = 512;
const PATH_CHARACTERS = /[/~&=+()]/;
const SPACE_OR_CONTROL = /[\s\x00-\x1f\x7f]/;

export default defineRule({
  meta: {
    id: 'unaddressable-key',
    description: 'Exposed keys must be usable as one URL path segment.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: false,
    messages: {
      empty: 'Empty key: it cannot be read at any /cache/<key> path. Give the value a name.',
      characters:
        "Key '{{key}}' contains '{{char}}', which has a meaning in HyperBEAM paths ('/' nests, '~' selects a device, '&', '=', '+', '(' and ')' are path syntax), so it cannot be read back. Use letters, digits, '-' or '_'.",
      space: "Key '{{key}}' contains whitespace or control characters, which cannot be written in a URL path segment. Use letters, digits, '-' or '_'.",
      tooLong: 'Key is {{bytes}} bytes long; HyperBEAM path segments are at most 512 bytes, so it cannot be read. Use a shorter key.',
      positional:
        'Positional (array-style) entry directly under cache: its key is a number, not a name, and the encoder turns cache into a list. Give it a key: cache = { name = value }.',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaults: {},
    docs: 'docs/rules/unaddressable-key.md',
  },
  check(model, context) {
    for (const patch of model.patches) {
      visitEntries(patch, context.directKeys, ({ entry, depth, exposed }) => {
        const key = entry.key;
        if (key.form === 'positional') {
          if (exposed && depth === 1) context.report({ range: key.range, messageId: 'positional' });
          return;
        }
        const text = key.text;
        if (text === null) return;
        if (text === '') return context.report({ range: key.range, messageId: 'empty' });
        const bytes = utf8Length(text);
        if (bytes > MAX_SEGMENT_BYTES) return context.report({ range: key.range, messageId: 'tooLong', data: { bytes } });
        const char = PATH_CHARACTERS.exec(text);
        if (char) return context.report({ range: key.range, messageId: 'characters', data: { key: text, char: char[0] } });
        if (SPACE_OR_CONTROL.test(text)) context.report({ range: key.range, messageId: 'space', data: { key: text } });
      });
    }
  },
});
