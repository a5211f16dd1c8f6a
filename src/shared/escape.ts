// Text from a linted file (keys, file names, comments) reaches terminals, CI logs and editors:
// it is escaped before it goes into any message.

/**
 * What escapeForMessage rewrites: C0 and C1 controls, DEL, bidi overrides, isolates and marks
 * (U+200E, U+200F, U+061C: invisible, and they reorder what follows them), and the Unicode
 * line and paragraph separators (all single UTF-16 units, so no `u` flag is needed).
 */
const NEEDS_ESCAPE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029\u200e\u200f\u061c]/g;
/** The bidi controls and separators alone (for formats that percent-encode control characters themselves). */
export const BIDI_AND_SEPARATORS = /[\u202a-\u202e\u2066-\u2069\u2028\u2029\u200e\u200f\u061c]/g;

/** A character as a visible escape: `\u{202e}`. */
export function visibleEscape(ch: string): string {
  return `\\u{${ch.charCodeAt(0).toString(16)}}`;
}

/**
 * Makes text from a linted file safe to print inside a message: control characters
 * (including ESC, so no ANSI sequences), line breaks and bidi overrides become visible escapes.
 */
export function escapeForMessage(s: string, max = 80): string {
  // One regex replace: text with nothing to escape (almost all) comes back as it is, not
  // rebuilt character by character (that left the formatters' output a rope of millions of
  // one-character pieces, about 50 ms to flatten for the bench corpus's report).
  const out = s.replace(NEEDS_ESCAPE, (ch) => (ch === '\n' ? '\\n' : ch === '\r' ? '\\r' : ch === '\t' ? '\\t' : `\\u{${ch.charCodeAt(0).toString(16)}}`));
  return out.length > max ? `${out.slice(0, max - 1)}…` : out;
}
