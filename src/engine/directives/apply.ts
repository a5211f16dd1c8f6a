// The suppression post-pass (ESLint's apply-disable-directives): splits a file's messages into
// those shown and those a directive covers, adds the problems with directives, and (when asked)
// reports directives that suppressed nothing, with a fix that removes them. It runs once per
// file, after the cross-file pass, over all of the file's messages; it changes none of them.
import type { LintMessage } from '../../shared/results.js';
import { byPosition } from '../results.js';
import type { Directive, FileDirectives } from './parse.js';

export interface Suppression {
  messages: LintMessage[];
  suppressedMessages: LintMessage[];
}

export function applyDirectives(messages: readonly LintMessage[], file: FileDirectives, reportUnused: boolean): Suppression {
  const all = [...messages];
  if (file.directives.length === 0 && file.problems.length === 0) return { messages: all.sort(byPosition), suppressedMessages: [] };
  const used = new Map<Directive, Set<string>>();
  const kept: LintMessage[] = [];
  const suppressed: LintMessage[] = [];
  // One sweep over the messages in position order, moving through the block directives with
  // them; line directives by the line they cover. Linear in messages + directives.
  all.sort(byPosition);
  const blocks = new BlockState(file.directives.filter((d) => d.kind === 'disable' || d.kind === 'enable'));
  const byLine = new Map<number, Directive[]>();
  for (const d of file.directives) {
    if (d.kind !== 'disable-line' && d.kind !== 'disable-next-line') continue;
    const line = d.kind === 'disable-line' ? d.line : d.endLine + 1;
    const onLine = byLine.get(line);
    // Pushed in place: copying the list per directive was quadratic in directives on one line.
    if (onLine) onLine.push(d);
    else byLine.set(line, [d]);
  }
  for (const message of all) {
    blocks.advanceTo(message);
    // Parse errors, internal errors and directive problems cannot be silenced.
    const ruleId = message.ruleId;
    const by: Directive[] = [];
    if (ruleId !== null && !message.fatal) {
      const block = blocks.disabling(ruleId);
      if (block) by.push(block);
      for (const d of byLine.get(message.line) ?? []) if (d.all || d.ruleIds.some((r) => r.id === ruleId)) by.push(d);
    }
    if (by.length === 0) {
      kept.push(message);
      continue;
    }
    for (const d of by) {
      const ids = used.get(d) ?? new Set<string>();
      ids.add(d.all ? '*' : ruleId!);
      used.set(d, ids);
    }
    suppressed.push({ ...message, suppressions: by.map((d) => ({ kind: 'directive' as const, justification: d.justification })) });
  }
  kept.push(...file.problems);
  if (reportUnused) kept.push(...unusedReports(file.directives, used));
  kept.sort(byPosition); // `suppressed` is already in order: it was filled in the sweep
  return { messages: kept, suppressedMessages: suppressed };
}

/** The disable/enable state at a position: the last directive naming a rule (or all rules) decides. */
class BlockState {
  private next = 0;
  private disabledAll: Directive | null = null;
  private readonly reenabled = new Set<string>();
  private readonly disabled = new Map<string, Directive>();

  constructor(private readonly directives: Directive[]) {}

  advanceTo(message: LintMessage): void {
    for (; this.next < this.directives.length; this.next++) {
      const d = this.directives[this.next]!;
      if (d.line > message.line || (d.line === message.line && d.column > message.column)) return;
      if (d.kind === 'disable' && d.all) {
        this.disabledAll = d;
        this.reenabled.clear();
        this.disabled.clear();
      } else if (d.kind === 'disable') {
        for (const r of d.ruleIds) this.disabled.set(r.id, d);
      } else if (d.all) {
        this.disabledAll = null;
        this.disabled.clear();
      } else {
        for (const r of d.ruleIds) {
          this.disabled.delete(r.id);
          this.reenabled.add(r.id);
        }
      }
    }
  }

  disabling(ruleId: string): Directive | null {
    return this.disabled.get(ruleId) ?? (this.disabledAll && !this.reenabled.has(ruleId) ? this.disabledAll : null);
  }
}

function unusedReports(directives: Directive[], used: Map<Directive, Set<string>>): LintMessage[] {
  const reports: LintMessage[] = [];
  for (const d of directives) {
    if (d.kind === 'enable') continue;
    const ids = used.get(d);
    const at = { line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn };
    const report = (detail: string, fix: LintMessage['fix']): LintMessage => ({
      ruleId: null, severity: 1, messageId: 'unusedDirective',
      message: `Unused patchlint-${d.kind} directive (no problems were reported${detail}): remove it so it cannot hide a future problem.`,
      ...at, fix,
    });
    if (!ids) {
      const detail = d.all ? '' : ` from ${d.ruleIds.map((r) => `'${r.id}'`).join(' or ')}`;
      reports.push(report(detail, { range: d.removal.range, text: d.removal.text }));
      continue;
    }
    if (d.all) continue;
    // Some ids of the list were used: report each unused one, with a fix that drops it from the list.
    d.ruleIds.forEach((r, i) => {
      if (ids.has(r.id)) return;
      const next = d.ruleIds[i + 1];
      const previous = d.ruleIds[i - 1];
      const range: [number, number] = next ? [r.start, next.start] : [previous!.end, r.end];
      reports.push(report(` from '${r.id}'`, { range, text: '' }));
    });
  }
  return reports;
}
