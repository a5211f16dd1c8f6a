// The Node API as a consumer gets it: the package is packed (`npm pack`, what npm publishes),
// extracted, and imported by name from a separate ESM project; its types are checked with tsc.
// Needs a built dist/ (`npm test` builds first).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/run-cli.js';

let tmp: string;
let consumer: string;
let packed: string[];

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'patchlint-api-'));
  const [pack] = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  packed = (pack.files as { path: string }[]).map((f) => f.path);
  execFileSync('tar', ['-xzf', path.join(tmp, pack.filename), '-C', tmp]);
  consumer = path.join(tmp, 'consumer');
  mkdirSync(path.join(consumer, 'node_modules'), { recursive: true });
  mkdirSync(path.join(consumer, 'process'));
  // The package by name (as `npm install` would place it); @types/node for the tsc check.
  symlinkSync(path.join(tmp, 'package'), path.join(consumer, 'node_modules/patchlint'), 'dir');
  symlinkSync(path.join(REPO_ROOT, 'node_modules/@types'), path.join(consumer, 'node_modules/@types'), 'dir');
  writeFileSync(path.join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  writeFileSync(path.join(consumer, 'process/a.lua'), "Handlers.add('A', function() Send({ device = 'patch@1.0', cache = { score = 1 } }) end)\n");
  writeFileSync(path.join(consumer, 'process/b.lua'), "Handlers.add('B', function() Send({ device = 'patch@1.0', cache = { Score = 2 } }) end)\n");
}, 60_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the packed package', () => {
  it('ships the bundle and the declarations, not the sources or tests', () => {
    expect(packed).toContain('dist/index.js');
    expect(packed).toContain('dist/cli.js');
    expect(packed).toContain('bin/patchlint.js');
    expect(packed).toContain('bin/package.json');
    expect(packed).toContain('bin/v8-flags.js');
    expect(packed).toContain('dist/chunks/cli.cjs');
    expect(packed).toContain('dist/types/src/index.d.ts');
    expect(packed.some((f) => f.startsWith('dist/chunks/'))).toBe(true);
    expect(packed.filter((f) => f.startsWith('src/') || f.startsWith('test/'))).toEqual([]);
  });
});

describe('import { lintText, lintFiles, loadConfig, formatters } from "patchlint"', () => {
  it('lints text and files and formats the results, from a separate ESM project', () => {
    writeFileSync(path.join(consumer, 'use.mjs'), `
import { lintText, lintFiles, formatters, loadFormatter, FORMATTER_NAMES, rules } from 'patchlint';
const text = lintText("Send({ device = 'patch@1.0', cache = { Score = 1 } })", { filePath: 'inline.lua' });
const files = await lintFiles(['process'], { cwd: process.cwd() });
const compact = await formatters.compact();
const sarif = JSON.parse((await formatters.sarif())(files.results, { cwd: process.cwd(), color: false }));
console.log(JSON.stringify({
  text: text.messages.map((m) => [m.ruleId, m.line, m.column]),
  files: files.results.map((r) => [r.filePath.slice(process.cwd().length + 1), r.messages.map((m) => m.ruleId)]),
  errors: files.errors,
  compact: compact(files.results, { cwd: process.cwd(), color: false }),
  sarifRules: sarif.runs[0].results.map((r) => r.ruleId),
  names: FORMATTER_NAMES,
  formatterKeys: Object.keys(formatters),
  sameAsLoad: (await loadFormatter('github')) === (await formatters.github()),
  rules: rules.length,
}));
`);
    const out = JSON.parse(execFileSync(process.execPath, ['use.mjs'], { cwd: consumer, encoding: 'utf8' }));
    expect(out.text).toEqual([['guard-top-level-sync', 1, 1], ['lowercase-key', 1, 40]]);
    expect(out.files).toEqual([['process/a.lua', []], ['process/b.lua', ['duplicate-key-case', 'lowercase-key']]]);
    expect(out.errors).toEqual([]);
    expect(out.compact).toMatch(/^process\/b\.lua:1:69: error Key 'cache\/Score' differs only in case from 'cache\/score' in process\/a\.lua:1: [^\n]+ \[duplicate-key-case\]\nprocess\/b\.lua:1:69: error Key 'Score' has upper-case letters: [^\n]+ \[lowercase-key\]\n$/);
    expect(out.sarifRules).toEqual(['duplicate-key-case', 'lowercase-key']);
    expect(out.names).toEqual(['stylish', 'json', 'sarif', 'github', 'compact']);
    expect(out.formatterKeys).toEqual(out.names);
    expect(out.sameAsLoad).toBe(true);
    expect(out.rules).toBe(15);
  });

  it('loadConfig finds the project config and lintFiles applies it per file', () => {
    mkdirSync(path.join(consumer, 'configured/process'), { recursive: true });
    writeFileSync(path.join(consumer, 'configured/patchlint.config.json'), JSON.stringify({
      rules: { 'guard-top-level-sync': 'off' },
      overrides: [{ files: ['process/legacy.lua'], rules: { 'lowercase-key': 'off' } }],
    }));
    writeFileSync(path.join(consumer, 'configured/process/legacy.lua'), "Send({ device = 'patch@1.0', cache = { Score = 1 } })\n");
    writeFileSync(path.join(consumer, 'configured/process/new.lua'), "Send({ device = 'patch@1.0', cache = { Level = 1 } })\n");
    writeFileSync(path.join(consumer, 'config.mjs'), `
import path from 'node:path';
import { loadConfig, lintFiles } from 'patchlint';
const cwd = path.resolve('configured/process');
const resolver = loadConfig({ cwd });
const { results } = await lintFiles(['.'], { cwd, config: resolver.configFor, isIgnored: resolver.isIgnored });
let broken = '';
try { loadConfig({ cwd, configFile: 'missing.json' }); } catch (e) { broken = e.name + ': ' + e.message; }
console.log(JSON.stringify({
  configFile: path.relative(process.cwd(), resolver.config.filePath),
  results: results.map((r) => [path.basename(r.filePath), r.messages.map((m) => m.ruleId)]),
  broken,
}));
`);
    const out = JSON.parse(execFileSync(process.execPath, ['config.mjs'], { cwd: consumer, encoding: 'utf8' }));
    expect(out.configFile).toBe('configured/patchlint.config.json');
    expect(out.results).toEqual([['legacy.lua', []], ['new.lua', ['lowercase-key']]]);
    expect(out.broken).toBe('ConfigError: missing.json: cannot read the config file (no such file)');
  });

  it('has TypeScript types that a strict NodeNext project compiles against (and that are not any)', () => {
    writeFileSync(path.join(consumer, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', noEmit: true, types: ['node'], skipLibCheck: false },
      files: ['use.ts'],
    }));
    writeFileSync(path.join(consumer, 'use.ts'), `
import { lintText, lintFiles, loadConfig, formatters, type ConfigResolver, type LintResult, type LintMessage, type Formatter, type FormatterName } from 'patchlint';
const result: LintResult = lintText('return 1', { filePath: 'x.lua' });
const first: LintMessage | undefined = result.messages[0];
const severity: 1 | 2 | undefined = first?.severity;
const name: FormatterName = 'sarif';
const load: () => Promise<Formatter> = formatters[name];
const resolver: ConfigResolver = loadConfig({ cwd: '.', lookup: false });
export async function run(): Promise<string> {
  const { results, errors } = await lintFiles(['process'], { cwd: '.', config: resolver.configFor });
  return (await load())(results, { cwd: '.', color: false }) + errors.join('') + String(severity);
}
// @ts-expect-error severity is 1 | 2, not a string
export const wrong: string = result.messages[0]!.severity;
// @ts-expect-error there is no such formatter
export const missing = formatters.checkstyle;
`);
    const tsc = path.join(REPO_ROOT, 'node_modules/typescript/bin/tsc');
    let output = '';
    try {
      execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: consumer, encoding: 'utf8' });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output).toBe('');
  }, 60_000);
});
