import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The bundled server, whether this file runs from test/helpers or bundled into dist/ (the benchmark). */
export const SERVER_JS = fs.existsSync(path.join(__dirname, 'server.js'))
  ? path.join(__dirname, 'server.js')
  : path.join(__dirname, '../../dist/server.js');

interface Message {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

export interface Notification {
  method: string;
  params: any;
}

/**
 * A minimal LSP client over the real stdio of `node dist/server.js --stdio`.
 * It parses the framing itself, so anything on stdout that is not a
 * well-formed JSON-RPC message ends up in `garbage`.
 */
export class LspTestClient {
  readonly notifications: Notification[] = [];
  readonly garbage: string[] = [];
  readonly stderr: string[] = [];
  /** Answers to `workspace/configuration`, per section. */
  settings: Record<string, unknown> = {};
  /** Bytes received and not yet dispatched, and how many the message they start needs. */
  #chunks: Buffer[] = [];
  #received = 0;
  #needed = 0;
  #nextId = 1;
  #pending = new Map<number | string, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  #waiters: { method: string; predicate: (params: any) => boolean; resolve: (n: Notification) => void }[] = [];
  exited: Promise<number | null>;

  private constructor(readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.on('data', (chunk: Buffer) => this.#onData(chunk));
    child.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    // A server that dies fails every pending request at once instead of timing out.
    child.on('exit', (code, signal) => {
      for (const pending of this.#pending.values()) pending.reject(new Error(`server exited (${code ?? signal}): ${this.stderr.join('').slice(0, 2000)}`));
      this.#pending.clear();
    });
  }

  static start(env: Record<string, string> = {}, nodeArgs: readonly string[] = [], server = SERVER_JS): LspTestClient {
    const child = spawn(process.execPath, [...nodeArgs, server, '--stdio'], { env: { ...process.env, ...env }, stdio: 'pipe' });
    return new LspTestClient(child);
  }

  async initialize(options: { locale?: string; settings?: Record<string, unknown>; rootUri?: string | null; configuration?: boolean } = {}): Promise<any> {
    if (options.settings) this.settings = { policyLens: options.settings };
    const result = await this.request('initialize', {
      processId: process.pid,
      rootUri: options.rootUri ?? null,
      locale: options.locale ?? 'en',
      // As the VS Code client does: settings up front, so the first answers already use them.
      initializationOptions: options.settings ? { settings: options.settings } : undefined,
      capabilities: {
        workspace: { configuration: options.configuration ?? true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
        window: { workDoneProgress: true },
      },
    });
    this.notify('initialized', {});
    return result;
  }

  request<T = any>(method: string, params: unknown, timeoutMs = 20_000): Promise<T> {
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timeout waiting for ${method}`)), timeoutMs);
      this.#pending.set(id, {
        resolve: (v) => (clearTimeout(timer), resolve(v)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      this.#send({ jsonrpc: '2.0', id, method, params });
    });
  }

  /**
   * A request that the client gives up on after `cancelAfterMs` by sending `$/cancelRequest`,
   * as editors do. Resolves with the result, or rejects with the server's error (code -32800
   * when it honoured the cancellation), or with a timeout after `timeoutMs`.
   */
  requestCancellable<T = any>(method: string, params: unknown, cancelAfterMs: number, timeoutMs = 20_000): Promise<T> {
    const id = this.#nextId++;
    const cancel = setTimeout(() => this.notify('$/cancelRequest', { id }), cancelAfterMs);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        clearTimeout(cancel);
        reject(new Error(`timeout waiting for ${method} (cancelled after ${cancelAfterMs} ms)`));
      }, timeoutMs);
      this.#pending.set(id, {
        resolve: (v) => (clearTimeout(timer), clearTimeout(cancel), resolve(v)),
        reject: (e) => (clearTimeout(timer), clearTimeout(cancel), reject(e)),
      });
      this.#send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.#send({ jsonrpc: '2.0', method, params });
  }

  /** Resolves with the first notification (already received or future) that matches. */
  waitFor(method: string, predicate: (params: any) => boolean = () => true, timeoutMs = 20_000): Promise<Notification> {
    const seen = this.notifications.find((n) => n.method === method && predicate(n.params));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timeout waiting for ${method}`)), timeoutMs);
      this.#waiters.push({ method, predicate, resolve: (n) => (clearTimeout(timer), resolve(n)) });
    });
  }

  /** The diagnostics published for `uri` at `version`. */
  async diagnostics(uri: string, version: number, timeoutMs?: number): Promise<any[]> {
    const n = await this.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === version, timeoutMs);
    return n.params.diagnostics;
  }

  open(uri: string, text: string, languageId = 'policy', version = 1): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  async shutdown(): Promise<number | null> {
    await this.request('shutdown', null);
    this.notify('exit', null);
    return this.exited;
  }

  kill(): void {
    this.child.kill('SIGKILL');
  }

  #send(message: Message): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  #onData(chunk: Buffer): void {
    this.#chunks.push(chunk);
    this.#received += chunk.length;
    // A message is assembled once all its bytes are here. Concatenating on every chunk
    // copied a 400 KB publishDiagnostics six times over, and the benchmark timed that.
    if (this.#received < this.#needed) return;
    let buffer = this.#chunks.length === 1 ? this.#chunks[0] : Buffer.concat(this.#chunks);
    this.#chunks = [];
    this.#received = 0;
    this.#needed = 0;
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) break;
      const header = buffer.subarray(0, headerEnd).toString('ascii');
      const match = /^Content-Length: (\d+)(\r\nContent-Type: [^\r\n]+)?$/i.exec(header);
      if (!match) {
        this.garbage.push(header);
        buffer = buffer.subarray(headerEnd + 4);
        continue;
      }
      const end = headerEnd + 4 + Number(match[1]);
      if (buffer.length < end) {
        this.#needed = end;
        break;
      }
      const body = buffer.subarray(headerEnd + 4, end).toString('utf8');
      buffer = buffer.subarray(end);
      let message: Message;
      try {
        message = JSON.parse(body);
      } catch {
        this.garbage.push(body);
        continue;
      }
      this.#dispatch(message);
    }
    if (buffer.length > 0) {
      this.#chunks.push(buffer);
      this.#received = buffer.length;
    }
  }

  #dispatch(message: Message): void {
    if (message.id !== undefined && message.method === undefined) {
      const pending = this.#pending.get(message.id);
      this.#pending.delete(message.id);
      if (message.error) pending?.reject(Object.assign(new Error(message.error.message), { code: message.error.code }));
      else pending?.resolve(message.result);
      return;
    }
    if (message.id !== undefined && message.method) {
      this.#send({ jsonrpc: '2.0', id: message.id, result: this.#answer(message.method, message.params) });
      return;
    }
    if (message.method) {
      const notification = { method: message.method, params: message.params };
      this.notifications.push(notification);
      this.#waiters = this.#waiters.filter((w) => {
        if (w.method !== notification.method || !w.predicate(notification.params)) return true;
        w.resolve(notification);
        return false;
      });
    }
  }

  #answer(method: string, params: any): unknown {
    if (method === 'workspace/configuration') return params.items.map((item: { section?: string }) => (item.section ? (this.settings[item.section] ?? null) : null));
    return null;
  }
}
