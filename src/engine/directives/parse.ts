// Reads `-- patchlint-...` directive comments (line or `--[[ ]]` block comments) from the
// parsed chunk's comments. The result is plain data, kept with a file's lint (cached, sent
// across threads), so the suppression post-pass can run after the cross-file pass.
import { ruleById } from '../../../rules/index.js';
import type { Comment } from '../../lua/ast.js';
import { closestMatch } from '../../shared/closest.js';
import { escapeForMessage } from '../../shared/escape.js';
import { positionAt } from '../../shared/positions.js';
import type { LintMessage } from '../../shared/results.js';

export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line';

export interface Directive {
  kind: DirectiveKind;
  /** Known rule ids as written, with the offsets of each; empty with `all`. */
  ruleIds: { id: string; start: number; end: number }[];
  /** No rule list: the directive applies to every rule. */
  all: boolean;
  /** The text after ` -- ` ('' when none). */
  justification: string;
  /** Offsets of the whole comment. */
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** What removing the directive deletes: its whole line when the comment stands alone on it. */
  removal: { range: [number, number]; text: string };
}

export interface FileDirectives {
  directives: Directive[];
  /** Problems with the directives themselves (unknown rule ids, malformed comments): always reported. */
  problems: LintMessage[];
}

const DIRECTIVE = /^\s*patchlint-(disable-next-line|disable-line|disable|enable)(?=\s|$)/;

export function parseDirectives(comments: readonly Comment[], text: string, starts: number[]): FileDirectives {
  const result: FileDirectives = { directives: [], problems: [] };
  for (const comment of comments) {
    const head = DIRECTIVE.exec(comment.value);
    if (!head) continue;
    const kind = head[1] as DirectiveKind;
    const valueStart = comment.range[0] + comment.raw.indexOf(comment.value);
    const startPos = positionAt(starts, comment.range[0]);
    const endPos = positionAt(starts, comment.range[1]);
    const at = { line: startPos.line, column: startPos.column, endLine: endPos.line, endColumn: endPos.column };
    // The reason follows ` -- ` (two or more dashes between spaces), as in ESLint.
    const body = comment.value.slice(head[0].length);
    const reason = /\s-{2,}\s/.exec(body);
    const list = reason ? body.slice(0, reason.index) : body;
    // Escaped like every text from the linted file that reaches an output (control and bidi characters).
    const justification = reason ? escapeForMessage(body.slice(reason.index + reason[0].length).trim(), 500) : '';
    const ruleIds: Directive['ruleIds'] = [];
    let written = 0;
    for (const match of list.matchAll(/[^\s,]+/g)) {
      written++;
      const id = match[0];
      const offset = valueStart + head[0].length + match.index!;
      if (ruleById.has(id)) {
        ruleIds.push({ id, start: offset, end: offset + id.length });
        continue;
      }
      const pos = positionAt(starts, offset);
      const near = closestMatch(id, ruleById.keys());
      result.problems.push({
        ruleId: null, severity: 2, messageId: 'unknownRuleInDirective',
        message: `Unknown rule '${escapeForMessage(id)}' in a patchlint-${kind} comment${near ? ` (did you mean '${near}'?)` : ''}: it suppresses nothing. Use a rule id from the docs, and put a reason after ' -- '.`,
        line: pos.line, column: pos.column, endLine: pos.line, endColumn: pos.column + id.length,
      });
    }
    if (kind === 'disable-line' && at.endLine !== at.line) {
      result.problems.push({
        ruleId: null, severity: 2, messageId: 'directiveSpansLines',
        message: 'A patchlint-disable-line comment must not span several lines: it would be unclear which line it disables. Use patchlint-disable-next-line or a line comment.',
        ...at,
      });
      continue;
    }
    // A list of unknown ids only must not silently turn into "every rule".
    if (written > 0 && ruleIds.length === 0) continue;
    const removal = removalRange(text, comment.range[0], comment.range[1]);
    result.directives.push({ kind, ruleIds, all: written === 0, justification, start: comment.range[0], end: comment.range[1], ...at, removal });
  }
  return result;
}

function removalRange(text: string, start: number, end: number): Directive['removal'] {
  let before = start;
  while (before > 0 && (text[before - 1] === ' ' || text[before - 1] === '\t')) before--;
  let after = end;
  while (after < text.length && (text[after] === ' ' || text[after] === '\t')) after++;
  const atLineStart = before === 0 || text[before - 1] === '\n' || text[before - 1] === '\r';
  const atLineEnd = after === text.length || text[after] === '\n' || text[after] === '\r';
  if (atLineStart && atLineEnd) {
    if (text[after] === '\r' && text[after + 1] === '\n') return { range: [before, after + 2], text: '' };
    if (after < text.length) return { range: [before, after + 1], text: '' };
    // Last line: take the line break before it instead, so no blank line is left behind.
    if (before > 0) return { range: [text[before - 2] === '\r' && text[before - 1] === '\n' ? before - 2 : before - 1, after], text: '' };
    return { range: [before, after], text: '' };
  }
  if (atLineEnd) return { range: [before, after], text: '' }; // after code: with the spaces before it
  if (atLineStart) return { range: [start, after], text: '' }; // before code: keep the indentation
  return { range: [before, after], text: ' ' }; // between code: keep the tokens apart
}
