// A patchlint message as an LSP diagnostic: rule id as `code`, a link to the rule's page,
// the severity mapped, and the first occurrence of a duplicate key as related information.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import { rulesMeta } from '../engine/index.js';
import type { LintMessage } from '../shared/results.js';
import { messageRange } from './positions.js';

export interface DiagnosticOptions {
  /** The URI of a file named by a message's related location, or null when unknown. */
  uriOf?: (filePath: string) => string | null;
  /** The client shows `relatedInformation` (capability textDocument.publishDiagnostics.relatedInformation). */
  relatedInformation?: boolean;
}

export function toDiagnostic(message: LintMessage, options: DiagnosticOptions = {}): Diagnostic {
  const diagnostic: Diagnostic = {
    range: messageRange(message),
    severity: message.severity === 2 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: 'patchlint',
    message: message.message,
  };
  const rule = message.ruleId ? rulesMeta()[message.ruleId] : undefined;
  // The one-line message first, the why as a second paragraph (editors show both on hover).
  if (rule && !message.fatal) diagnostic.message = `${message.message}\n\n${rule.why}`;
  if (message.ruleId) diagnostic.code = message.ruleId;
  if (rule) diagnostic.codeDescription = { href: ruleDocHref(message.ruleId!, rule.docsUrl) };
  const related = message.relatedLocation;
  const relatedUri = related && options.relatedInformation ? options.uriOf?.(related.filePath) : null;
  if (related && relatedUri) {
    const line = related.line - 1;
    const info: DiagnosticRelatedInformation = {
      location: { uri: relatedUri, range: { start: { line, character: 0 }, end: { line, character: 0 } } },
      message: 'First spelling of this key',
    };
    diagnostic.relatedInformation = [info];
  }
  return diagnostic;
}

/** The diagnostic shown instead of linting when the document's config cannot be loaded. */
export function configErrorDiagnostic(error: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    source: 'patchlint',
    message: `patchlint cannot lint this file: ${error}`,
  };
}

let shippedDocs: string | null | undefined;
/** Each rule's link, worked out once (a diagnostic is made on every lint of every open document). */
const hrefs = new Map<string, string>();

/**
 * The rule's page as shipped with this patchlint (docs/ is in the npm package and in a clone):
 * a file: URL the editor opens, which resolves offline and before a version is published;
 * the published page (unpkg) only when the docs are not beside the code.
 */
function ruleDocHref(ruleId: string, publishedUrl: string): string {
  const known = hrefs.get(ruleId);
  if (known !== undefined) return known;
  if (shippedDocs === undefined) {
    // This module runs from src/lsp/, dist/chunks/ (both builds) or, bundled differently, dist/.
    const candidates = ['../../docs/rules', '../docs/rules'].map((relative) => fileURLToPath(new URL(relative, import.meta.url)));
    shippedDocs = candidates.find((folder) => existsSync(folder)) ?? null;
  }
  const page = shippedDocs === null ? null : `${shippedDocs}/${ruleId}.md`;
  const href = page !== null && existsSync(page) ? pathToFileURL(page).href : publishedUrl;
  hrefs.set(ruleId, href);
  return href;
}
