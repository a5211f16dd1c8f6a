// Bundles the CLI and the Node API into dist/ with esbuild (one entry file each; formatters,
// the LSP, the worker pool and yargs are split into chunks loaded only when used), then the CLI
// again as one CommonJS script, dist/chunks/cli.cjs, with a V8 code cache for fast start-up
// (bin/patchlint.js; docs/dev/startup.md says why), then emits TypeScript declarations for
// the API.
import { build } from 'esbuild';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
// dist/ is not wiped first: concurrent builds (tests, editors) must never see it half-empty.
// Chunks left by earlier builds are removed afterwards (below), once they are a minute old, so
// they do not pile up in the package while a concurrent build's fresh chunks stay.
const startedAt = Date.now();

// The build's identity for the results cache (src/shared/version.ts): the version and a hash of
// every source file and of the lock file (the bundled parser's version), so that a build with
// other rules never reuses results computed by this one, whatever its version number says.
const BUILD = (() => {
  const hash = createHash('sha256');
  const files = ['package.json', 'package-lock.json'];
  for (const root of ['src', 'rules']) {
    for (const f of readdirSync(root, { recursive: true, encoding: 'utf8' })) if (f.endsWith('.ts')) files.push(path.join(root, f));
  }
  for (const f of files.sort()) {
    hash.update(f);
    hash.update('\0');
    if (existsSync(f)) hash.update(readFileSync(f));
    hash.update('\0');
  }
  return `${require('../package.json').version}+${hash.digest('hex').slice(0, 16)}`;
})();

const { metafile } = await build({
  metafile: true,
  // lint-worker: the worker-thread script (src/node/workers/pool.ts finds it one folder up from its chunk).
  entryPoints: { cli: 'src/cli/main.ts', index: 'src/index.ts', 'lint-worker': 'src/node/workers/lint-worker.ts' },
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
  define: { PATCHLINT_VERSION: JSON.stringify(require('../package.json').version), PATCHLINT_BUILD: JSON.stringify(BUILD) },
});

const produced = new Set(Object.keys(metafile.outputs).map((f) => path.resolve(f)));
// The worker pool looks for dist/lint-worker.js one folder up from itself: it must be a chunk.
const poolOutputs = Object.entries(metafile.outputs).filter(([, o]) => Object.hasOwn(o.inputs, 'src/node/workers/pool.ts')).map(([f]) => f);
if (poolOutputs.length !== 1 || path.dirname(poolOutputs[0]) !== 'dist/chunks') throw new Error(`build: the worker pool must be bundled into one file of dist/chunks/, not ${poolOutputs.join(', ')}`);
for (const name of readdirSync('dist/chunks')) {
  const file = path.resolve('dist/chunks', name);
  if (name.endsWith('.js') && !produced.has(file) && statSync(file).mtimeMs < startedAt - 60_000) rmSync(file, { force: true });
}

// The CLI as one CommonJS script, a function that bin/patchlint.js calls with what CommonJS and
// import.meta would give (vm.Script compiles only scripts, and only scripts take a code cache).
// Lazy modules (yargs, the LSP, formatters) stay lazy: esbuild wraps each in an init function
// run on first import(), and V8 compiles a function only when it first runs. It lives in
// dist/chunks/ like the chunks it stands for, so code that finds files relative to its own
// module (the worker pool) finds them from either build.
const cjs = await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/chunks/cli.cjs',
  write: false,
  metafile: true,
  plugins: [builtinImportsAsRequire()],
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
  banner: { js: '(function (require, __patchlintUrl, __filename, __dirname) {' },
  footer: { js: '})' },
  define: { PATCHLINT_VERSION: JSON.stringify(require('../package.json').version), PATCHLINT_BUILD: JSON.stringify(BUILD), 'import.meta.url': '__patchlintUrl' },
});
// ASCII only, so that bin/patchlint.js can decode it as latin1 (a copy; UTF-8 decoding is slower).
// esbuild already escapes non-ASCII text in code; what it leaves is in comments.
const leftImports = Object.values(cjs.metafile.outputs).flatMap((o) => o.imports).filter((i) => i.kind === 'dynamic-import' && i.external);
if (leftImports.length > 0) throw new Error(`dist/chunks/cli.cjs would keep import() of ${leftImports.map((i) => i.path).join(', ')}: vm.Script has no module loader`);
const cjsBody = cjs.outputFiles[0].text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
// First line: the hash that names the matching code cache (V8 checks only the source length).
writeAtomically('dist/chunks/cli.cjs', `// ${createHash('sha256').update(cjsBody).digest('hex').slice(0, 16)}\n${cjsBody}`);
makeCodeCache();

// Declarations for `import ... from 'patchlint'` (TypeScript users).
const tsc = new URL('../node_modules/typescript/bin/tsc', import.meta.url).pathname;
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });

/**
 * For the CommonJS build: `await import('node:x')` (a built-in loaded only when needed) becomes
 * a require() wrapped as a lazily run module. esbuild would keep it an import(), which a
 * vm.Script cannot run without a module loader.
 */
function builtinImportsAsRequire() {
  return {
    name: 'builtin-imports-as-require',
    setup(b) {
      b.onResolve({ filter: /^node:/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, namespace: 'builtin-require' } : undefined));
      b.onLoad({ filter: /.*/, namespace: 'builtin-require' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
    },
  };
}

/** Writes through a temporary file and a rename: a CLI started meanwhile reads the old or the new file, never half of one. */
function writeAtomically(file, text) {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

/**
 * V8's code cache for dist/chunks/cli.cjs, made with this Node (a cache only fits the V8 that made it):
 * scripts/code-cache.cjs lints the repository's example and rule fixtures once and saves the
 * bytecode of everything that ran. Without it the CLI still works (bin/patchlint.js loads the
 * ESM build), so a failure here is a warning, not a failed install.
 */
function makeCodeCache() {
  const fixtures = ['fixtures/examples', 'fixtures/rules']
    .filter((dir) => existsSync(dir))
    .flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.lua')).map((f) => path.join(dir, f)));
  const run = fixtures.length === 0 ? null : spawnSync(process.execPath, ['scripts/code-cache.cjs', '--no-color', ...fixtures], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    // One thread: the cache is made from the main thread's compiled code.
    env: { ...process.env, PATCHLINT_WORKERS: '0' },
  });
  const made = run && run.status === 0 ? run.stderr.trim().split('\n').pop() : '';
  if (!made.endsWith('.cache')) {
    process.stderr.write(`build: no V8 code cache for dist/chunks/cli.cjs (the CLI works without it, starting slower): ${run ? run.error?.message ?? run.stderr.trim() : 'no fixtures to warm up with'}\n`);
  }
  // Caches of earlier builds or other Node versions, left a minute for runs that still use them.
  for (const name of readdirSync('dist/chunks')) {
    const file = path.resolve('dist/chunks', name);
    if (/^cli\.cjs.*\.(cache|tmp)$/.test(name) && file !== made && statSync(file).mtimeMs < startedAt - 60_000) rmSync(file, { force: true });
  }
}
