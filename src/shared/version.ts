// patchlint's version: a constant defined by the bundler (scripts/build.js); when running from
// source (vitest), read from package.json.
import { createRequire } from 'node:module';

declare const PATCHLINT_VERSION: string;

export function patchlintVersion(): string {
  if (typeof PATCHLINT_VERSION === 'string') return PATCHLINT_VERSION;
  return (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
}

declare const PATCHLINT_BUILD: string;
/** When running from source there is no build hash: one id per process, so no cache is reused. */
const SOURCE_BUILD = `source-${process.pid}-${Date.now()}`;

/**
 * What a results cache is keyed on: the version and a hash of the sources the bundle was built
 * from (scripts/build.js), so that another build with the same version number (a local change,
 * a prerelease) never reuses results computed by different rules.
 */
export function patchlintBuild(): string {
  if (typeof PATCHLINT_BUILD === 'string') return PATCHLINT_BUILD;
  return `${patchlintVersion()}+${SOURCE_BUILD}`;
}
