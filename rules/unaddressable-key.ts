import { defineRule } from './kit.js';

const MAX_SEGMENT_BYTES = 512;
const PATH_CHARACTERS = /[/~&=+()]/;
const SPACE_OR_CONTROL = /[\s\x00-\x1f\x7f]/;

export default defineRule({
  meta: {
    id: 'unaddressable-key',
    description: 'Exposed keys must be usable as one URL path segment.',
    defaultSeverity: 'error',
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
  },
  check(model, context) {
    for (const e of model.entries) {
      const key = e.entry.key;
      if (key.form === 'positional' || key.form === 'number') {
        // Integer keys deeper down are ordinary lists; only the exposed level needs names.
        if (!e.exposed || e.depth !== 1 || key.index === undefined) continue;
        const where = e.level === 'cache' ? 'directly under cache' : 'among the root data keys';
        context.report({ range: e.keyAt, messageId: key.form === 'positional' ? 'positional' : 'integerKey', data: { where, index: key.index } });
        continue;
      }
      const text = key.text;
      if (text === null) continue;
      if (text === '') context.report({ range: e.keyAt, messageId: 'empty' });
      else if (e.bytes! > MAX_SEGMENT_BYTES) context.report({ range: e.keyAt, messageId: 'tooLong', data: { bytes: e.bytes! } });
      else {
        const char = PATH_CHARACTERS.exec(text);
        if (char) context.report({ range: e.keyAt, messageId: 'characters', data: { key: text, char: char[0] } });
        else if (SPACE_OR_CONTROL.test(text)) context.report({ range: e.keyAt, messageId: 'space', data: { key: text } });
      }
    }
  },
});
