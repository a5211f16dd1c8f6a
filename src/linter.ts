// lintText: the file-system-free core. parse → model → rules → messages.
// lintProject: the per-file results plus the cross-file pass (duplicate-key-case).
import { rules as registry, ruleById } from '../rules/index.js';
import { buildModel, type PatchModel, type Range } from './model/index.js';
import { parseLua } from './parse.js';
import { mayHavePatchMessage } from './patch-prefilter.js';
import { presetConfig } from './config/presets.js';
import { applyDirectives } from './directives/apply.js';
import { parseDirectives, type FileDirectives } from './directives/parse.js';
import type { AnyRule, Report, RuleContext } from './rule.js';
import { escapeForMessage, lineStarts, positionAt } from './text.js';
import type { LintMessage, LintResult, ResolvedConfig, RuleSetting } from './types.js';

export interface LintTextOptions {
  filePath?: string;
  config?: ResolvedConfig;
}

/** What the project pass needs from one file (plain data, so it can be cached). */
export interface FileFacts {
  filePath: string;
  /** Facts collected by rules with a project pass, by rule id. */
  project: Record<string, unknown>;
  /** Offsets at which lines start, for positions of project reports. */
  lineStarts: number[];
  /** `-- patchlint-...` comments, applied again after the project pass adds reports. */
  directives?: FileDirectives;
}

export interface FileLint {
  result: LintResult;
  facts: FileFacts;
}

let defaultConfig: ResolvedConfig | null = null;

/** The rules that run under this config, in registry order, with their settings. */
function rulesOn(config: ResolvedConfig): [AnyRule, RuleSetting][] {
  const on: [AnyRule, RuleSetting][] = [];
  for (const rule of registry) {
    const setting = config.rules[rule.meta.id];
    if (setting && setting.severity !== 0) on.push([rule, setting]);
  }
  return on;
}

export function lintText(text: string, options: LintTextOptions = {}): LintResult {
  return lintSource(text, options).result;
}

export function lintSource(text: string, options: LintTextOptions = {}): FileLint {
  const filePath = options.filePath ?? '<text>';
  const config = options.config ?? (defaultConfig ??= presetConfig('recommended'));
  const starts = lineStarts(text);
  const facts: FileFacts = { filePath, project: {}, lineStarts: starts };
  const messages: LintMessage[] = [];
  const parsed = parseLua(text);
  if (!parsed.ok) {
    const pos = positionAt(starts, parsed.offset);
    messages.push({
      ruleId: null, fatal: true, severity: 2,
      message: `Parsing error: ${escapeForMessage(parsed.message, 200)}`,
      line: parsed.tooDeep ? 1 : pos.line, column: parsed.tooDeep ? 1 : pos.column,
    });
    return { result: makeResult(filePath, messages, text), facts };
  }
  const running = rulesOn(config);
  let model: PatchModel;
  try {
    // The model (the costly step after parsing) is built only when a rule will read it and the
    // text can hold a patch message (a `device` or `method` key); otherwise it is empty. A file
    // with every rule off is still parsed: its syntax errors and directives are reported.
    model = running.length > 0 && mayHavePatchMessage(text) ? buildModel(parsed.ast, text) : { patches: [], loadTimeSends: [] };
  } catch (error) {
    messages.push(internalError(null, error));
    return { result: makeResult(filePath, messages, text), facts };
  }
  const directKeys = (config.rules['require-cache']?.severity ?? 0) === 0;
  const seen = new Set<string>();
  for (const [rule, setting] of running) {
    const severity = setting.severity;
    const context: RuleContext<unknown> = {
      options: setting.options,
      directKeys,
      source: text,
      lineOf: (offset) => positionAt(starts, offset).line,
      report(report) {
        const message = toMessage(rule.meta.id, rule.meta.messages, severity, report, starts);
        if (report.related) message.relatedLocation = { filePath, line: positionAt(starts, report.related[0]).line };
        const key = `${message.ruleId}\0${report.range[0]}\0${report.range[1]}\0${message.message}`;
        if (seen.has(key)) return;
        seen.add(key);
        messages.push(message);
      },
    };
    try {
      rule.check(model, context);
      if (rule.collect) facts.project[rule.meta.id] = rule.collect(model, context);
    } catch (error) {
      messages.push(internalError(rule.meta.id, error));
    }
  }
  const result = makeResult(filePath, messages, text);
  facts.directives = parseDirectives(parsed.ast.comments, text, starts);
  applyDirectives(result, facts.directives, config.reportUnusedDisableDirectives === true);
  if (result.messages.length > 0 || result.suppressedMessages.length > 0) result.source = text;
  return { result, facts };
}

/**
 * Runs the cross-file checks over files already linted (sorted by path) and adds their
 * reports to the results. `configFor` gives each file's config (rules may be off per file).
 * `sourceOf` gives the text of a file that had no problems of its own (results carry `source`
 * only when they have problems, so such a file's text was not kept) and now gets one.
 */
export function lintProject(files: FileLint[], configFor: (filePath: string) => ResolvedConfig, sourceOf: (filePath: string) => string | undefined): void {
  const sorted = [...files].sort((a, b) => (a.facts.filePath < b.facts.filePath ? -1 : a.facts.filePath > b.facts.filePath ? 1 : 0));
  const byPath = new Map(sorted.map((f) => [f.facts.filePath, f]));
  const touched = new Set<FileLint>();
  for (const rule of registry) {
    if (!rule.checkProject) continue;
    const id = rule.meta.id;
    const participating = sorted.filter((f) => f.facts.project[id] !== undefined && (configFor(f.facts.filePath).rules[id]?.severity ?? 0) > 0);
    if (participating.length < 2) continue;
    const input = participating.map((f) => ({
      filePath: f.facts.filePath,
      facts: f.facts.project[id],
      lineOf: (offset: number) => positionAt(f.facts.lineStarts, offset).line,
    }));
    let reports: ReturnType<NonNullable<typeof rule.checkProject>>;
    try {
      reports = [...rule.checkProject(input, configFor(participating[0]!.facts.filePath).rules[id]!.options)];
    } catch (error) {
      // As in the per-file pass: name the rule, keep the run going (reported once, on the first file).
      const first = participating[0]!;
      const failure = internalError(id, error);
      first.result.messages.push({ ...failure, message: failure.message.replace('on this file', 'in the cross-file pass') });
      touched.add(first);
      continue;
    }
    for (const { filePath, report } of reports) {
      const file = byPath.get(filePath);
      if (!file) continue;
      const severity = configFor(filePath).rules[id]!.severity as 1 | 2;
      const message = toMessage(id, rule.meta.messages, severity, report, file.facts.lineStarts);
      const line = report.data?.line;
      const related = report.data?.file;
      if (typeof related === 'string' && typeof line === 'number') message.relatedLocation = { filePath: related, line };
      file.result.messages.push(message);
      touched.add(file);
    }
  }
  // Sorted and counted once per file, however many reports it got; directives also cover the
  // cross-file reports, so the suppression post-pass runs again (once per file).
  for (const file of touched) {
    file.result.messages.sort(byPosition);
    recount(file.result);
    if (file.facts.directives) applyDirectives(file.result, file.facts.directives, configFor(file.facts.filePath).reportUnusedDisableDirectives === true);
    if (file.result.source === undefined) {
      const source = sourceOf(file.facts.filePath);
      if (source !== undefined) file.result.source = source;
    }
  }
}

function toMessage(ruleId: string, messages: Record<string, string>, severity: 1 | 2 | 0, report: Report, starts: number[]): LintMessage {
  const start = positionAt(starts, report.range[0]);
  const end = positionAt(starts, report.range[1]);
  const message: LintMessage = {
    ruleId,
    severity: severity === 2 ? 2 : 1,
    message: interpolate(messages[report.messageId] ?? report.messageId, report.data),
    messageId: report.messageId,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
  };
  if (report.fix) message.fix = { range: report.fix.range, text: report.fix.text };
  if (report.suggest?.length) {
    message.suggestions = report.suggest.map((s) => ({
      desc: interpolate(messages[s.messageId] ?? s.messageId, s.data),
      messageId: s.messageId,
      fix: { range: s.fix.range, text: s.fix.text },
    }));
  }
  return message;
}

/** `{{name}}` placeholders; text from the linted file is escaped so it cannot carry control characters. */
export function interpolate(template: string, data: Record<string, string | number> | undefined): string {
  if (!data) return template;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    const value = data[name];
    return value === undefined ? whole : escapeForMessage(String(value));
  });
}

function internalError(ruleId: string | null, error: unknown): LintMessage {
  let text: string;
  try {
    text = error instanceof Error ? error.message : String(error);
  } catch {
    text = 'a value that cannot be shown'; // e.g. a thrown object without a prototype
  }
  const detail = escapeForMessage(text, 200);
  const message = ruleId ? `Rule '${ruleId}' failed on this file: ${detail}` : `Internal error while analysing this file: ${detail}`;
  return { ruleId, fatal: true, severity: 2, message, line: 1, column: 1 };
}

function byPosition(a: LintMessage, b: LintMessage): number {
  return a.line - b.line || a.column - b.column || (a.ruleId ?? '').localeCompare(b.ruleId ?? '');
}

export function makeResult(filePath: string, messages: LintMessage[], source: string): LintResult {
  messages.sort(byPosition);
  const result: LintResult = {
    filePath, messages, suppressedMessages: [],
    errorCount: 0, fatalErrorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0,
    usedDeprecatedRules: [],
  };
  recount(result);
  if (messages.length > 0) result.source = source;
  return result;
}

export function recount(result: LintResult): void {
  let errors = 0, fatal = 0, warnings = 0, fixableErrors = 0, fixableWarnings = 0;
  for (const m of result.messages) {
    if (m.severity === 2) {
      errors++;
      if (m.fatal) fatal++;
      if (m.fix) fixableErrors++;
    } else {
      warnings++;
      if (m.fix) fixableWarnings++;
    }
  }
  Object.assign(result, { errorCount: errors, fatalErrorCount: fatal, warningCount: warnings, fixableErrorCount: fixableErrors, fixableWarningCount: fixableWarnings });
}

export { ruleById };
export type { Range };
