// Builds the extension: dist/extension.js (esbuild, one CommonJS file; `vscode` is the host's),
// and server/patchlint/, the patchlint copy the extension falls back to (the repository's
// built bin/ and dist/, the rule pages its diagnostics link to, the config schema).
// The repository's own build (`npm run build` at its root) must have run first.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const repo = path.resolve(here, '../..');

await build({
  entryPoints: [path.join(here, 'src/extension.ts')],
  outfile: path.join(here, 'dist/extension.js'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['vscode'],
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
});

if (!existsSync(path.join(repo, 'dist/cli.js'))) {
  console.error('patchlint is not built: run `npm run build` at the repository root first.');
  process.exit(1);
}
const server = path.join(here, 'server/patchlint');
rmSync(path.join(here, 'server'), { recursive: true, force: true });
mkdirSync(server, { recursive: true });
// The code cache (dist/chunks/*.cache) fits only the Node that made it, and the type
// declarations are for the Node API: neither is needed by the server.
const keep = (source) => !source.endsWith('.cache') && !source.includes(`${path.sep}dist${path.sep}types`);
for (const part of ['bin', 'dist', 'docs/rules', 'schema']) cpSync(path.join(repo, part), path.join(server, part), { recursive: true, filter: keep });
const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
writeFileSync(path.join(server, 'package.json'), `${JSON.stringify({ name: pkg.name, version: pkg.version, type: pkg.type, license: pkg.license }, null, 2)}\n`);
cpSync(path.join(repo, 'LICENSE'), path.join(server, 'LICENSE'));
cpSync(path.join(repo, 'LICENSE'), path.join(here, 'LICENSE'));
console.log(`built dist/extension.js and server/patchlint (patchlint ${pkg.version})`);
