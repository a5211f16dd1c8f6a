import { visitEntries } from '../src/model/entries.js';
import { defineRule } from '../src/rule.js';

const LIMIT = 1e14;
const MAX_DIGITS = 14;

/** Significant digits of a decimal literal's mantissa (hex literals are exact integers). */
function significantDigits(raw: string): number {
  const body = raw.replace(/^-/, '');
  if (/^0x/i.test(body)) return 0;
  const mantissa = body.split(/[eE]/)[0]!;
  let digits = mantissa.replace('.', '').replace(/^0+/, '');
  if (mantissa.includes('.')) digits = digits.replace(/0+$/, '');
  return digits.length;
}

export default defineRule({
  meta: {
    id: 'number-precision',
    description: 'Numbers that lose precision when aos encodes them.',
    defaultSeverity: 'warn',
    fixable: false,
    hasSuggestions: true,
    messages: {
      large:
        "Value of '{{key}}' ({{raw}}) is 1e14 or more: aos encodes numbers with %.14g, so it is rounded. Send it as a string: tostring(...).",
      digits:
        "Value of '{{key}}' ({{raw}}) has more than 14 significant digits: aos encodes numbers with %.14g, so it is rounded. Send it as a string: tostring(...).",
      fraction:
        "Value of '{{key}}' ({{raw}}) is not an integer: HyperBEAM's float codec is not production-ready and %.14g may round it. Send it as a string, or as an integer in the smallest unit.",
      wrap: 'Wrap the value in tostring(...).',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaults: {},
    docs: 'docs/rules/number-precision.md',
  },
  check(model, context) {
    for (const patch of model.patches) {
      visitEntries(patch, context.directKeys, ({ entry, exposed }) => {
        const value = entry.value;
        if (!exposed || value.kind !== 'number') return;
        const messageId = Math.abs(value.value) >= LIMIT ? 'large' : significantDigits(value.raw) > MAX_DIGITS ? 'digits' : !Number.isInteger(value.value) ? 'fraction' : null;
        if (!messageId) return;
        const source = context.source.slice(value.range[0], value.range[1]);
        context.report({
          range: entry.valueAt,
          messageId,
          data: { key: entry.key.text ?? String(entry.key.index ?? '?'), raw: value.raw },
          suggest: [{ messageId: 'wrap', fix: { range: value.range, text: `tostring(${source})` } }],
        });
      });
    }
  },
});
