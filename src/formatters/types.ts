import type { LintResult, RulesMeta } from '../shared/results.js';

export interface FormatterContext {
  /** Paths are shown relative to this folder. */
  cwd: string;
  /** Colours on (stylish only). */
  color: boolean;
  /**
   * What is known of each rule, by id (ESLint's `rulesMeta`): SARIF describes every rule from
   * it. The CLI passes it; the Node API's formatters fill it in when it is left out.
   */
  rulesMeta?: RulesMeta;
  /** Lines the human-readable formats (stylish, compact) end with: advice about the whole run. */
  notes?: readonly string[];
  /**
   * The run's size and time, for stylish's footer on runs of more than a few files (luacheck
   * prints a total too). The CLI passes it; left out, no footer line (the output stays a pure
   * function of the results, for tests and the Node API).
   */
  run?: { files: number; milliseconds: number };
}

/** Stylish names the file count and the time only past this many files (one file needs no total). */
export const SUMMARY_AFTER_FILES = 5;

/** A formatter is a pure function of the results: no I/O, no process state. */
export type Formatter = (results: LintResult[], context: FormatterContext) => string;
