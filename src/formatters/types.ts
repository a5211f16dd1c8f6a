import type { LintResult } from '../types.js';

export interface FormatterContext {
  /** Paths are shown relative to this folder. */
  cwd: string;
  /** Colours on (stylish only). */
  color: boolean;
}

/** A formatter is a pure function of the results: no I/O, no process state. */
export type Formatter = (results: LintResult[], context: FormatterContext) => string;
