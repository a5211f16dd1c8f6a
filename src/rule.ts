// The boundary between the engine and a rule. A rule is metadata plus a `check` over the
// patch model; it reports through the context and never sees files, config or formats.
import type { PatchModel, Range } from './model/index.js';

export type SeverityName = 'off' | 'warn' | 'error';

export interface TextEdit {
  range: Range;
  text: string;
}

/** A small JSON Schema subset, enough for rule options (validated once, at config load). */
export interface OptionSchema {
  type: 'object';
  properties: Record<string, { type: 'boolean' | 'integer' | 'array' | 'string'; items?: { type: 'string' }; minimum?: number; description: string }>;
  additionalProperties: false;
}

export interface RuleMeta<Options> {
  id: string;
  description: string;
  defaultSeverity: SeverityName;
  fixable: boolean;
  hasSuggestions: boolean;
  /** Messages by id, with {{placeholders}}. Each says what is wrong, why, and what to do. */
  messages: Record<string, string>;
  schema: OptionSchema;
  defaults: Options;
  docs: string;
}

export interface Report {
  range: Range;
  messageId: string;
  data?: Record<string, string | number>;
  fix?: TextEdit;
  suggest?: { messageId: string; data?: Record<string, string | number>; fix: TextEdit }[];
  /** Another place in the same file the message refers to (duplicate-key-case: the first occurrence). */
  related?: Range;
}

export interface RuleContext<Options> {
  options: Options;
  /** Root data keys are the exposed keys (require-cache is off: the direct-keys style). */
  directKeys: boolean;
  source: string;
  /** 1-based line of an offset in source. */
  lineOf(offset: number): number;
  report(report: Report): void;
}

/** One occurrence of an exposed key, kept per file for checks across files. */
export interface KeyOccurrence {
  path: string;
  range: Range;
}

export interface ProjectReport {
  filePath: string;
  report: Report;
}

export interface Rule<Options = Record<string, never>> {
  meta: RuleMeta<Options>;
  check(model: PatchModel, context: RuleContext<Options>): void;
  /** Facts for the project pass (must be plain JSON so results can be cached). */
  collect?(model: PatchModel, context: RuleContext<Options>): unknown;
  /** Runs once over all linted files (in sorted path order) after the per-file pass. */
  checkProject?(files: { filePath: string; facts: unknown; lineOf(offset: number): number }[], options: Options): ProjectReport[];
}

export type AnyRule = Rule<any>;

export function defineRule<Options>(rule: Rule<Options>): Rule<Options> {
  return rule;
}
