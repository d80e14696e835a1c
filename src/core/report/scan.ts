/**
 * Scans many files for the report, in worker threads when the tree is large enough to pay for
 * their start-up (each worker loads its own parser wasm), else in this thread. Both paths run the
 * same scanFile, so the counts do not depend on how the work was split.
 */
import { statSync } from 'node:fs';
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

/**
 * Starts a worker: the bundle beside dist/*.js, or, running from source (tests), the TypeScript
 * entry behind tsx's require hook (registered synchronously, unlike `--import tsx` in a worker).
 */
function startWorker(setup: WorkerSetup): Worker {
  if (path.basename(__dirname) === 'dist') return new Worker(path.join(__dirname, 'reportWorker.js'), { workerData: setup });
  const entry = JSON.stringify(path.join(__dirname, 'worker.ts'));
  return new Worker(`require('tsx/cjs'); require(${entry});`, { eval: true, workerData: setup });
}

/** A batch's byte budget: one large file is a batch of its own. */
const BATCH_BYTES = 128 * 1024;

/**
 * Groups file indices into batches, largest files first, so the big files start early and the
 * many small ones at the end even out the workers (longest-processing-time-first scheduling).
 */
export function planBatches(files: readonly string[], overrides?: ReadonlyMap<string, string>): number[][] {
  const size = (f: string): number => {
    const text = overrides?.get(f);
    if (text !== undefined) return text.length;
    try {
      return statSync(f).size;
    } catch {
      return 0;
    }
  };
  const sizes = files.map(size);
  const order = files.map((_, i) => i).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
  const batches: number[][] = [];
  let current: number[] = [];
  let bytes = 0;
  for (const i of order) {
    if (current.length && (current.length >= BATCH || bytes + sizes[i]! > BATCH_BYTES)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(i);
    bytes += sizes[i]!;
  }
  if (current.length) batches.push(current);
  return batches;
}

function scanInWorkers(files: readonly string[], options: ScanOptions, count: number): Promise<ScanOutput> {
  const setup: WorkerSetup = {
    settings: options.settings,
    trusted: options.trusted,
    databaseOverride: options.databaseOverride,
    defaultToolchain: options.defaultToolchain,
  };
  const results: ScanResult[] = new Array<ScanResult>(files.length);
  const problems = new Set<string>();
  const batches = planBatches(files, options.overrides);
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
      const batch = batches[next]!;
      const slice = batch.map((i) => files[i]!);
      const overrides: [string, string][] = [];
      for (const f of slice) {
        const text = options.overrides?.get(f);
        if (text !== undefined) overrides.push([f, text]);
      }
      const req: BatchRequest = { id: next, files: slice, overrides };
      next++;
      w.postMessage(req);
    };
    for (let i = 0; i < count; i++) {
      const w = startWorker(setup);
      pool.push(w);
      w.on('message', (reply: BatchReply) => {
        if (reply.error !== undefined) return finish(new Error(`report worker: ${reply.error}`));
        const batch = batches[reply.id]!;
        reply.results.forEach((r, k) => (results[batch[k]!] = r));
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
