import { visitEntries } from '../src/model/entries.js';
import { defineRule } from '../src/rule.js';
import { utf8Length } from '../src/text.js';

const LUA_KEYWORDS = new Set([
  'and', 'break', 'do', 'else', 'elseif', 'end', 'false', 'for', 'function', 'goto', 'if', 'in',
  'local', 'nil', 'not', 'or', 'repeat', 'return', 'then', 'true', 'until', 'while',
]);
/** Process IDs and wallet addresses: HyperBEAM keeps keys of these byte lengths as they are. */
const ID_LENGTHS = new Set([32, 42, 43]);

export default defineRule({
  meta: {
    id: 'lowercase-key',
    description: 'Exposed keys must be lower case: HTTP paths are case-insensitive.',
    defaultSeverity: 'error',
    fixable: true,
    hasSuggestions: false,
    messages: {
      upper:
        "Key '{{key}}' has upper-case letters: HTTP paths are case-insensitive, so reading /cache/{{lower}} is ambiguous. Use the lower-case key '{{lower}}'.",
    },
    schema: {
      type: 'object',
      properties: {
        ignoreIds: { type: 'boolean', description: 'Skip keys of 32, 42 or 43 bytes (process IDs and addresses), which HyperBEAM does not lowercase.' },
        allow: { type: 'array', items: { type: 'string' }, description: 'Keys accepted as written.' },
      },
      additionalProperties: false,
    },
    defaults: { ignoreIds: true, allow: [] as string[] },
    docs: 'docs/rules/lowercase-key.md',
  },
  check(model, context) {
    const allow = new Set(context.options.allow);
    for (const patch of model.patches) {
      visitEntries(patch, context.directKeys, ({ entry, depth, exposed, parent }) => {
        const text = entry.key.text;
        if (!exposed || depth !== 1 || text === null || !/[A-Z]/.test(text) || allow.has(text)) return;
        if (context.options.ignoreIds && ID_LENGTHS.has(utf8Length(text))) return;
        const lower = text.toLowerCase();
        const literal = entry.key.literal;
        const collides = parent.entries.some((e) => e.key.text === lower);
        let fix;
        if (literal && !collides) {
          if (literal.form === 'name' && !LUA_KEYWORDS.has(lower)) fix = { range: literal.range, text: lower };
          if (literal.form === 'string') {
            const raw = context.source.slice(literal.range[0], literal.range[1]);
            const quote = raw[0];
            if ((quote === '"' || quote === "'") && !raw.includes('\\')) fix = { range: literal.range, text: `${quote}${lower}${quote}` };
          }
        }
        context.report({ range: entry.key.range, messageId: 'upper', data: { key: text, lower }, ...(fix ? { fix } : {}) });
      });
    }
  },
});
