// The per-file lint, with no file system: text → parse → patch model → rules → messages. Its
// result is plain data (cached, sent back from worker threads); the cross-file pass and the
// finishing step (finish.ts) turn it into a LintResult.
import { rules as registry } from '../../rules/index.js';
import type { AnyRule, RuleContext } from '../../rules/kit.js';
import { parseLua } from '../lua/parse.js';
import { buildModel, emptyModel, mayHavePatchMessage, type KeyStyle, type PatchModel } from '../model/index.js';
import { escapeForMessage } from '../shared/escape.js';
import { lineStarts, positionAt } from '../shared/positions.js';
import type { LintMessage, ResolvedConfig, RuleSetting } from '../shared/results.js';
import { parseDirectives, type FileDirectives } from './directives/parse.js';
import { internalError, toMessage } from './messages.js';

/** One file's lint before the cross-file pass and the directives: plain data. */
export interface FileLint {
  filePath: string;
  /** What the rules reported (and a fatal parse or internal error), before directives. */
  messages: LintMessage[];
  /** Facts for the cross-file pass, by rule id (rules with `checkProject`). */
  project: Record<string, unknown>;
  /** Offsets at which lines start, for positions of cross-file reports. */
  lineStarts: number[];
  /** The `-- patchlint-...` comments (null when the file did not parse). */
  directives: FileDirectives | null;
  /** The text, kept when the result may show problems (results carry `source` then, as ESLint's do). */
  source?: string;
}

export interface LintFileOptions {
  filePath: string;
  config: ResolvedConfig;
}

export function lintFile(text: string, { filePath, config }: LintFileOptions): FileLint {
  const starts = lineStarts(text);
  const file: FileLint = { filePath, messages: [], project: {}, lineStarts: starts, directives: null };
  const parsed = parseLua(text);
  if (!parsed.ok) {
    const pos = positionAt(starts, parsed.offset);
    file.messages.push({
      ruleId: null, fatal: true, severity: 2,
      message: `Parsing error: ${escapeForMessage(parsed.message, 200)}`,
      line: parsed.tooDeep ? 1 : pos.line, column: parsed.tooDeep ? 1 : pos.column,
    });
    file.source = text;
    return file;
  }
  const running = rulesOn(config);
  const keyStyle: KeyStyle = (config.rules['require-cache']?.severity ?? 0) === 0 ? 'direct' : 'cache';
  let model: PatchModel;
  try {
    // The model (the costly step after parsing) is built only when a rule will read it and the
    // text can hold a patch message (a `device` or `method` key); otherwise it is empty. A file
    // with every rule off is still parsed: its syntax errors and directives are reported.
    model = running.length > 0 && mayHavePatchMessage(text) ? buildModel(parsed.ast, text, { keyStyle }) : emptyModel(keyStyle);
  } catch (error) {
    file.messages.push(internalError(null, error));
    file.source = text;
    return file;
  }
  runRules(running, model, text, file);
  file.directives = parseDirectives(parsed.ast.comments, text, starts);
  if (file.messages.length > 0 || file.directives.directives.length > 0 || file.directives.problems.length > 0) file.source = text;
  return file;
}

/** The rules that run under this config, in registry order, with their settings. */
function rulesOn(config: ResolvedConfig): [AnyRule, RuleSetting][] {
  const on: [AnyRule, RuleSetting][] = [];
  for (const rule of registry) {
    const setting = config.rules[rule.meta.id];
    if (setting && setting.severity !== 0) on.push([rule, setting]);
  }
  return on;
}

function runRules(running: [AnyRule, RuleSetting][], model: PatchModel, text: string, file: FileLint): void {
  const starts = file.lineStarts;
  // A wrapper's template and its calls may report the same thing at the same place: once.
  const seen = new Set<string>();
  for (const [rule, setting] of running) {
    const { id, messages } = rule.meta;
    const context: RuleContext<unknown> = {
      options: setting.options,
      source: text,
      lineOf: (offset) => positionAt(starts, offset).line,
      report(report) {
        const message = toMessage(id, messages, setting.severity, report, starts);
        if (report.related) message.relatedLocation = { filePath: file.filePath, line: positionAt(starts, report.related[0]).line };
        const key = `${id}\0${report.range[0]}\0${report.range[1]}\0${message.message}`;
        if (seen.has(key)) return;
        seen.add(key);
        file.messages.push(message);
      },
    };
    try {
      const facts = rule.check(model, context);
      if (rule.checkProject) file.project[id] = facts;
    } catch (error) {
      file.messages.push(internalError(id, error));
    }
  }
}
