// Bundles the CLI and the Node API into dist/ with esbuild (one entry file each; formatters,
// the LSP and the config schema are split into chunks loaded only when used), then emits
// TypeScript declarations for the API.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
// dist/ is not wiped first: concurrent builds (tests, editors) must never see it half-empty.
// Chunks left by earlier builds are removed afterwards (below), once they are a minute old, so
// they do not pile up in the package while a concurrent build's fresh chunks stay.
const startedAt = Date.now();

const { metafile } = await build({
  metafile: true,
  // lint-worker: the worker-thread script (src/workers/pool.ts finds it beside the entries).
  entryPoints: { cli: 'src/cli.ts', index: 'src/index.ts', 'lint-worker': 'src/workers/lint-worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
  chunkNames: 'chunks/[name]-[hash]',
  // Bundled CommonJS dependencies (luaparse, fast-glob) call require() for Node built-ins.
  banner: { js: "import { createRequire as __patchlintRequire } from 'node:module'; const require = __patchlintRequire(import.meta.url);" },
  define: { PATCHLINT_VERSION: JSON.stringify(require('../package.json').version) },
});

const produced = new Set(Object.keys(metafile.outputs).map((f) => path.resolve(f)));
for (const name of readdirSync('dist/chunks')) {
  const file = path.resolve('dist/chunks', name);
  if (!produced.has(file) && statSync(file).mtimeMs < startedAt - 60_000) rmSync(file, { force: true });
}

// Declarations for `import ... from 'patchlint'` (TypeScript users).
const tsc = new URL('../node_modules/typescript/bin/tsc', import.meta.url).pathname;
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
