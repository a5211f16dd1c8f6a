// src/lua/nesting.ts's tooDeepAt is a byte lexer written for speed; it must give exactly the result
// of the plain reference version (nesting-reference.ts) on every input: the offset of the
// construct that goes too deep, or -1. Checked on generated token soups (every lexical corner:
// strings and escapes, long brackets, comments, CR/LF, keywords and near-keywords, non-ASCII
// code units, including ones whose low byte is a bracket) and on texts nested around the limit.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tooDeepAt } from '../../src/lua/nesting.js';
import { REPO_ROOT } from '../helpers/run-cli.js';
import { referenceTooDeepAt } from './nesting-reference.js';

/** mulberry32: a seeded PRNG, so that a failure is reproducible. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FRAGMENTS = [
  '(', ')', '{', '}', '[', ']', '[[', ']]', '[=[', ']=]', '[==[', ']==]', '[=', '--', '--[[', '--[=[', '--[==', '-- x', '--[ x', '-',
  '..', '...', '.', '"', "'", '\\', '\\"', "\\'", '\\\n', '\\\r\n', '\n', '\r', '\r\n', ' ', '  ', '\t', '\v', '\f', '\0',
  'function', 'function f(a, b)', 'function(', 'if', 'then', 'end', 'do', 'while', 'for', 'repeat', 'until', 'local', 'return',
  'and', 'or', 'not', 'in', 'else', 'elseif', 'goto', 'break', 'nil', 'x', 'x1', '_a', 'functionx', 'End', 'iff', 'dO', 'ends',
  '_end', 'doo', 'fo', 'fonction', 'functio', 'elsef', 'reeeat', 'ELSE', 'gato', 'aaaaaaaaa', '1', '0x1F', '1.5e+3', '3..4', '=',
  ',', ';', '<', '~=', '+', '*', '/', '%', '^', '#', ':', '&', '|', '~', '@', 'é', '中', '\u0128', '\u015b', '\u017b', '\u00ff',
  '\u0100', '\ufeff', '\u2028', '\ud83d\ude00', 'x = "a(b" ', 's = [[ ( ]] ',
];
const OPENERS = ['(', '{', '[ ', 'a[ ', 'do ', 'function() ', 'function a.b:c(x) ', 'if x then ', 'while x do ', 'for i=1,2 do ', 'repeat ', 'a..', "'s'..", 'f(function() ', 'while ', 'for '];
const CLOSERS = [')', '}', ']', 'end ', 'until x ', ' '];
const NOISE = ['x', ' ', '\n', '\r\n', '+', 'then', 'local', '=', 'a.b', 'not', 'é', '\u0128', '--c\n', '"s"', "'(\\''", '[[ ( ]]', '--[[ { ]]', 'or'];

function texts(count: number, seed: number): string[] {
  const random = prng(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  const soup = (length: number) => Array.from({ length }, () => pick(FRAGMENTS) + (random() < 0.5 ? ' ' : '')).join('');
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    const text = soup(Math.floor(random() * 60));
    // Tails that expose the lexer's state after the soup: depth, `..` chain, open string or comment, parameter list.
    out.push(text, `${text}\n${'{'.repeat(200)}`, `${text} a${'..a'.repeat(200)}`, `${text}(${'{'.repeat(200)}`);
    // Nested around the limit, with some noise and closers.
    const depth = 180 + Math.floor(random() * 40);
    const parts: string[] = [];
    for (let d = 0; d < depth; d++) {
      parts.push(pick(OPENERS));
      if (random() < 0.1) parts.push(random() < 0.1 ? pick(FRAGMENTS) : pick(NOISE));
      if (random() < 0.03) parts.push(pick(CLOSERS));
    }
    out.push(parts.join(''));
  }
  return out;
}

describe('the fast nesting scan agrees with the reference scan', () => {
  it('on generated texts', () => {
    const all = texts(3000, 7);
    const differ = all.filter((t) => tooDeepAt(t) !== referenceTooDeepAt(t));
    expect(differ.map((t) => JSON.stringify(t))).toEqual([]);
    // The generator must reach the limit often enough to compare offsets, not only -1.
    expect(all.filter((t) => referenceTooDeepAt(t) >= 0).length).toBeGreaterThan(all.length / 5);
  });

  it('on the fixtures', () => {
    const root = path.join(REPO_ROOT, 'fixtures');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.lua'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = readFileSync(path.join(root, file), 'utf8');
      expect([file, tooDeepAt(text)]).toEqual([file, referenceTooDeepAt(text)]);
    }
  });
});
