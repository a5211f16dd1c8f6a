// The engine (ESLint's Linter): lint texts with resolved configs, no file system.
export { lintFile, needsSyntaxTree } from './lint-file.js';
export type { ElsewhereMessage, FileLint, LintFileOptions } from './lint-file.js';
export { finishFile, finishFiles } from './finish.js';
export { lintTexts } from './pipeline.js';
export type { LintTextsOptions, SourceFile } from './pipeline.js';
export { makeResult, recount } from './results.js';
export { rulesMeta, ruleDocUrl } from './rules-meta.js';
export { runNotes } from './notes.js';
export { applyFixes, fixOnce, fixInPasses, MAX_FIX_PASSES } from './fix.js';
export { patchStyles, type PatchStyles } from './patch-style.js';
