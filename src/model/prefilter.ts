// A cheap text test that lets only files that can hold a patch message skip nothing: every
// other file skips the patch model (about as costly as parsing itself). A patch message needs
// `device = 'patch@1.0'` or `method = 'PATCH'`, and every near miss the rules report
// (`Patch@1.0`, `~patch@1.0`, ` patch@1`: keys.ts's classifyDevice) holds the word too, at the
// start of a string's text: after its opening quote or long bracket, white space, `~` and
// escapes. The model reads these values only from string literals of the file itself (it
// resolves no concatenation and no field of a required module), so the word elsewhere (a name,
// a comment, the middle of a string, "dispatch") cannot make a patch. The only other way to
// write it is a string escape: one that spells a letter of `patch` (`"\112atch"`, `"\x50ATCH"`,
// `"\u{70}atch"`) or `\z` (which joins `"pat\z  ch"`). Measured
// (docs/performance.md): on the real-shaped bench corpus 191 of 3,000 files pass (the old
// `device|method` test: 796); on 1,560 files of aos, Kong and LuaRocks, 63 (the word anywhere:
// 119, most of the others names such as Kong's `client:patch(...)`).
const WORD = /patch/gi;
const ESCAPES = /\\(?:z|([0-9]{1,3})|x([0-9a-fA-F]{2})|u\{([0-9a-fA-F]+)\})/g;
/** The character codes of p a t c h P A T C H. */
const LETTERS = new Set([...'patchPATCH'].map((c) => c.charCodeAt(0)));

export function mayHavePatchMessage(text: string): boolean {
  if (atStringStart(text)) return true;
  if (!hasEscape(text)) return false;
  for (const m of text.matchAll(ESCAPES)) {
    // `\z`, or an escape whose character is a letter of the word.
    if (m[1] === undefined && m[2] === undefined && m[3] === undefined) return true;
    const code = m[1] !== undefined ? Number(m[1]) : parseInt((m[2] ?? m[3])!, 16);
    if (LETTERS.has(code)) return true;
  }
  return false;
}

/**
 * The word where a string's text can start: before it only white space, `~` and escapes (a
 * backslash and a character, backslashes, and the hex digits and braces of `\x7e`, `\126`,
 * `\u{7E}`), back to an opening quote or `[`. Read backwards from each occurrence of the word,
 * so each part of the text is read about once (no regular expression that could backtrack on
 * hostile text: one did, quadratically, on a run of `\'`).
 */
function atStringStart(text: string): boolean {
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    let i = m.index - 1;
    for (; i >= 0; i--) {
      const c = text.charCodeAt(i);
      if (i > 0 && text.charCodeAt(i - 1) === 92) {
        i--; // an escape: `\` and its character
        continue;
      }
      if (c === 34 || c === 39 || c === 91) return true; // " ' [
      const skippable = c === 32 || (c >= 9 && c <= 13) || c === 126 || c === 92 || (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 102) || c === 123 || c === 125;
      if (!skippable) break;
    }
  }
  return false;
}

/** A backslash before a digit, x, u or z anywhere (indexOf: several times faster than a regular expression here). */
function hasEscape(text: string): boolean {
  for (let at = text.indexOf('\\'); at >= 0; at = text.indexOf('\\', at + 1)) {
    const c = text.charCodeAt(at + 1);
    if ((c >= 48 && c <= 57) || c === 120 || c === 117 || c === 122) return true;
  }
  return false;
}
