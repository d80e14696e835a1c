// Benchmarks that go through the real LSP server (dist/server.js --stdio): start-up to first
// diagnostics, keystroke-to-diagnostics latency on one file, and memory with many files open.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { initialize, startServer } from './lsp-client.mjs';
import { createRng } from './rng.mjs';
import { median, percentile } from './stats.mjs';

const uriOf = (file) => pathToFileURL(file).href;

/** Waits for the diagnostics of `uri` at `version` (any version when the server sends none). */
function diagnosticsFor(client, uri, version, timeoutMs) {
  return client.waitFor(
    (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && (m.params.version === undefined || m.params.version === version),
    timeoutMs,
  );
}

function open(client, file, text) {
  return client.notify('textDocument/didOpen', { textDocument: { uri: uriOf(file), languageId: 'rust', version: 1, text } });
}

/** Spawn to first diagnostics of `file`, `runs` times; medians of each step in ms. */
export async function benchStartup(serverPath, root, file, runs) {
  const text = readFileSync(file, 'utf8');
  const samples = [];
  for (let i = 0; i < runs + 1; i++) {
    const client = startServer(serverPath, { cwd: root });
    try {
      await initialize(client, uriOf(root));
      const initializedAt = performance.now();
      const done = diagnosticsFor(client, uriOf(file), 1, 60000);
      open(client, file, text);
      const diag = await done;
      if (i > 0) samples.push({ initialize: initializedAt - client.startedAt, firstDiagnostics: diag.receivedAt - client.startedAt });
    } finally {
      await client.stop();
    }
  }
  return {
    runs,
    initializeMs: median(samples.map((s) => s.initialize)),
    firstDiagnosticsMs: median(samples.map((s) => s.firstDiagnostics)),
  };
}

/**
 * Single-character edits at spread-out places in `file`, each sent as an incremental didChange;
 * latency is from writing the change to reading the publishDiagnostics of that exact version.
 * Each insertion is followed by its deletion so the text stays close to the original. The first
 * `warmup` edits are not counted. Edits are sequential, so the server's debounce delay is part of
 * each latency; `env` can set it (RFL_LENS_DEBOUNCE_MS) to separate the delay from the work.
 */
export async function benchKeystrokes(serverPath, root, file, { edits = 200, warmup = 20, seed = 7, nodeArgs = [], env = {} } = {}) {
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const uri = uriOf(file);
  const r = createRng(seed);
  const client = startServer(serverPath, { cwd: root, nodeArgs, env });
  const latencies = [];
  let diagnosticsCount = 0;
  try {
    await initialize(client, uriOf(root));
    const first = diagnosticsFor(client, uri, 1, 60000);
    open(client, file, text);
    diagnosticsCount = (await first).params.diagnostics.length;
    let version = 1;
    for (let i = 0; i < warmup + edits; i++) {
      const line = r.int(0, lines.length - 1);
      const character = r.int(0, lines[line].length);
      const at = { line, character };
      for (const change of [
        { range: { start: at, end: at }, text: r.pick(['x', '_', ' ', '1', 'é']) },
        { range: { start: at, end: { line, character: character + 1 } }, text: '' },
      ]) {
        version++;
        const done = diagnosticsFor(client, uri, version, 30000);
        const sentAt = client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
        const msg = await done;
        if (i >= warmup) latencies.push(msg.receivedAt - sentAt);
      }
    }
  } finally {
    await client.stop();
  }
  return {
    file,
    lines: text.endsWith('\n') ? lines.length - 1 : lines.length,
    bytes: Buffer.byteLength(text),
    diagnostics: diagnosticsCount,
    samples: latencies.length,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    maxMs: Math.max(...latencies),
  };
}

/** kB figures from /proc/PID/status (Linux); undefined elsewhere. */
function procMemory(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s*(\\d+) kB`, 'm').exec(status)?.[1]);
    return { rssKb: kb('VmRSS'), peakKb: kb('VmHWM') };
  } catch {
    return undefined;
  }
}

/** Opens up to `limit` files in one server, waits for all their diagnostics, then reads its memory. */
export async function benchMemory(serverPath, root, files, limit = 200) {
  const chosen = files.slice(0, limit);
  const client = startServer(serverPath, { cwd: root });
  try {
    await initialize(client, uriOf(root));
    await new Promise((r) => setTimeout(r, 300));
    const idle = procMemory(client.pid);
    const waiting = new Set(chosen.map(uriOf));
    const allDone = new Promise((resolve) => {
      client.onNotification((m) => {
        if (m.method !== 'textDocument/publishDiagnostics') return;
        waiting.delete(m.params.uri);
        if (waiting.size === 0) resolve();
      });
    });
    const started = performance.now();
    let bytes = 0;
    for (const f of chosen) {
      const text = readFileSync(f, 'utf8');
      bytes += Buffer.byteLength(text);
      open(client, f, text);
    }
    let timer;
    try {
      await Promise.race([
        allDone,
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`diagnostics missing for ${waiting.size} files after 120 s`)), 120000);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
    const settleMs = performance.now() - started;
    await new Promise((r) => setTimeout(r, 500));
    const loaded = procMemory(client.pid);
    return {
      files: chosen.length,
      bytes,
      allDiagnosticsMs: settleMs,
      idleRssMb: idle ? idle.rssKb / 1024 : undefined,
      rssMb: loaded ? loaded.rssKb / 1024 : undefined,
      peakRssMb: loaded ? loaded.peakKb / 1024 : undefined,
    };
  } finally {
    await client.stop();
  }
}
