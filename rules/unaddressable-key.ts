import { defineRule } from './kit.js';

const MAX_SEGMENT_BYTES = 512;
/** Path syntax in HyperBEAM (`/ ~ & = + ( )`), the query (`?`, even URL-encoded) and the fragment (`#`). */
const PATH_CHARACTERS = /[/~&=+()?#]/;
const SPACE_OR_CONTROL = /[\s\x00-\x1f\x7f]/;

export default defineRule({
  meta: {
    id: 'unaddressable-key',
    description: 'Exposed keys must be usable as one URL path segment.',
    defaultSeverity: 'error',
    messages: {
      empty: 'Empty key: no URL path segment can name it, so it cannot be read; give the value a name.',
      characters: "Key '{{key}}' contains '{{char}}', which HyperBEAM paths read as syntax: use letters, digits, - or _.",
      space: "Key '{{key}}' contains whitespace or control characters, so no URL can name it: use letters, digits, - or _.",
      tooLong: 'Key is {{bytes}} bytes long, over the 512 bytes of a HyperBEAM path segment: use a shorter key.',
      positional: 'Positional entry {{where}} is exposed under the number {{index}}: give it a key (name = value).',
      integerKey: 'Integer key [{{index}}] {{where}} is not a name, and lists fail when names are mixed in: use a string key.',
    },
    why:
      "A key is read back as one segment of a URL path (/compute/cache/<key>). HyperBEAM's path parser (hb_singleton) gives / ~ & = + ( ) and spaces their own meaning, cuts the query at ? even when it is URL-encoded (the split happens after decoding), and every HTTP client drops what follows #. A segment is at most 512 bytes. Positional entries and integer keys are not names: the encoder turns the table into a list, or fails when names are mixed in.",
  },
  check(model, context) {
    for (const e of model.entries) {
      const key = e.entry.key;
      if (key.form === 'positional' || key.form === 'number') {
        // Integer keys deeper down are ordinary lists; only the exposed level needs names.
        if (e.depth !== 1 || e.isCache || key.index === undefined) continue;
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
