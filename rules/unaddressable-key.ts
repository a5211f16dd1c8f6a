import { visitEntries } from './entry-visits.js';
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
      empty: 'Empty key: no URL path segment can name it, so the value cannot be read over HTTP. Give the value a name.',
      characters:
        "Key '{{key}}' contains '{{char}}', which has a meaning in HyperBEAM paths ('/' nests, '~' selects a device, '&', '=', '+', '(' and ')' are path syntax), so it cannot be read back. Use letters, digits, '-' or '_'.",
      space: "Key '{{key}}' contains whitespace or control characters, which cannot be written in a URL path segment. Use letters, digits, '-' or '_'.",
      tooLong: 'Key is {{bytes}} bytes long; HyperBEAM path segments are at most 512 bytes, so it cannot be read. Use a shorter key.',
      positional:
        'Positional (array-style) entry {{where}}: its key is the number {{index}}, not a name, and the encoder turns the table into a list (or fails when names are mixed in). Give it a key: name = value.',
      integerKey:
        'Integer key [{{index}}] {{where}}: it is not a name, and the encoder turns the table into a list (or fails when names are mixed in). Use a string key: name = value.',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaults: {},
    docs: 'docs/rules/unaddressable-key.md',
  },
  check(model, context) {
    for (const patch of model.patches) {
      visitEntries(patch, context.directKeys, ({ entry, depth, exposed, level }) => {
        const key = entry.key;
        if (key.form === 'positional' || key.form === 'number') {
          // Integer keys deeper down are ordinary lists; only the exposed level needs names.
          if (!exposed || depth !== 1 || key.index === undefined) return;
          const where = level === 'cache' ? 'directly under cache' : 'among the root data keys';
          context.report({ range: key.range, messageId: key.form === 'positional' ? 'positional' : 'integerKey', data: { where, index: key.index } });
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
