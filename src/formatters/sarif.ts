// SARIF 2.1.0 for GitHub code scanning (github/codeql-action/upload-sarif) and other SARIF
// viewers. Deterministic: no timestamps, no absolute paths, rules in registry order, so the
// same input always gives byte-identical output.
import { escapeForMessage } from '../shared/escape.js';
import type { LintMessage, RulesMeta } from '../shared/results.js';
import { patchlintVersion } from '../shared/version.js';
import type { Formatter } from './types.js';
import { messageText, relativePath } from './paths.js';
import { BUILT_IN_IDS, problemId } from './rule-ids.js';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://www.npmjs.com/package/patchlint';
/** Where GitHub's code scanning resolves relative URIs: the repository root (checkout). */
const SRCROOT = '%SRCROOT%';

type Level = 'error' | 'warning' | 'note' | 'none';

interface RuleDescriptor {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri?: string;
  help: { text: string; markdown: string };
  defaultConfiguration: { level: Level };
  properties: { tags: string[] };
}

const sarif: Formatter = (results, context) => {
  const version = patchlintVersion();
  const descriptors = ruleDescriptors(context.rulesMeta ?? {});
  const index = new Map(descriptors.map((d, i) => [d.id, i]));
  const out: unknown[] = [];
  for (const result of results) {
    const uri = toUri(relativePath(result.filePath, context.cwd));
    const emit = (m: LintMessage, suppressed: boolean) => {
      const id = problemId(m);
      if (!index.has(id)) {
        // An id the registry does not know (a future rule, a plugin): describe it minimally.
        index.set(id, descriptors.length);
        descriptors.push(describe(id, 'A patchlint check.', m.severity === 2 ? 'error' : 'warning', undefined));
      }
      const physicalLocation: Record<string, unknown> = { artifactLocation: { uri, uriBaseId: SRCROOT } };
      // Line 0 means the whole file (an ignored file): SARIF then has no region.
      if (m.line >= 1) physicalLocation.region = region(m);
      const entry: Record<string, unknown> = {
        ruleId: id,
        ruleIndex: index.get(id),
        level: m.severity === 2 ? 'error' : 'warning',
        message: { text: messageText(m, context.cwd) },
        locations: [{ physicalLocation }],
      };
      if (m.relatedLocation) {
        entry.relatedLocations = [{
          id: 1,
          physicalLocation: {
            artifactLocation: { uri: toUri(relativePath(m.relatedLocation.filePath, context.cwd)), uriBaseId: SRCROOT },
            region: { startLine: m.relatedLocation.line },
          },
          message: { text: id === 'duplicate-key-case' ? 'First occurrence of the key.' : 'Related location.' },
        }];
      }
      if (suppressed) {
        entry.suppressions = (m.suppressions ?? [{ kind: 'directive', justification: '' }]).map((s) =>
          s.justification ? { kind: 'inSource', justification: escapeForMessage(s.justification, 500) } : { kind: 'inSource' });
      }
      out.push(entry);
    };
    for (const m of result.messages) emit(m, false);
    for (const m of result.suppressedMessages ?? []) emit(m, true);
  }
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'patchlint', semanticVersion: version, informationUri: INFORMATION_URI, rules: descriptors } },
      columnKind: 'utf16CodeUnits',
      results: out,
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

function region(m: LintMessage): Record<string, number> {
  const r: Record<string, number> = { startLine: m.line, startColumn: Math.max(m.column, 1) };
  if (m.endLine !== undefined && m.endLine >= m.line) r.endLine = m.endLine;
  if (m.endColumn !== undefined && m.endColumn >= 1) r.endColumn = m.endColumn;
  return r;
}

function ruleDescriptors(rulesMeta: RulesMeta): RuleDescriptor[] {
  const fromRules = Object.entries(rulesMeta).map(([id, rule]) => {
    const level: Level = rule.defaultSeverity === 'error' ? 'error' : rule.defaultSeverity === 'warn' ? 'warning' : 'none';
    return describe(id, rule.description, level, rule.docsUrl, rule.why);
  });
  return [...fromRules, ...BUILT_IN_IDS.map((b) => describe(b.id, b.description, b.level, undefined))];
}

function describe(id: string, description: string, level: Level, helpUri: string | undefined, why?: string): RuleDescriptor {
  const explained = why ? `${description} ${why}` : description;
  const descriptor: RuleDescriptor = {
    id,
    shortDescription: { text: description },
    fullDescription: { text: helpUri ? `${explained} Rule documentation: ${helpUri}` : explained },
    ...(helpUri ? { helpUri } : {}),
    help: {
      text: helpUri ? `${explained} See ${helpUri}` : explained,
      markdown: helpUri ? `${description}\n\n${why ?? ''}\n\n[Rule documentation](${helpUri})`.replace('\n\n\n\n', '\n\n') : explained,
    },
    defaultConfiguration: { level },
    properties: { tags: ['patchlint', 'hyperbeam'] },
  };
  return descriptor;
}

/** A relative URI reference: each path segment percent-encoded (spaces, `%`, `#`, `?`, control characters). */
function toUri(relative: string): string {
  // encodeURIComponent throws on a lone surrogate (a file name no UTF-8 can spell): U+FFFD instead.
  const wellFormed = relative.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  return wellFormed.split('/').map((segment) => encodeURIComponent(segment)).join('/');
}

export default sarif;
