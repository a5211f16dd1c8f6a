// The patch model of one file (the heart of patchlint): text in, one finished model out.
// Rules read only its types (through rules/kit.ts); docs/model.md describes it.
export { buildModel, emptyModel } from './build.js';
export type { ModelOptions, ModelStats } from './build.js';
export { mayHavePatchMessage } from './prefilter.js';
export { ModuleLoader } from './modules.js';
export type { ModuleSource } from './modules.js';
export type * from './types.js';
