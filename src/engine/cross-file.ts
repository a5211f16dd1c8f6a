// The cross-file pass (duplicate-key-case across files): runs each project rule over the facts
// of all files linted together, in sorted path order, and returns its messages by file. It
// changes nothing it is given.
import { rules as registry } from '../../rules/index.js';
import { positionAt } from '../shared/positions.js';
import type { LintMessage, ResolvedConfig } from '../shared/results.js';
import type { FileLint } from './lint-file.js';
import { internalError, toMessage } from './messages.js';

export function crossFileReports(files: readonly FileLint[], configFor: (filePath: string) => ResolvedConfig): Map<string, LintMessage[]> {
  const out = new Map<string, LintMessage[]>();
  const add = (filePath: string, message: LintMessage) => {
    const list = out.get(filePath);
    if (list) list.push(message);
    else out.set(filePath, [message]);
  };
  const sorted = [...files].sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
  const byPath = new Map(sorted.map((f) => [f.filePath, f]));
  for (const rule of registry) {
    if (!rule.checkProject) continue;
    const id = rule.meta.id;
    const participating = sorted.filter((f) => f.project[id] !== undefined && (configFor(f.filePath).rules[id]?.severity ?? 0) > 0);
    if (participating.length < 2) continue;
    const input = participating.map((f) => ({
      filePath: f.filePath,
      facts: f.project[id],
      lineOf: (offset: number) => positionAt(f.lineStarts, offset).line,
    }));
    try {
      for (const { filePath, report } of rule.checkProject(input, configFor(participating[0]!.filePath).rules[id]!.options)) {
        const file = byPath.get(filePath);
        if (!file) continue;
        const message = toMessage(id, rule.meta.messages, configFor(filePath).rules[id]!.severity, report, file.lineStarts);
        const line = report.data?.line;
        const related = report.data?.file;
        if (typeof related === 'string' && typeof line === 'number') message.relatedLocation = { filePath: related, line };
        add(filePath, message);
      }
    } catch (error) {
      // As in the per-file pass: name the rule, keep the run going (reported once, on the first file).
      add(participating[0]!.filePath, internalError(id, error, 'in the cross-file pass'));
    }
  }
  return out;
}
