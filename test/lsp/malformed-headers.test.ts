// Issue 18, item 18: after a Content-Length or header error the byte stream has no framing
// left, and the server used to go deaf in silence until stdin closed. It now says why on
// stderr and exits 1, so that the client sees it end and restarts it.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/run-cli.js';

function serve(input: string, keepOpen: boolean): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/patchlint.js'), '--lsp'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    // Closing stdin would end the server anyway: keep it open to see that the header alone ends it.
    const timer = setTimeout(() => child.kill(), 10_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, stdout });
    });
    child.stdin.write(input);
    if (!keepOpen) child.stdin.end();
  });
}

const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

describe('malformed headers', () => {
  it('a header without Content-Length: one line on stderr, exit 1, with stdin still open', async () => {
    const run = await serve('Content-Type: application/json\r\n\r\n{}', true);
    expect(run.stderr).toBe('patchlint: the language client sent a malformed message (Header must provide a Content-Length property.); exiting, as the stream cannot be read past it\n');
    expect(run.code).toBe(1);
  });

  it('a Content-Length that is no number, after a valid request', async () => {
    const initialize = frame(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));
    const run = await serve(`${initialize}Content-Length: abc\r\n\r\n{}`, true);
    expect(run.stderr).toBe('patchlint: the language client sent a malformed message (Content-Length value must be a number. Got abc); exiting, as the stream cannot be read past it\n');
    expect(run.code).toBe(1);
  });
});
