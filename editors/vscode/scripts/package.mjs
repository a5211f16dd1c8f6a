// Packages the extension to patchlint-<version>.vsix with @vscode/vsce: the build first, then
// the files .vscodeignore keeps (no node_modules: everything is bundled).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { version } = JSON.parse(readFileSync(path.join(here, 'package.json'), 'utf8'));
execFileSync(process.execPath, [path.join(here, 'scripts/build.mjs')], { stdio: 'inherit' });
const vsix = `patchlint-${version}.vsix`;
execFileSync(process.execPath, [path.join(here, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', vsix], { cwd: here, stdio: 'inherit' });
console.log(path.join(here, vsix));
