/**
 * Scans many files for the report, in worker threads when the tree is large enough to pay for
 * their start-up (each worker loads its own parser wasm), else in this thread. Both paths run the
 * same scanFile, so the counts do not depend on how the work was split.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ContextResolver } from '../context';
import { loadRustParser } from '../parser';
import { scanFile, type ScanResult } from './scanFile';
import type { BatchReply, BatchRequest, WorkerSetup } from './workerProtocol';

declare const __dirname: string;

export interface ScanOptions extends WorkerSetup {
  /** Unsaved editor text by absolute path; used instead of the file on disk. */
  readonly overrides?: ReadonlyMap<string, string>;
  /** Worker threads; default min(cores, 4). 0 or 1 scans in this thread. */
  readonly workers?: number;
  /** Below this many files the scan stays in this thread (default 48). */
  readonly parallelThreshold?: number;
  /** Called after each batch with the number of files done. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Polled between batches; true stops the scan with ScanCancelledError. */
  readonly isCancelled?: () => boolean;
}

export interface ScanOutput {
  /** One result per input file, in input order. */
  readonly results: ScanResult[];
  /** Context problems (bad clippy.toml, broken database...), each once. */
  readonly problems: string[];
  /** Worker threads used (0 = scanned in this thread). */
  readonly workers: number;
}

export class ScanCancelledError extends Error {
  constructor() {
    super('report scan cancelled');
  }
}

export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(availableParallelism(), 4));
}

/** Files per batch: small enough to balance the workers, large enough to keep messages rare. */
const BATCH = 16;

export async function scanFiles(files: readonly string[], options: ScanOptions): Promise<ScanOutput> {
  const workers = Math.min(options.workers ?? defaultWorkerCount(), Math.ceil(files.length / BATCH));
  if (workers <= 1 || files.length < (options.parallelThreshold ?? 48)) return scanInThread(files, options);
  return scanInWorkers(files, options, workers);
}

async function scanInThread(files: readonly string[], options: ScanOptions): Promise<ScanOutput> {
  const parser = await loadRustParser();
  const resolver = new ContextResolver(options);
  const results: ScanResult[] = [];
  for (let i = 0; i < files.length; i++) {
    if (i % BATCH === 0) {
      if (options.isCancelled?.()) throw new ScanCancelledError();
      if (i > 0) {
        options.onProgress?.(i, files.length);
        // Let the event loop breathe so a server can still receive the cancellation.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    const f = files[i]!;
    results.push(scanFile(f, parser, resolver, options.settings.maxFileSize, options.overrides?.get(f)));
  }
  options.onProgress?.(files.length, files.length);
  return { results, problems: resolver.takeProblems(), workers: 0 };
}

/** The worker script: the bundle beside dist/*.js, or the TypeScript source under tsx (tests). */
function workerEntry(): { file: string; execArgv?: string[] } {
  if (path.basename(__dirname) === 'dist') return { file: path.join(__dirname, 'reportWorker.js') };
  return { file: path.join(__dirname, 'worker.ts'), execArgv: ['--import', 'tsx'] };
}

function scanInWorkers(files: readonly string[], options: ScanOptions, count: number): Promise<ScanOutput> {
  const setup: WorkerSetup = {
    settings: options.settings,
    trusted: options.trusted,
    databaseOverride: options.databaseOverride,
    defaultToolchain: options.defaultToolchain,
  };
  const entry = workerEntry();
  const results: ScanResult[] = new Array<ScanResult>(files.length);
  const problems = new Set<string>();
  const batches: number[] = [];
  for (let start = 0; start < files.length; start += BATCH) batches.push(start);
  let next = 0;
  let done = 0;
  const pool: Worker[] = [];

  return new Promise<ScanOutput>((resolve, reject) => {
    let settled = false;
    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
      for (const w of pool) void w.terminate();
      if (error) reject(error);
      else resolve({ results, problems: [...problems], workers: count });
    };
    const send = (w: Worker): void => {
      if (options.isCancelled?.()) return finish(new ScanCancelledError());
      if (next >= batches.length) return;
      const start = batches[next]!;
      const slice = files.slice(start, start + BATCH);
      const overrides: [string, string][] = [];
      for (const f of slice) {
        const text = options.overrides?.get(f);
        if (text !== undefined) overrides.push([f, text]);
      }
      const req: BatchRequest = { id: start, files: slice, overrides };
      next++;
      w.postMessage(req);
    };
    for (let i = 0; i < count; i++) {
      const w = new Worker(entry.file, { workerData: setup, ...(entry.execArgv ? { execArgv: entry.execArgv } : {}) });
      pool.push(w);
      w.on('message', (reply: BatchReply) => {
        if (reply.error !== undefined) return finish(new Error(`report worker: ${reply.error}`));
        reply.results.forEach((r, k) => (results[reply.id + k] = r));
        for (const p of reply.problems) problems.add(p);
        done += reply.results.length;
        options.onProgress?.(done, files.length);
        if (done >= files.length) return finish();
        send(w);
      });
      w.on('error', (e) => finish(e));
      w.on('exit', (code) => {
        if (!settled) finish(new Error(`report worker exited early (code ${code})`));
      });
      send(w);
    }
  });
}
