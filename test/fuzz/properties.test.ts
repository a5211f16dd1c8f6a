// Property tests (fast-check, seeded and bounded): whatever the input, lintText returns a
// well-formed result without throwing, every output format stays parseable or line-per-problem
// with nothing raw from the file in it, and fixes keep a parseable file parseable.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyFixes } from '../../src/engine/fix.js';
import { FORMATTER_NAMES, loadFormatter, type Formatter } from '../../src/formatters/index.js';
import { lintText } from '../../src/index.js';
import { parseLua } from '../../src/lua/parse.js';
import { presetConfig } from '../../src/config/presets.js';
import type { LintResult } from '../../src/shared/results.js';
import { REPO_ROOT } from '../helpers/run-cli.js';
import { RUNS, SEED, mutatedSeed, patchProgram, randomFileText, tokenSoup } from './corpus.js';
import { expectWellFormed } from './well-formed.js';

const CWD = path.join(REPO_ROOT, 'fuzz-project');
const FILE = path.join(CWD, 'src', 'process.lua');
const CONFIGS = [presetConfig('recommended'), presetConfig('all'), presetConfig('direct-keys')];
// Raw control characters (other than the line feed ending each line) and bidi overrides.
const RAW_CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

const formatters = new Map<string, Formatter>();
let validateSarif: (data: unknown) => boolean;
beforeAll(async () => {
  for (const name of FORMATTER_NAMES) formatters.set(name, await loadFormatter(name));
  const schema = JSON.parse(readFileSync(path.join(REPO_ROOT, 'test/fixtures/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  validateSarif = new Ajv({ unicodeRegExp: false, strict: false, logger: false }).compile(schema);
});

const params = (offset: number) => ({ numRuns: RUNS, seed: SEED + offset, endOnFailure: true });

function lint(text: string, config = 0): LintResult {
  const result = lintText(text, { filePath: FILE, config: CONFIGS[config % CONFIGS.length]! });
  expectWellFormed(result, text);
  return result;
}

function expectFormatsSafe(results: LintResult[]): void {
  const problems = results.reduce((n, r) => n + r.messages.length, 0);
  for (const [name, format] of formatters) {
    const out = format(results, { cwd: CWD, color: false });
    expect(typeof out).toBe('string');
    switch (name) {
      case 'json':
        expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(results)));
        break;
      case 'sarif': {
        const log = JSON.parse(out);
        expect(validateSarif(log)).toBe(true);
        expect(log.runs[0].results).toHaveLength(problems);
        break;
      }
      case 'compact':
      case 'github': {
        expect(RAW_CONTROL.test(out), `${name}: raw control character`).toBe(false);
        const lines = out === '' ? [] : out.replace(/\n$/, '').split('\n');
        expect(lines).toHaveLength(problems);
        if (name === 'github') for (const l of lines) expect(l).toMatch(/^::(error|warning) file=[^\r\n:,]*,line=\d+,(endLine=\d+,)?col=\d+,(endColumn=\d+,)?title=[^\r\n:,]*::/);
        break;
      }
      case 'stylish':
        expect(RAW_CONTROL.test(out), 'stylish: raw control character').toBe(false);
        expect(out.split('\n').filter((l) => /^ {2}\d+:\d+ {2}/.test(l))).toHaveLength(problems);
        break;
      default:
        break; // a format added later: it must at least not throw
    }
  }
}

function expectFixesKeepParsing(text: string, result: LintResult): void {
  if (!parseLua(text).ok) return;
  const fixes = result.messages.flatMap((m) => (m.fix ? [m.fix] : []));
  if (fixes.length > 0) expect(parseLua(applyFixes(text, fixes).output).ok, 'fixed text must parse').toBe(true);
  for (const m of result.messages) {
    for (const s of m.suggestions ?? []) expect(parseLua(applyFixes(text, [s.fix]).output).ok, `suggestion of ${m.ruleId} must parse`).toBe(true);
  }
}

describe('fuzz: lintText on any input', () => {
  it('random strings (any UTF-16, lone surrogates included)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.nat(), (text, c) => void lint(text, c)), params(1));
  });

  it('random bytes read as a UTF-8 file', () => {
    fc.assert(fc.property(randomFileText, (text) => void lint(text)), params(2));
  });

  it('token soups', () => {
    fc.assert(fc.property(tokenSoup, fc.nat(), (text, c) => void lint(text, c)), params(3));
  });

  it('token mutations of the example processes', () => {
    fc.assert(
      fc.property(mutatedSeed, fc.nat(), (text, c) => {
        const result = lint(text, c);
        expectFixesKeepParsing(text, result);
      }),
      params(4),
    );
  });
});

describe('fuzz: patch messages with hostile keys', () => {
  it('every format stays valid and one line per problem, nothing raw reaches the text formats', () => {
    fc.assert(
      fc.property(patchProgram, fc.nat(), (text, c) => {
        expect(parseLua(text).ok, text).toBe(true);
        const result = lint(text, c);
        expectFormatsSafe([result]);
        expectFixesKeepParsing(text, result);
      }),
      params(5),
    );
  });

  it('the generator really produces problems (the properties above are not vacuous)', () => {
    const samples = fc.sample(patchProgram, { numRuns: 50, seed: SEED });
    const counts = samples.map((text) => lintText(text, { filePath: FILE }).messages.length);
    expect(counts.filter((n) => n > 0).length).toBeGreaterThan(40);
    const fixable = samples.filter((text) => lintText(text, { filePath: FILE }).messages.some((m) => m.fix));
    expect(fixable.length).toBeGreaterThan(10);
  });

  it('mutated examples in every format', () => {
    fc.assert(fc.property(fc.array(mutatedSeed, { minLength: 1, maxLength: 3 }), (texts) => {
      expectFormatsSafe(texts.map((t, i) => lintText(t, { filePath: path.join(CWD, `f${i}.lua`) })));
    }), params(6));
  });
});

describe('the well-formedness check itself', () => {
  const text = 'x = 1\ny = 2';
  const good = () => lintText('x = @', { filePath: FILE });
  it('accepts a real result', () => expect(() => expectWellFormed(good(), 'x = @')).not.toThrow());
  const broken: [string, (r: LintResult) => void][] = [
    ['a line past the end', (r) => void (r.messages[0]!.line = 3)],
    ['a column past the end of its line', (r) => void (r.messages[0]!.column = 7)],
    ['a column 0', (r) => void (r.messages[0]!.column = 0)],
    ['an end before the start', (r) => Object.assign(r.messages[0]!, { endLine: 1, endColumn: 1, column: 3 })],
    ['a fix range past the end', (r) => void (r.messages[0]!.fix = { range: [0, 99], text: '' })],
    ['wrong counts', (r) => void (r.errorCount = 0)],
    ['an unknown key', (r) => Object.assign(r, { extra: 1 })],
  ];
  for (const [name, breakIt] of broken) {
    it(`rejects ${name}`, () => {
      const result = lintText('x = 1\ny = @', { filePath: FILE });
      breakIt(result);
      expect(() => expectWellFormed(result, text.replace('2', '@'))).toThrow();
    });
  }
});
