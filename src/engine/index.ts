// The engine (ESLint's Linter): lint texts with resolved configs, no file system.
export { lintFile } from './lint-file.js';
export type { FileLint, LintFileOptions } from './lint-file.js';
export { finishFile, finishFiles } from './finish.js';
export { lintTexts } from './pipeline.js';
export type { SourceFile } from './pipeline.js';
export { makeResult, recount } from './results.js';
export { rulesMeta, ruleDocUrl } from './rules-meta.js';
export { applyFixes, fixOnce, fixInPasses, MAX_FIX_PASSES } from './fix.js';
