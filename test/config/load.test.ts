// Config files: lookup, every one-line error (file, JSON path, what was expected), and --rule.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, findConfigFile, loadConfigFile, parseRuleFlag } from '../../src/config/load.js';

let root: string;
beforeAll(() => {
  root = realpathSync(mkdtempSync(path.join(tmpdir(), 'patchlint-load-')));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(root, 'p-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** The one-line error for a config file's text, as the CLI prints it after `patchlint: `. */
function errorFor(text: string, name = 'patchlint.config.json'): string {
  const dir = project({ [name]: text });
  try {
    loadConfigFile(path.join(dir, name), dir);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('findConfigFile', () => {
  it('finds the config in a parent folder from a subdirectory', () => {
    const dir = project({ 'patchlint.config.json': '{}', 'process/lib/x.lua': '' });
    expect(findConfigFile(path.join(dir, 'process', 'lib'))).toBe(path.join(dir, 'patchlint.config.json'));
  });
  it('prefers patchlint.config.json over .patchlintrc.json over package.json in one folder', () => {
    const dir = project({ 'patchlint.config.json': '{}', '.patchlintrc.json': '{}', 'package.json': '{"patchlint":{}}' });
    expect(findConfigFile(dir)).toBe(path.join(dir, 'patchlint.config.json'));
    const rc = project({ '.patchlintrc.json': '{}', 'package.json': '{"patchlint":{}}' });
    expect(findConfigFile(rc)).toBe(path.join(rc, '.patchlintrc.json'));
  });
  it('takes the nearest folder first', () => {
    const dir = project({ 'patchlint.config.json': '{}', 'app/.patchlintrc.json': '{}' });
    expect(findConfigFile(path.join(dir, 'app'))).toBe(path.join(dir, 'app', '.patchlintrc.json'));
  });
  it('skips a package.json without a "patchlint" key and keeps looking upward', () => {
    const dir = project({ '.patchlintrc.json': '{}', 'app/package.json': '{"name":"app","description":"uses patchlint"}' });
    expect(findConfigFile(path.join(dir, 'app'))).toBe(path.join(dir, '.patchlintrc.json'));
  });
  it('uses a package.json with a "patchlint" key', () => {
    const dir = project({ 'package.json': '{"name":"x","patchlint":{"extends":"all"}}' });
    const file = findConfigFile(dir)!;
    expect(file).toBe(path.join(dir, 'package.json'));
    expect(loadConfigFile(file, dir).extends).toBe('all');
  });
});

describe('loadConfigFile', () => {
  it('reads extends, rules, overrides and ignores', () => {
    const dir = project({
      'patchlint.config.json': JSON.stringify({
        $schema: './node_modules/patchlint/schema/patchlint.schema.json',
        extends: 'direct-keys',
        rules: { 'nil-value': 'off', 'lowercase-key': ['warn', { ignoreIds: false }], 'private-key': 1 },
        overrides: [{ files: ['test/**'], rules: { 'guard-top-level-sync': 'off' } }],
        ignores: ['vendor/'],
      }),
    });
    const config = loadConfigFile(path.join(dir, 'patchlint.config.json'), dir);
    expect(config).toEqual({
      filePath: path.join(dir, 'patchlint.config.json'), baseDir: dir, extends: 'direct-keys',
      rules: { 'nil-value': { severity: 0 }, 'lowercase-key': { severity: 1, options: { ignoreIds: false } }, 'private-key': { severity: 1 } },
      overrides: [{ files: ['test/**'], rules: { 'guard-top-level-sync': { severity: 0 } } }],
      ignores: ['vendor/'],
    });
  });

  it.each([
    ['a bad option type', '{"rules":{"lowercase-key":["error",{"ignoreIds":"yes"}]}}', 'patchlint.config.json: rules.lowercase-key[1].ignoreIds: expected a boolean'],
    ['an unknown option', '{"rules":{"reserved-key":["error",{"allowed":[]}]}}', 'patchlint.config.json: rules.reserved-key[1].allowed: unknown option (expected one of: extra, allow)'],
    ['an option on a rule without options', '{"rules":{"nil-value":["warn",{"x":1}]}}', 'patchlint.config.json: rules.nil-value[1].x: unknown option (this rule has no options)'],
    ['a non-string array item', '{"rules":{"reserved-key":["error",{"extra":["ok",3]}]}}', 'patchlint.config.json: rules.reserved-key[1].extra[1]: expected a string'],
    ['options that are not an object', '{"rules":{"reserved-key":["error",["x"]]}}', 'patchlint.config.json: rules.reserved-key[1]: expected an object of options'],
    ['an unknown rule id', '{"rules":{"lowercase-keys":"warn"}}', "patchlint.config.json: rules.lowercase-keys: unknown rule 'lowercase-keys' (did you mean 'lowercase-key'?)"],
    ['an unknown rule id with nothing close', '{"rules":{"semi":"warn"}}', "patchlint.config.json: rules.semi: unknown rule 'semi'"],
    ['a bad severity', '{"rules":{"nil-value":"warning"}}', 'patchlint.config.json: rules.nil-value: expected a severity: "off", "warn", "error" (or 0, 1, 2)'],
    ['a bad severity in an array', '{"rules":{"nil-value":[3]}}', 'patchlint.config.json: rules.nil-value[0]: expected a severity: "off", "warn", "error" (or 0, 1, 2)'],
    ['a too long array', '{"rules":{"nil-value":["warn",{},{}]}}', 'patchlint.config.json: rules.nil-value: expected [severity] or [severity, { options }]'],
    ['an unknown preset', '{"extends":"strict"}', 'patchlint.config.json: extends: expected one of "recommended", "direct-keys", "all"'],
    ['an unknown top-level key', '{"rule":{}}', 'patchlint.config.json: rule: unknown property (expected one of: $schema, extends, rules, overrides, ignores, reportUnusedDisableDirectives)'],
    ['a root that is not an object', '[]', 'patchlint.config.json: (root): expected an object'],
    ['an override without files', '{"overrides":[{"rules":{}}]}', 'patchlint.config.json: overrides[0].files: expected an array of globs (missing)'],
    ['an override with empty files', '{"overrides":[{"files":[]}]}', 'patchlint.config.json: overrides[0].files: expected a non-empty array of glob strings'],
    ['a bad rule inside an override', '{"overrides":[{"files":["a/**"],"rules":{"reserved-key":["error",{"extra":"now"}]}}]}', 'patchlint.config.json: overrides[0].rules.reserved-key[1].extra: expected an array of strings'],
    ['a negated ignore', '{"ignores":["!keep.lua"]}', 'patchlint.config.json: ignores[0]: expected a glob without "!" (negated patterns are not supported)'],
    ['a key with odd characters', '{"rules":{"bad id":"off"}}', 'patchlint.config.json: rules["bad id"]: unknown rule \'bad id\''],
  ])('reports %s in one line', (_, text, message) => {
    expect(errorFor(text)).toBe(message);
  });

  it('reports invalid JSON with line and column', () => {
    expect(errorFor('{\n  "rules": {\n    "nil-value": "off",\n  }\n}')).toBe('patchlint.config.json:4:3: invalid JSON: expected a double-quoted property name, found "}"');
    expect(errorFor('{"extends": "all"')).toBe('patchlint.config.json:1:18: invalid JSON: expected \',\' or \'}\', found end of file');
    expect(errorFor('')).toBe('patchlint.config.json:1:1: invalid JSON: expected a JSON value, found end of file');
  });

  it('rejects duplicate keys, which JSON.parse would silently merge', () => {
    expect(errorFor('{"rules":{},\n"rules":{}}')).toBe('patchlint.config.json:2:1: invalid JSON: duplicate property "rules"');
  });

  it('names the path inside package.json', () => {
    expect(errorFor('{"patchlint":{"rules":{"nil-value":"loud"}}}', 'package.json')).toBe('package.json: patchlint.rules.nil-value: expected a severity: "off", "warn", "error" (or 0, 1, 2)');
  });

  it('says when a named file cannot be read', () => {
    expect(() => loadConfigFile('missing.json', root)).toThrow(new ConfigError('missing.json: cannot read the config file (no such file)'));
  });

  it('escapes control characters from the file', () => {
    expect(errorFor('{"rules":{"a\\u001b[31m":"off"}}')).toBe("patchlint.config.json: rules[\"a\\u001b[31m\"]: unknown rule 'a\\u{1b}[31m'");
  });
});

describe('parseRuleFlag (--rule)', () => {
  it('reads a severity', () => {
    expect(parseRuleFlag('nil-value: off')).toEqual({ id: 'nil-value', entry: { severity: 0 } });
    expect(parseRuleFlag('nil-value:2')).toEqual({ id: 'nil-value', entry: { severity: 2 } });
  });
  it('reads a JSON array with options', () => {
    expect(parseRuleFlag('reserved-key: ["error", {"extra": ["score"]}]')).toEqual({ id: 'reserved-key', entry: { severity: 2, options: { extra: ['score'] } } });
  });
  it.each([
    ['nil-value', "--rule 'nil-value': expected 'rule-id: severity' or 'rule-id: [\"error\", { options }]'"],
    ['nil-valu: off', "--rule 'nil-valu: off': nil-valu: unknown rule 'nil-valu' (did you mean 'nil-value'?)"],
    ['nil-value: loud', '--rule \'nil-value: loud\': nil-value: expected a severity: "off", "warn", "error" (or 0, 1, 2)'],
    ['lowercase-key: ["error", {"ignoreIds": 1}]', '--rule \'lowercase-key: ["error", {"ignoreIds": 1}]\': lowercase-key[1].ignoreIds: expected a boolean'],
    ['lowercase-key: ["error",', '--rule \'lowercase-key: ["error",\': invalid JSON at column 10: expected a JSON value, found end of file'],
  ])('reports %s', (flag, message) => {
    expect(() => parseRuleFlag(flag)).toThrow(new ConfigError(message));
  });
});
