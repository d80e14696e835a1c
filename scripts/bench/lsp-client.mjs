// A minimal LSP client over stdio for the benchmark: Content-Length framing, requests with
// promises, notifications to listeners, and default answers to the server's own requests
// (configuration, capability registration, progress). Enough to drive the real dist/server.js
// without pulling an editor in; timing uses performance.now() at the moment bytes are written/read.
import { spawn } from 'node:child_process';

/**
 * @typedef {{ method: string, params: any, receivedAt: number }} Incoming
 */

/** Starts `node SERVER --stdio` and returns a client bound to it. */
export function startServer(serverPath, { cwd, env, nodeArgs = [] } = {}) {
  const startedAt = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, serverPath, '--stdio'], { cwd, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let buffer = Buffer.alloc(0);
  let nextId = 1;
  const pending = new Map();
  /** @type {((msg: Incoming) => void)[]} */
  const listeners = [];
  let stderr = '';
  let exited = null;

  child.stderr.on('data', (d) => {
    stderr += d.toString();
    if (stderr.length > 20000) stderr = stderr.slice(-20000);
  });
  child.on('exit', (code, signal) => {
    exited = { code, signal };
    for (const { reject } of pending.values()) reject(new Error(`server exited (${signal ?? code}) ${stderr.slice(-2000)}`));
    pending.clear();
  });

  const write = (msg) => {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }), 'utf8');
    child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
    return performance.now();
  };

  const answer = (msg) => {
    // The server's own requests: answer the way a plain editor with default settings would.
    let result = null;
    if (msg.method === 'workspace/configuration') result = (msg.params?.items ?? []).map(() => null);
    else if (msg.method === 'workspace/workspaceFolders') result = [];
    write({ id: msg.id, result });
  };

  child.stdout.on('data', (chunk) => {
    const receivedAt = performance.now();
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = buffer.subarray(0, headerEnd).toString('ascii');
      const m = /Content-Length: *(\d+)/i.exec(header);
      if (!m) throw new Error(`bad LSP header: ${header}`);
      const length = Number(m[1]);
      if (buffer.length < headerEnd + 4 + length) return;
      const msg = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
      buffer = buffer.subarray(headerEnd + 4 + length);
      if (msg.id !== undefined && msg.method === undefined) {
        const p = pending.get(msg.id);
        pending.delete(msg.id);
        if (!p) continue;
        if (msg.error) p.reject(new Error(`${msg.error.message} (${msg.error.code})`));
        else p.resolve(msg.result);
      } else if (msg.id !== undefined) {
        answer(msg);
      } else {
        for (const l of [...listeners]) l({ method: msg.method, params: msg.params, receivedAt });
      }
    }
  });

  return {
    pid: child.pid,
    startedAt,
    get stderr() {
      return stderr;
    },
    request(method, params) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        if (exited) return reject(new Error(`server exited (${exited.signal ?? exited.code}) ${stderr.slice(-2000)}`));
        pending.set(id, { resolve, reject });
        write({ id, method, params });
      });
    },
    /** Sends a notification; returns the time it was written. */
    notify(method, params) {
      return write({ method, params });
    },
    /** Resolves with the first notification matching `predicate` (checked from now on). */
    waitFor(predicate, timeoutMs = 30000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          remove();
          reject(new Error(`timed out after ${timeoutMs} ms waiting for a notification; server stderr: ${stderr.slice(-2000)}`));
        }, timeoutMs);
        const listener = (msg) => {
          if (!predicate(msg)) return;
          remove();
          resolve(msg);
        };
        const remove = () => {
          clearTimeout(timer);
          const i = listeners.indexOf(listener);
          if (i >= 0) listeners.splice(i, 1);
        };
        listeners.push(listener);
      });
    },
    onNotification(listener) {
      listeners.push(listener);
    },
    async stop() {
      if (exited) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      let timer;
      try {
        await Promise.race([this.request('shutdown', null), new Promise((r) => (timer = setTimeout(r, 2000)))]);
        this.notify('exit', null);
      } catch {
        // already gone
      } finally {
        clearTimeout(timer);
      }
      const killer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await gone;
      clearTimeout(killer);
    },
  };
}

/** The initialize params of a plain editor that supports versioned diagnostics. */
export function initializeParams(rootUri) {
  return {
    processId: process.pid,
    clientInfo: { name: 'rfl-lens-bench', version: '1' },
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'corpus' }],
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
      textDocument: {
        synchronization: { dynamicRegistration: false, didSave: true },
        publishDiagnostics: { versionSupport: true, relatedInformation: true, codeDescriptionSupport: true, dataSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
      },
      window: { workDoneProgress: false },
    },
  };
}

export async function initialize(client, rootUri) {
  const result = await client.request('initialize', initializeParams(rootUri));
  client.notify('initialized', {});
  return result;
}
