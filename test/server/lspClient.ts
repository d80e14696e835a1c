/**
 * A small LSP client for the tests: spawns the built server (`node dist/server.js --stdio`),
 * frames JSON-RPC with Content-Length headers, answers the server's requests as an editor would
 * (workspace/configuration, client/registerCapability, progress) and lets tests wait on
 * notifications by predicate instead of sleeping.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

type Json = unknown;

interface Message {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: Json;
  result?: Json;
  error?: { code: number; message: string; data?: Json };
}

export interface Notification {
  readonly method: string;
  readonly params: Json;
  /** Receipt time (performance.now()). */
  readonly at: number;
}

interface Waiter {
  method: string;
  predicate: (params: Json) => boolean;
  resolve: (n: Notification) => void;
}

export class LspError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export interface StartOptions {
  readonly serverPath: string;
  readonly args?: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
}

export class LspClient {
  private nextId = 1;
  private buffer = Buffer.alloc(0);
  private readonly pending = new Map<number, { resolve: (r: Json) => void; reject: (e: Error) => void }>();
  private readonly waiters: Waiter[] = [];
  private readonly handlers = new Map<string, (params: Json) => Json | Promise<Json>>();
  readonly notifications: Notification[] = [];
  /** Requests the server sent to the client, in order. */
  readonly serverRequests: { method: string; params: Json }[] = [];
  stderr = '';
  private readonly child: ChildProcessWithoutNullStreams;

  constructor(options: StartOptions) {
    this.child = spawn(process.execPath, [options.serverPath, '--stdio', ...(options.args ?? [])], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: 'pipe',
    });
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.child.on('exit', (code, signal) => {
      for (const p of this.pending.values()) p.reject(new Error(`server exited (code ${code}, signal ${signal}); stderr:\n${this.stderr}`));
      this.pending.clear();
    });
    this.handlers.set('client/registerCapability', () => null);
    this.handlers.set('client/unregisterCapability', () => null);
    this.handlers.set('window/workDoneProgress/create', () => null);
    this.handlers.set('workspace/configuration', (params) => (params as { items: unknown[] }).items.map(() => null));
    this.handlers.set('workspace/inlayHint/refresh', () => null);
    this.handlers.set('workspace/semanticTokens/refresh', () => null);
    this.handlers.set('workspace/diagnostic/refresh', () => null);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Answers the server's `method` requests with `handler`. */
  onRequest(method: string, handler: (params: Json) => Json | Promise<Json>): void {
    this.handlers.set(method, handler);
  }

  request<R = Json>(method: string, params?: Json): Promise<R> {
    const id = this.nextId++;
    return new Promise<R>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (r: Json) => void, reject });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params?: Json): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /**
   * The first notification `method` (already received or still to come) that satisfies
   * `predicate`. Rejects after `timeoutMs` with what did arrive, to make failures readable.
   */
  waitFor<P = Json>(method: string, predicate: (params: P) => boolean = () => true, timeoutMs = 15000): Promise<P> {
    const seen = this.notifications.find((n) => n.method === method && predicate(n.params as P));
    if (seen) return Promise.resolve(seen.params as P);
    return this.waitForNext(method, predicate, timeoutMs).then((n) => n.params as P);
  }

  /** Like waitFor, but only notifications arriving from now on; resolves with the receipt time too. */
  waitForNext<P = Json>(method: string, predicate: (params: P) => boolean = () => true, timeoutMs = 15000): Promise<Notification> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { method, predicate: (p) => predicate(p as P), resolve };
      this.waiters.push(waiter);
      const timer = setTimeout(() => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        const got = this.notifications.filter((n) => n.method === method).map((n) => JSON.stringify(n.params).slice(0, 400));
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${method}; received:\n${got.join('\n')}\nstderr:\n${this.stderr}`));
      }, timeoutMs);
      const done = waiter.resolve;
      waiter.resolve = (n) => {
        clearTimeout(timer);
        done(n);
      };
    });
  }

  /** The first request `method` the server sent to the client (already or still to come) satisfying `predicate`. */
  async waitForServerRequest<P = Json>(method: string, predicate: (params: P) => boolean = () => true, timeoutMs = 15000): Promise<P> {
    const find = (): P | undefined => this.serverRequests.find((r) => r.method === method && predicate(r.params as P))?.params as P | undefined;
    const seen = find();
    if (seen !== undefined) return seen;
    // Server requests are also recorded as notifications under a marker, so waitForNext sees them.
    await this.waitForNext<P>(`request:${method}`, predicate, timeoutMs);
    return find()!;
  }

  /** All notifications `method` received so far. */
  received<P = Json>(method: string): P[] {
    return this.notifications.filter((n) => n.method === method).map((n) => n.params as P);
  }

  /**
   * Sends the messages `send` writes in one piece, as an editor's burst of changes arrives: the
   * server is to read them together, not as they trickle in between its turns.
   */
  together(send: () => void): void {
    this.child.stdin.cork();
    try {
      send();
    } finally {
      this.child.stdin.uncork();
    }
  }

  /** Closes the server's stdin, as a client that goes away does; resolves with its exit code. */
  closeInput(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.child.once('exit', (code) => resolve(code)));
    this.child.stdin.end();
    return exited;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    try {
      await Promise.race([this.request('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      this.notify('exit');
    } catch {
      // already gone
    }
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  }

  private send(message: Message): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const m = /Content-Length: (\d+)/i.exec(header);
      if (!m) throw new Error(`bad header from server: ${header}`);
      const length = Number(m[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body) as Message);
    }
  }

  private dispatch(message: Message): void {
    if (message.id !== undefined && message.method === undefined) {
      const p = this.pending.get(Number(message.id));
      if (!p) return;
      this.pending.delete(Number(message.id));
      if (message.error) p.reject(new LspError(message.error.code, message.error.message));
      else p.resolve(message.result ?? null);
      return;
    }
    if (message.method !== undefined && message.id !== undefined) {
      this.serverRequests.push({ method: message.method, params: message.params });
      this.wake({ method: `request:${message.method}`, params: message.params, at: performance.now() });
      const handler = this.handlers.get(message.method);
      const id = message.id;
      if (!handler) {
        this.send({ jsonrpc: '2.0', id, error: { code: -32601, message: `test client has no handler for ${message.method}` } });
        return;
      }
      Promise.resolve()
        .then(() => handler(message.params))
        .then(
          (result) => this.send({ jsonrpc: '2.0', id, result: result ?? null }),
          (e: unknown) => this.send({ jsonrpc: '2.0', id, error: { code: -32603, message: String(e) } }),
        );
      return;
    }
    if (message.method !== undefined) {
      const n: Notification = { method: message.method, params: message.params, at: performance.now() };
      this.notifications.push(n);
      this.wake(n);
    }
  }

  private wake(n: Notification): void {
    for (const w of [...this.waiters]) {
      if (w.method === n.method && w.predicate(n.params)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(n);
      }
    }
  }
}
