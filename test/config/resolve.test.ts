// Resolution per file: preset → rules → overrides → --rule, globs relative to the config
// folder, ignores, and the presets themselves.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileGlob, matchesPathOrParent } from '../../src/config/glob.js';
import { emptyConfig, parseRuleFlag, type ConfigFile } from '../../src/config/load.js';
import { presetConfig } from '../../src/config/presets.js';
import { createResolver, printableConfig } from '../../src/config/resolve.js';
import { rules } from '../../rules/index.js';

const base = path.resolve('/proj');
const config = (extra: Partial<ConfigFile>): ConfigFile => ({ ...emptyConfig(base), filePath: path.join(base, 'patchlint.config.json'), ...extra });
const severities = (r: ReturnType<typeof presetConfig>) => Object.fromEntries(Object.entries(r.rules).map(([id, s]) => [id, s.severity]));

describe('compileGlob', () => {
  it.each([
    ['*.lua', 'a.lua', true], ['*.lua', 'deep/dir/a.lua', true], ['*.lua', 'a.luax', false],
    ['scripts/*.lua', 'scripts/a.lua', true], ['scripts/*.lua', 'scripts/x/a.lua', false], ['scripts/*.lua', 'x/scripts/a.lua', false],
    ['scripts/**/*.lua', 'scripts/a.lua', true], ['scripts/**/*.lua', 'scripts/x/y/a.lua', true], ['**/test/*.lua', 'test/a.lua', true],
    ['**/test/*.lua', 'a/b/test/c.lua', true], ['./lib/**', 'lib/a/b.lua', true], ['lib/', 'lib/a.lua', true], ['lib/', 'x/lib/a.lua', true],
    ['{a,b}.lua', 'b.lua', true], ['{a,b}.lua', 'c.lua', false], ['file?.lua', 'file1.lua', true], ['[ab].lua', 'b.lua', true],
    ['[!ab].lua', 'b.lua', false], ['a.b', 'axb', false], ['*.test.lua', 'spec/x.test.lua', true],
  ])('%s matches %s: %s', (glob, file, expected) => {
    expect(compileGlob(glob)(file)).toBe(expected);
  });
  it('matches a folder pattern against the parent folders of a file', () => {
    expect(matchesPathOrParent(compileGlob('vendor'), 'vendor/lib/json.lua')).toBe(true);
    expect(matchesPathOrParent(compileGlob('src/vendor'), 'src/vendor/json.lua')).toBe(true);
    expect(matchesPathOrParent(compileGlob('vendor'), 'src/vendors.lua')).toBe(false);
  });
});

describe('presets', () => {
  it('recommended uses each rule\'s default severity', () => {
    expect(severities(presetConfig('recommended'))).toEqual(Object.fromEntries(rules.map((r) => [r.meta.id, { off: 0, warn: 1, error: 2 }[r.meta.defaultSeverity]])));
  });
  it('direct-keys is recommended minus require-cache and serialize-complex-value', () => {
    expect(severities(presetConfig('direct-keys'))).toEqual({ ...severities(presetConfig('recommended')), 'require-cache': 0, 'serialize-complex-value': 0 });
  });
  it('all turns every rule on as an error', () => {
    expect(new Set(Object.values(severities(presetConfig('all'))))).toEqual(new Set([2]));
  });
});

describe('createResolver', () => {
  const resolver = createResolver(
    config({
      extends: 'recommended',
      rules: { 'nil-value': { severity: 2 }, 'reserved-key': { severity: 2, options: { extra: ['score'] } } },
      overrides: [
        { files: ['test/**/*.lua'], rules: { 'guard-top-level-sync': { severity: 0 }, 'reserved-key': { severity: 1 } } },
        { files: ['test/legacy/*.lua'], rules: { 'guard-top-level-sync': { severity: 2 } } },
      ],
      ignores: ['vendor', 'build/**'],
    }),
    { cwd: path.join(base, 'test'), ruleFlags: [parseRuleFlag('number-precision: off')], ignorePatterns: ['*.gen.lua'] },
  );

  it('applies the config rules over the preset, options over the rule defaults', () => {
    const c = resolver.configFor(path.join(base, 'process', 'main.lua'));
    expect(c.rules['nil-value']).toEqual({ severity: 2, options: {} });
    expect(c.rules['reserved-key']).toEqual({ severity: 2, options: { extra: ['score'], allow: [] } });
    expect(c.rules['guard-top-level-sync']!.severity).toBe(2);
    expect(c.rules['number-precision']!.severity).toBe(0);
  });
  it('applies matching overrides in order, relative to the config folder; a severity alone keeps the options', () => {
    const c = resolver.configFor(path.join(base, 'test', 'unit', 'a.lua'));
    expect(c.rules['guard-top-level-sync']!.severity).toBe(0);
    expect(c.rules['reserved-key']).toEqual({ severity: 1, options: { extra: ['score'], allow: [] } });
    expect(resolver.configFor(path.join(base, 'test', 'legacy', 'a.lua')).rules['guard-top-level-sync']!.severity).toBe(2);
  });
  it('gives files outside the config folder the top-level settings only', () => {
    const c = resolver.configFor(path.resolve('/elsewhere/test/unit/a.lua'));
    expect(c.rules['guard-top-level-sync']!.severity).toBe(2);
    expect(c.rules['nil-value']!.severity).toBe(2);
  });
  it('ignores config globs relative to the config folder and --ignore-pattern relative to cwd', () => {
    expect(resolver.isIgnored(path.join(base, 'vendor', 'json.lua'))).toBe(true);
    expect(resolver.isIgnored(path.join(base, 'build', 'out', 'x.lua'))).toBe(true);
    expect(resolver.isIgnored(path.join(base, 'test', 'x.gen.lua'))).toBe(true);
    expect(resolver.isIgnored(path.join(base, 'x.gen.lua'))).toBe(false);
    expect(resolver.isIgnored(path.join(base, 'src', 'main.lua'))).toBe(false);
  });
  it('ignores nothing with --no-ignore', () => {
    const open = createResolver(config({ ignores: ['vendor'] }), { cwd: base, ignorePatterns: ['*.lua'], noIgnore: true });
    expect(open.isIgnored(path.join(base, 'vendor', 'json.lua'))).toBe(false);
  });
  it('prints the resolved config as a user would write it', () => {
    const printed = printableConfig(resolver.configFor(path.join(base, 'test', 'a.lua')), { configFile: 'x' }) as { rules: Record<string, unknown> };
    expect(printed.rules['reserved-key']).toEqual(['warn', { extra: ['score'], allow: [] }]);
    expect(printed.rules['guard-top-level-sync']).toEqual(['off', { flags: [] }]);
  });
});
