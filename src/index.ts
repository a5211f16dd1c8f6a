// The Node API: `import { lintText, lintFiles, formatters } from 'patchlint'`.
export { lintText } from './linter.js';
export type { LintTextOptions } from './linter.js';
export { lintFiles } from './lint-files.js';
export type { LintFilesOptions, LintFilesResult } from './lint-files.js';
export { presetConfig, PRESET_NAMES } from './config/presets.js';
export type { PresetName } from './config/presets.js';
export { loadFormatter, FORMATTER_NAMES } from './formatters/index.js';
export type { Formatter, FormatterContext } from './formatters/index.js';
export { rules } from '../rules/index.js';
export type * from './types.js';
export type { PatchModel, PatchMessage, Entry, Key, Value, TableShape, LoadTimeSend, GuardInfo, Range } from './model/index.js';
export type { Rule, RuleMeta, RuleContext, Report } from './rule.js';
