// A tiny LSP client for tests: spawns `patchlint --lsp` and speaks JSON-RPC over its stdio
// with Content-Length framing. Notifications from the server are queued until a test waits for them.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/patchlint.js', import.meta.url));

export interface Notification {
  method: string;
  params: any;
}

export class LspClient {
  readonly child: ChildProcessWithoutNullStreams;
  stderr = '';
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(v: any): void; reject(e: Error): void }>();
  private readonly notifications: Notification[] = [];
  private waiters: { match(n: Notification): boolean; resolve(n: Notification): void }[] = [];
  readonly exited: Promise<number | null>;

  constructor(args: string[] = ['--lsp'], cwd?: string) {
    this.child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  request(method: string, params: unknown): Promise<any> {
    const id = this.nextId++;
    this.send({ jsonrpc: '2.0', id, method, params });
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** The oldest notification (queued or future) that matches; it is consumed, others stay queued. */
  waitFor(method: string, match: (params: any) => boolean = () => true, timeoutMs = 15_000): Promise<any> {
    const test = (n: Notification) => n.method === method && match(n.params);
    const index = this.notifications.findIndex(test);
    if (index >= 0) return Promise.resolve(this.notifications.splice(index, 1)[0]!.params);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${method} within ${timeoutMs} ms; stderr: ${this.stderr}`)), timeoutMs);
      this.waiters.push({ match: test, resolve: (n) => (clearTimeout(timer), resolve(n.params)) });
    });
  }

  /** Diagnostics published for `uri` (optionally for one document version). */
  diagnostics(uri: string, version?: number): Promise<any> {
    return this.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && (version === undefined || p.version === version));
  }

  /** Notifications received and not yet consumed by waitFor. */
  queued(method: string): Notification[] {
    return this.notifications.filter((n) => n.method === method);
  }

  async shutdown(): Promise<number | null> {
    await this.request('shutdown', null);
    this.notify('exit', null);
    return this.exited;
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill();
  }

  private send(message: unknown): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(message);
    }
  }

  private dispatch(message: any): void {
    if (message.id !== undefined && message.method === undefined) {
      const pending = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) pending?.reject(new Error(message.error.message));
      else pending?.resolve(message.result);
      return;
    }
    if (message.id !== undefined) {
      // A request from the server (client/registerCapability, ...): accept it.
      this.send({ jsonrpc: '2.0', id: message.id, result: null });
      this.notifications.push({ method: message.method, params: message.params });
    } else this.notifications.push({ method: message.method, params: message.params });
    const latest = this.notifications[this.notifications.length - 1]!;
    const waiter = this.waiters.find((w) => w.match(latest));
    if (waiter) {
      this.waiters = this.waiters.filter((w) => w !== waiter);
      this.notifications.pop();
      waiter.resolve(latest);
    }
  }
}

export function initializeParams(rootUri: string | null, capabilities: unknown = {}): unknown {
  return { processId: process.pid, rootUri, capabilities, workspaceFolders: null };
}
