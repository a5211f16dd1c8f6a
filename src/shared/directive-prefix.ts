/**
 * Every `-- patchlint-...` directive comment starts (after white space) with this text. Shared by
 * the directive parser (src/engine/directives/parse.ts) and the tree-less syntax check
 * (src/lua/syntax-only.ts), which leaves a file that has one to the full parse.
 */
export const DIRECTIVE_PREFIX = 'patchlint-';
