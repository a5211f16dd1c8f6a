import { keysFoldingTo } from '../src/model/entries.js';
import { visitEntries } from './entry-visits.js';
import type { Entry, Range, TableShape } from '../src/model/index.js';
import { defineRule, type TextEdit } from '../src/rule.js';
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
        "Key '{{key}}' has upper-case letters: HyperBEAM stores it as written but HTTP paths are case-insensitive, so reads of /compute/cache/{{lower}} are ambiguous. Use the lower-case key '{{lower}}'.",
      upperRoot:
        "Key '{{key}}' has upper-case letters: HyperBEAM lowercases root keys, so it is exposed as /compute/{{lower}}, not as written, and HTTP paths are case-insensitive. Use the lower-case key '{{lower}}'.",
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
      visitEntries(patch, context.directKeys, ({ entry, depth, exposed, parent, level }) => {
        const text = entry.key.text;
        if (!exposed || depth !== 1 || text === null || !/[A-Z]/.test(text) || allow.has(text)) return;
        if (context.options.ignoreIds && ID_LENGTHS.has(utf8Length(text))) return;
        const lower = text.toLowerCase();
        const fix = renameFix(entry, parent, patch.range, lower, context.source);
        const messageId = level === 'root' ? 'upperRoot' : 'upper';
        context.report({ range: entry.key.range, messageId, data: { key: text, lower }, ...(fix ? { fix } : {}) });
      });
    }
  },
});

/**
 * Renames the key as written, only when that is safe: the key is written in the patch message
 * itself (its table, a later write to it, or a wrapper call's string argument) and not in a
 * table the process also uses for other things; no other key of the table has the same
 * lower-case spelling (the rename would create a duplicate); a name is not a Lua keyword.
 */
function renameFix(entry: Entry, parent: TableShape, message: Range, lower: string, source: string): TextEdit | null {
  const literal = entry.key.literal;
  if (!literal) return null;
  const inMessage = entry.key.viaArgument !== null || (parent.range !== null && parent.range[0] >= message[0] && parent.range[1] <= message[1]);
  if (!inMessage) return null;
  // Another key of the table with this lower-case spelling (the entry itself is one of them).
  if (keysFoldingTo(parent, lower) > 1) return null;
  if (literal.form === 'name') return LUA_KEYWORDS.has(lower) ? null : { range: literal.range, text: lower };
  const raw = source.slice(literal.range[0], literal.range[1]);
  const quote = raw[0];
  if ((quote !== '"' && quote !== "'") || raw.includes('\\')) return null;
  return { range: literal.range, text: `${quote}${lower}${quote}` };
}
