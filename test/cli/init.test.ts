// patchlint --init (issue 16): the preset that matches the patch messages, never over a config.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'patchlint-init-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}
const config = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'patchlint.config.json'), 'utf8'));
const NEXT = '\nRun patchlint to lint the project; rules and options: docs/configuration.md.\n';

describe('patchlint --init', () => {
  it('a cache table: recommended, with $schema, and the written config loads', () => {
    const dir = project({ 'p.lua': "local x = 1\nSend({ device = 'patch@1.0', cache = { total = x } })\n" });
    const run = runCli(['--init'], { cwd: dir });
    expect(run).toEqual({ status: 0, stderr: '', stdout: `Wrote patchlint.config.json with the recommended preset: 1 of 1 patch messages send a cache table (e.g. p.lua:2), read at /compute/cache/<key>.${NEXT}` });
    expect(config(dir)).toEqual({ $schema: './node_modules/patchlint/schema/patchlint.schema.json', extends: 'recommended', rules: {} });
    expect(runCli(['--print-config', 'p.lua'], { cwd: dir }).status).toBe(0);
  });

  it('keys at the message root (a token blueprint): direct-keys', () => {
    const dir = project({
      'token.lua': "Send({ device = 'patch@1.0', balances = Balances })\nao.send({ device = 'patch@1.0', totalsupply = Supply })\n",
      'ui.lua': "Send({ device = 'patch@1.0', cache = { name = 'x' } })\n",
    });
    expect(runCli(['--init'], { cwd: dir }).stdout).toBe(`Wrote patchlint.config.json with the direct-keys preset: 2 of 3 patch messages put their keys at the message root (e.g. token.lua:1), read at /compute/<key>.${NEXT}`);
    expect(config(dir).extends).toBe('direct-keys');
    // The project now lints clean of require-cache.
    expect(runCli(['-f', 'compact'], { cwd: dir }).stdout).not.toContain('require-cache');
  });

  it('no patch message: the default preset, and it says why', () => {
    const dir = project({ 'a.lua': 'local http = require("http")\nhttp.request({ method = "PATCH", url = u })\n' });
    expect(runCli(['--init'], { cwd: dir }).stdout).toBe(`Wrote patchlint.config.json with the recommended preset: no patch message found in 1 Lua file: the default preset, which expects a cache table.${NEXT}`);
  });

  it('never replaces a config: names it, writes nothing, exit 2', () => {
    const dir = project({ 'a.lua': 'local x = 1\n', 'patchlint.config.json': '{ "extends": "all" }\n' });
    expect(runCli(['--init'], { cwd: dir })).toEqual({ status: 2, stdout: '', stderr: 'patchlint: A config already applies here: patchlint.config.json. --init writes none; edit that file instead (docs/configuration.md).\n' });
    expect(readFileSync(path.join(dir, 'patchlint.config.json'), 'utf8')).toBe('{ "extends": "all" }\n');
    const withPackage = project({ 'package.json': '{ "name": "p", "patchlint": { "extends": "all" } }\n' });
    expect(runCli(['--init'], { cwd: withPackage }).stderr).toBe('patchlint: A config already applies here: package.json. --init writes none; edit that file instead (docs/configuration.md).\n');
  });
});

describe('patchlint --init and very large files', () => {
  it('leaves a file past the lint size limit out of the count, as linting does', () => {
    const huge = `local data = {${'1,'.repeat(4_300_000)}}\nSend({ device = 'patch@1.0', balances = data })\n`;
    const dir = project({ 'data.lua': huge, 'p.lua': "Send({ device = 'patch@1.0', cache = { total = 1 } })\n" });
    expect(runCli(['--init'], { cwd: dir }).stdout).toBe(`Wrote patchlint.config.json with the recommended preset: 1 of 1 patch messages send a cache table (e.g. p.lua:1), read at /compute/cache/<key>.${NEXT}`);
  });
});
