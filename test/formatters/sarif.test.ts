import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { rulesMeta } from '../../src/engine/rules-meta.js';
import sarif from '../../src/formatters/sarif.js';
import { makeResult } from '../../src/engine/results.js';
import type { LintMessage } from '../../src/shared/results.js';
import { CWD, nilValue, parseError, result, upperKey } from './results.js';

const schema = JSON.parse(readFileSync('test/fixtures/schemas/sarif-2.1.0-rtm.5.json', 'utf8'));
const validate = new Ajv({ unicodeRegExp: false, strict: false, logger: false }).compile(schema);
const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

/** The formatter as the CLI calls it: with the rules' metadata. */
function run(results: Parameters<typeof sarif>[0], context: Parameters<typeof sarif>[1]) {
  const log = JSON.parse(sarif(results, { rulesMeta: rulesMeta(), ...context }));
  expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
  return log.runs[0];
}

describe('sarif formatter', () => {
  it('the schema validator really rejects a broken log', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] })).toBe(false);
  });

  it('describes the tool: name, version, information URI, every rule and the built-in ids', () => {
    const tool = run([], { cwd: CWD, color: false }).tool.driver;
    expect(tool.name).toBe('patchlint');
    expect(tool.semanticVersion).toBe(VERSION);
    expect(tool.informationUri).toBe('https://www.npmjs.com/package/patchlint');
    expect(tool.rules.map((r: { id: string }) => r.id)).toEqual([
      ...rules.map((r) => r.meta.id), 'patchlint/parse-error', 'patchlint/internal-error', 'patchlint/directive', 'patchlint/ignored-file',
    ]);
    const lowercase = tool.rules[1];
    const url = `https://unpkg.com/patchlint@${VERSION}/docs/rules/lowercase-key.md`;
    expect(lowercase).toEqual({
      id: 'lowercase-key',
      shortDescription: { text: rules[1]!.meta.description },
      fullDescription: { text: `${rules[1]!.meta.description} ${rules[1]!.meta.why} Rule documentation: ${url}` },
      helpUri: url,
      help: {
        text: `${rules[1]!.meta.description} ${rules[1]!.meta.why} See ${url}`,
        markdown: `${rules[1]!.meta.description}\n\n${rules[1]!.meta.why}\n\n[Rule documentation](${url})`,
      },
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['patchlint', 'hyperbeam'] },
    });
    expect(tool.rules.find((r: { id: string }) => r.id === 'nil-value').defaultConfiguration).toEqual({ level: 'warning' });
  });

  it('reports each problem with ruleId, ruleIndex, level, text and a 1-based region relative to %SRCROOT%', () => {
    const { results, columnKind, tool } = run([result('src/a.lua', [upperKey, nilValue]), result('b.lua', [parseError])], { cwd: CWD, color: false });
    expect(columnKind).toBe('utf16CodeUnits');
    expect(results).toEqual([
      {
        ruleId: 'lowercase-key', ruleIndex: 1, level: 'error', message: { text: "Key 'Score' has upper-case letters." },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'src/a.lua', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 40, endLine: 3, endColumn: 45 } } }],
      },
      {
        ruleId: 'nil-value', ruleIndex: 11, level: 'warning', message: { text: "'winner = nil' does nothing." },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'src/a.lua', uriBaseId: '%SRCROOT%' }, region: { startLine: 4, startColumn: 7, endLine: 4, endColumn: 13 } } }],
      },
      {
        ruleId: 'patchlint/parse-error', ruleIndex: rules.length, level: 'error', message: { text: "Parsing error: '}' expected near ')'" },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'b.lua', uriBaseId: '%SRCROOT%' }, region: { startLine: 2, startColumn: 52 } } }],
      },
    ]);
    for (const r of results) expect(tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
  });

  it('carries duplicate-key-case\'s first occurrence as a related location, relative, also in the message', () => {
    const first = path.join(CWD, 'a.lua');
    const duplicate: LintMessage = {
      ruleId: 'duplicate-key-case', severity: 2, messageId: 'otherFile',
      message: `Key 'cache/Score' differs only in case from 'cache/score' in ${first}:7: use one spelling.`,
      line: 1, column: 5, endLine: 1, endColumn: 10, relatedLocation: { filePath: first, line: 7 },
    };
    const [entry] = run([result('b.lua', [duplicate])], { cwd: CWD, color: false }).results;
    expect(entry.message.text).toBe("Key 'cache/Score' differs only in case from 'cache/score' in a.lua:7: use one spelling.");
    expect(entry.relatedLocations).toEqual([
      { id: 1, physicalLocation: { artifactLocation: { uri: 'a.lua', uriBaseId: '%SRCROOT%' }, region: { startLine: 7 } }, message: { text: 'First occurrence of the key.' } },
    ]);
  });

  it('lists suppressed problems with an in-source suppression and its justification', () => {
    const r = result('a.lua', []);
    r.suppressedMessages = [{ ...upperKey, suppressions: [{ kind: 'directive', justification: 'legacy readers' }] }];
    const [entry] = run([r], { cwd: CWD, color: false }).results;
    expect(entry.suppressions).toEqual([{ kind: 'inSource', justification: 'legacy readers' }]);
  });

  it('percent-encodes file names into URI references and keeps <text> (stdin) a valid relative reference', () => {
    const { results } = run([
      result('dir with space/100%#?.lua', [upperKey]),
      makeResult('<text>', [upperKey]),
    ], { cwd: CWD, color: false });
    expect(results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri)).toEqual(['dir%20with%20space/100%25%23%3F.lua', '%3Ctext%3E']);
  });

  it('gives a whole-file problem (line 0: an ignored file) no region and its own id', () => {
    const ignored: LintMessage = { ruleId: null, severity: 1, message: 'File ignored because of a matching ignore pattern. Use "--no-ignore" to lint it.', line: 0, column: 0 };
    const { results: [entry], tool } = run([result('vendor/x.lua', [ignored])], { cwd: CWD, color: false });
    expect(entry).toMatchObject({ ruleId: 'patchlint/ignored-file', ruleIndex: rules.length + 3, level: 'warning' });
    expect(tool.driver.rules[rules.length + 3].defaultConfiguration).toEqual({ level: 'warning' });
    expect(entry.locations).toEqual([{ physicalLocation: { artifactLocation: { uri: 'vendor/x.lua', uriBaseId: '%SRCROOT%' } } }]);
  });

  it('describes an id the registry does not know instead of dropping its results', () => {
    const { results, tool } = run([result('a.lua', [{ ...upperKey, ruleId: 'future-rule' }])], { cwd: CWD, color: false });
    expect(results[0].ruleIndex).toBe(rules.length + 4);
    expect(tool.driver.rules[rules.length + 4]).toMatchObject({ id: 'future-rule', defaultConfiguration: { level: 'error' } });
  });

  it('is deterministic and free of absolute paths', () => {
    const input = [result('a.lua', [upperKey, nilValue])];
    const a = sarif(input, { cwd: CWD, color: false });
    expect(sarif(input, { cwd: CWD, color: false })).toBe(a);
    expect(a).not.toContain(CWD);
    expect(a).not.toMatch(/\d{4}-\d\d-\d\dT/);
  });
});
