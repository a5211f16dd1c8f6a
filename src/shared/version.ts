// patchlint's version: a constant defined by the bundler (scripts/build.js); when running from
// source (vitest), read from package.json.
import { createRequire } from 'node:module';

declare const PATCHLINT_VERSION: string;

export function patchlintVersion(): string {
  if (typeof PATCHLINT_VERSION === 'string') return PATCHLINT_VERSION;
  return (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
}
