// Issue 18, items 5, 10, 11, 12: configs that are not files, names that are prototype keys,
// globs that do not compile, and package.json files that npm reads but a strict parser would not.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'patchlint-hostile-config-'));
  writeFileSync(path.join(dir, 'a.lua'), "function h() Send({ device = 'patch@1.0', cache = { Score = 1 } }) end\n");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => path.join(dir, name);
const lint = (args: string[] = ['a.lua']) => {
  const run = runCli(args, { cwd: dir });
  return { status: run.status, stderr: run.stderr };
};

describe('config files that are not regular files', () => {
  it('a FIFO named .patchlintrc.json: a config error, not a hang', (context) => {
    if (spawnSync('mkfifo', [at('.patchlintrc.json')]).status !== 0) context.skip(); // no mkfifo here
    expect(lint()).toEqual({ status: 2, stderr: 'patchlint: .patchlintrc.json: cannot read the config file (not a regular file)\n' });
  });

  it('a config linked to /dev/zero: a config error, not 16 GB read', () => {
    symlinkSync('/dev/zero', at('patchlint.config.json'));
    expect(lint()).toEqual({ status: 2, stderr: 'patchlint: patchlint.config.json: cannot read the config file (not a regular file)\n' });
  });

  it('-c naming a device', () => {
    expect(lint(['-c', '/dev/zero', 'a.lua'])).toEqual({ status: 2, stderr: 'patchlint: /dev/zero: cannot read the config file (not a regular file)\n' });
  });
});

describe('prototype keys are no severities nor option names', () => {
  for (const word of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
    it(`--rule 'lowercase-key: ${word}'`, () => {
      expect(lint(['--rule', `lowercase-key: ${word}`, 'a.lua'])).toEqual({
        status: 2, stderr: `patchlint: --rule 'lowercase-key: ${word}': lowercase-key: expected a severity: "off", "warn", "error" (or 0, 1, 2)\n`,
      });
    });
  }

  it('an option named constructor', () => {
    writeFileSync(at('.patchlintrc.json'), '{ "rules": { "lowercase-key": ["error", { "constructor": 1 }] } }');
    expect(lint()).toEqual({ status: 2, stderr: 'patchlint: .patchlintrc.json: rules.lowercase-key[1].constructor: unknown option (expected one of: ignoreIds, allow)\n' });
  });
});

describe('globs that do not compile', () => {
  it('in ignores', () => {
    writeFileSync(at('.patchlintrc.json'), '{ "ignores": ["ok/**", "[z-a]"] }');
    expect(lint()).toEqual({ status: 2, stderr: 'patchlint: .patchlintrc.json: ignores[1]: expected a valid glob (Range out of order in character class)\n' });
  });

  it('in overrides[].files', () => {
    writeFileSync(at('.patchlintrc.json'), '{ "overrides": [{ "files": ["[z-a].lua"], "rules": {} }] }');
    expect(lint()).toEqual({ status: 2, stderr: 'patchlint: .patchlintrc.json: overrides[0].files[0]: expected a valid glob (Range out of order in character class)\n' });
  });

  it('in --ignore-pattern', () => {
    expect(lint(['--ignore-pattern', '[z-a]', 'a.lua'])).toEqual({ status: 2, stderr: 'patchlint: --ignore-pattern: "[z-a]": expected a valid glob (Range out of order in character class)\n' });
  });
});

describe('package.json', () => {
  it('a duplicate key outside "patchlint" is npm\'s business: the config is read', () => {
    writeFileSync(at('package.json'), '{ "name": "a", "name": "b", "patchlint": { "rules": { "lowercase-key": "off" } } }');
    expect(lint()).toEqual({ status: 0, stderr: '' });
  });

  it('a duplicate key inside "patchlint" is a config error with its position', () => {
    writeFileSync(at('package.json'), '{ "name": "a", "patchlint": { "rules": { "lowercase-key": "off", "lowercase-key": "warn" } } }');
    expect(lint()).toEqual({ status: 2, stderr: 'patchlint: package.json:1:66: invalid JSON: duplicate property "lowercase-key"\n' });
  });

  it('a dependency named patchlint does not make package.json a config (a duplicate key elsewhere included)', () => {
    mkdirSync(at('sub'));
    writeFileSync(at('sub/package.json'), '{ "name": "a", "name": "b", "devDependencies": { "patchlint": "^0.1.0" } }');
    writeFileSync(at('.patchlintrc.json'), '{ "rules": { "lowercase-key": "off" } }');
    writeFileSync(at('sub/a.lua'), "function h() Send({ device = 'patch@1.0', cache = { Score = 1 } }) end\n");
    expect(lint(['sub/a.lua'])).toEqual({ status: 0, stderr: '' });
  });
});
