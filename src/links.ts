// Every URL patchlint prints comes from here, so the editor, SARIF and the docs agree.
import { patchlintVersion } from './version.js';

export const REPOSITORY_URL = 'https://github.com/patchlint/patchlint';

/** A rule's page for this exact version: docs/ ships in the npm package and unpkg serves it. */
export function ruleDocUrl(docsPath: string): string {
  return `https://unpkg.com/patchlint@${patchlintVersion()}/${docsPath}`;
}
