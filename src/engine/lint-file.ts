// The per-file lint, with no file system: text → parse (or, for a file that needs no patch model,
// the tree-less syntax check) → patch model → rules → messages. Its
// result is plain data (cached, sent back from worker threads); the cross-file pass and the
// finishing step (finish.ts) turn it into a LintResult.
import { rules as registry } from '../../rules/index.js';
import type { AnyRule, RuleContext } from '../../rules/kit.js';
import { parseLua } from '../lua/parse.js';
import { parsesCleanly } from '../lua/syntax-only.js';
import { buildModel, emptyModel, mayHavePatchMessage, type KeyStyle, type ModuleFile, type ModuleLoader, type PatchModel, type Place } from '../model/index.js';
import { escapeForMessage } from '../shared/escape.js';
import { lineStarts, positionAt } from '../shared/positions.js';
import { DEFAULT_MAX_FILE_SIZE, type LintMessage, type ResolvedConfig, type RuleSetting } from '../shared/results.js';
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
  /** Module files (loaded with `require`) whose text this lint read: a cached lint depends on them. */
  modules: string[];
  /**
   * Problems in a table that a module's function returns: reported in that module when it is
   * linted in the same run (`message`), else at the call in this file (`fallback`).
   */
  elsewhere: ElsewhereMessage[];
}

export interface ElsewhereMessage {
  filePath: string;
  message: LintMessage;
  fallback: LintMessage;
}

export interface LintFileOptions {
  filePath: string;
  config: ResolvedConfig;
  /** Reads the modules the file requires (for the tables their functions return); none: not followed. */
  modules?: ModuleLoader | null;
  /** needsSyntaxTree(text, config), when the caller has already asked it (per-file.ts routes files by it). */
  needsTree?: boolean;
}

/** "its 52.4 MB are over the 8 MB limit", or null when the text is within the limit. */
export function sizeOverLimit(text: string, limit: number): string | null {
  // UTF-8 bytes: at least one per UTF-16 unit, at most three; counted only near the limit.
  if (text.length * 3 <= limit) return null;
  const bytes = text.length > limit ? text.length : Buffer.byteLength(text, 'utf8');
  if (bytes <= limit) return null;
  return `its ${size(bytes)} are over the ${size(limit)} limit`;
}

function size(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  return `${(n / (1024 * 1024)).toFixed(n < 10 * 1024 * 1024 ? 1 : 0).replace(/\.0$/, '')} MB`;
}

export function lintFile(text: string, { filePath, config, modules = null, needsTree }: LintFileOptions): FileLint {
  const tooLarge = sizeOverLimit(text, config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
  if (tooLarge) {
    // Parsing it could take minutes and gigabytes, or end the whole run out of memory.
    const message = `File not linted: ${tooLarge} (--max-file-size). Files this large are generated data, not process code; raise the limit to lint it anyway.`;
    return { filePath, messages: [{ ruleId: null, severity: 1, message, line: 1, column: 1 }], project: {}, lineStarts: [0], directives: null, modules: [], elsewhere: [] };
  }
  const starts = lineStarts(text);
  const file: FileLint = { filePath, messages: [], project: {}, lineStarts: starts, directives: null, modules: [], elsewhere: [] };
  const running = rulesOn(config);
  const keyStyle = keyStyleOf(config);
  if (!(needsTree ?? needsSyntaxTree(text, config)) && parsesCleanly(text)) {
    runRules(running, emptyModel(keyStyle), text, file);
    if (!config.noInlineConfig) file.directives = { directives: [], problems: [] };
    if (file.messages.length > 0 || file.elsewhere.length > 0) file.source = text;
    return file;
  }
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
  let model: PatchModel;
  try {
    // A file with every rule off is still parsed: its syntax errors and directives are reported.
    const wantsModel = running.length > 0 && mayHavePatchMessage(text);
    model = wantsModel ? buildModel(parsed.ast, text, { keyStyle, filePath, modules }) : emptyModel(keyStyle);
  } catch (error) {
    file.messages.push(internalError(null, error));
    file.source = text;
    return file;
  }
  file.modules = model.modules.map((m) => m.filePath);
  runRules(running, model, text, file);
  // --no-inline-config: the comments are plain comments (ESLint ignores them silently too).
  if (!config.noInlineConfig) file.directives = parseDirectives(parsed.ast.comments, text, starts);
  if (file.messages.length > 0 || file.elsewhere.length > 0 || (file.directives !== null && (file.directives.directives.length > 0 || file.directives.problems.length > 0))) file.source = text;
  return file;
}

/**
 * Whether linting this text needs luaparse's syntax tree for the patch model: built only when a
 * rule will read it and the text can hold a patch message (src/model/prefilter.ts). Most files
 * of a real repository need none, only their syntax errors, which the tree-less check
 * (src/lua/syntax-only.ts) rules out about five times faster than luaparse. That check answers
 * only when sure (and a file with directive comments, which the tree holds, makes it unsure); a
 * file it is unsure of gets the full parse, which reports the error it found. So the costly
 * files are the ones this says yes to (per-file.ts sends those to the worker threads).
 */
export function needsSyntaxTree(text: string, config: ResolvedConfig): boolean {
  return rulesOn(config).length > 0 && mayHavePatchMessage(text);
}

/** require-cache off means the direct-keys style: root data keys are the exposed keys. */
export function keyStyleOf(config: ResolvedConfig): KeyStyle {
  return (config.rules['require-cache']?.severity ?? 0) === 0 ? 'direct' : 'cache';
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
  const moduleStarts = new Map<ModuleFile, number[]>();
  const startsOf = (module: ModuleFile) => {
    let found = moduleStarts.get(module);
    if (!found) moduleStarts.set(module, (found = lineStarts(module.text)));
    return found;
  };
  for (const [rule, setting] of running) {
    const { id, messages } = rule.meta;
    const context: RuleContext<unknown> = {
      options: setting.options,
      source: text,
      lineOf: (offset) => positionAt(starts, offset).line,
      report(report) {
        const place: Place = Array.isArray(report.range) ? { range: report.range, module: null, call: null } : report.range;
        const module = place.module;
        if (module === null) {
          const message = toMessage(id, messages, setting.severity, { ...report, range: place.range }, starts);
          if (report.related) message.relatedLocation = { filePath: file.filePath, line: positionAt(starts, report.related[0]).line };
          const key = `${id}\0${place.range[0]}\0${place.range[1]}\0${message.message}`;
          if (seen.has(key)) return;
          seen.add(key);
          file.messages.push(message);
          return;
        }
        // In a module: no fix or suggestion (they would edit another file's text).
        const plain = { range: place.range, messageId: report.messageId, ...(report.data ? { data: report.data } : {}) };
        const message = toMessage(id, messages, setting.severity, plain, startsOf(module));
        const key = `${id}\0${module.filePath}\0${place.range[0]}\0${place.range[1]}\0${message.message}`;
        if (seen.has(key)) return;
        seen.add(key);
        const call = place.call!;
        const fallback = toMessage(id, messages, setting.severity, { ...plain, range: call.range }, starts);
        fallback.message += ` (returned by ${escapeForMessage(call.callee)}(), ${module.filePath}:${message.line})`;
        fallback.relatedLocation = { filePath: module.filePath, line: message.line };
        file.elsewhere.push({ filePath: module.filePath, message, fallback });
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
