// Bundles the CLI and the Node API into dist/ with esbuild (one entry file each; formatters,
// the LSP and the config schema are split into chunks loaded only when used), then emits
// TypeScript declarations for the API.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// dist/ is not wiped first: concurrent builds (tests, editors) must never see it half-empty.

await build({
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

// Declarations for `import ... from 'patchlint'` (TypeScript users).
const tsc = new URL('../node_modules/typescript/bin/tsc', import.meta.url).pathname;
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
