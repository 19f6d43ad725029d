/**
 * A minimal LSP client over a child process's stdio: JSON-RPC with `Content-Length` framing by
 * hand (no dependency, so the test needs nothing beyond Node). It answers the server's requests
 * (`workspace/configuration` with the given settings, anything else with null) and records the
 * diagnostics the server publishes.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

export interface LspDiagnostic {
  readonly range: { start: { line: number; character: number }; end: { line: number; character: number } };
  readonly severity?: number;
  readonly code?: string | number;
  readonly source?: string;
  readonly message: string;
}

interface Message {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

export class LspStdioClient {
  readonly child: ChildProcessWithoutNullStreams;
  readonly diagnostics = new Map<string, LspDiagnostic[]>();
  stderr = '';
  /** How many `workspace/configuration` requests the server has sent (and got answered). */
  configurationRequests = 0;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private readonly waiters: (() => void)[] = [];

  constructor(command: string, args: readonly string[], options: { cwd: string; settings: Record<string, unknown> }) {
    this.child = spawn(command, args, { cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.drain(options.settings);
    });
    this.child.on('exit', (code, signal) => {
      for (const { reject } of this.pending.values()) reject(new Error(`server exited (${code ?? signal}): ${this.stderr}`));
      this.pending.clear();
    });
  }

  request(method: string, params: unknown): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** Resolves once `test` returns a value (checked after each publish and configuration request); rejects after `timeoutMs`. */
  waitFor<T>(test: () => T | undefined, timeoutMs = 20_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const value = test();
        if (value === undefined) return false;
        clearTimeout(timer);
        resolve(value);
        return true;
      };
      const timer = setTimeout(() => {
        const index = this.waiters.indexOf(listener);
        if (index >= 0) this.waiters.splice(index, 1);
        reject(new Error(`timed out; diagnostics so far: ${JSON.stringify([...this.diagnostics])}; stderr: ${this.stderr}`));
      }, timeoutMs);
      const listener = (): void => {
        if (check()) this.waiters.splice(this.waiters.indexOf(listener), 1);
      };
      if (!check()) this.waiters.push(listener);
    });
  }

  async shutdown(): Promise<void> {
    try {
      await Promise.race([this.request('shutdown', null), new Promise((resolve) => setTimeout(resolve, 2000))]);
      this.notify('exit', null);
    } catch {
      // already gone
    }
    await new Promise<void>((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) return resolve();
      const timer = setTimeout(() => {
        this.child.kill();
        resolve();
      }, 2000);
      this.child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private send(message: Message): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  private drain(settings: Record<string, unknown>): void {
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const length = Number(/Content-Length:\s*(\d+)/i.exec(header)?.[1]);
      if (!Number.isFinite(length)) throw new Error(`bad header: ${header}`);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.handle(JSON.parse(body) as Message, settings);
    }
  }

  private handle(message: Message, settings: Record<string, unknown>): void {
    if (message.method !== undefined && message.id !== undefined) {
      // A request from the server.
      let result: unknown = null;
      if (message.method === 'workspace/configuration') {
        this.configurationRequests += 1;
        queueMicrotask(() => {
          for (const waiter of [...this.waiters]) waiter();
        });
        const items = (message.params as { items: { section?: string }[] }).items;
        result = items.map((item) => (item.section === 'mxDoctor' ? settings : item.section?.startsWith('mxDoctor.') ? settings[item.section.slice(9)] ?? null : null));
      }
      this.send({ jsonrpc: '2.0', id: message.id, result });
      return;
    }
    if (message.method !== undefined) {
      if (message.method === 'textDocument/publishDiagnostics') {
        const params = message.params as { uri: string; diagnostics: LspDiagnostic[] };
        this.diagnostics.set(params.uri, params.diagnostics);
        for (const waiter of [...this.waiters]) waiter();
      }
      return;
    }
    const pending = this.pending.get(Number(message.id));
    if (pending === undefined) return;
    this.pending.delete(Number(message.id));
    if (message.error) pending.reject(new Error(`${message.error.code}: ${message.error.message}`));
    else pending.resolve(message.result);
  }
}
