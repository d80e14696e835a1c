/**
 * Scans many files for the report: in this thread for small trees, else in worker threads that
 * claim size-balanced batches from a shared queue, with this thread claiming batches too when
 * the caller can spare it (the CLI can; a language server must stay responsive). Workers come
 * from a pool that keeps them warm for a while after a scan. Every path runs the same scanFile,
 * so the counts do not depend on how the work was split.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ContextResolver } from '../context';
import { loadRustParser, type RustParser } from '../parser';
import { snapshotDatabase } from './databaseSnapshot';
import { scanBatch, scanFile, type ScanResult } from './scanFile';
import { WorkQueue } from './workQueue';
import { returnWorkers, takeWorkers } from './workerPool';
import type { ScanJob, WorkerReply, WorkerSetup } from './workerProtocol';

declare const __dirname: string;

export interface ScanOptions extends WorkerSetup {
  /** Unsaved editor text by absolute path; used instead of the file on disk. */
  readonly overrides?: ReadonlyMap<string, string>;
  /**
   * Threads that analyse files; default min(cores, 4). 0 or 1 scans in this thread only. With
   * `helpInThisThread` this thread is one of them, else they are all worker threads.
   */
  readonly workers?: number;
  /** Let this thread analyse files too while the workers run (it yields between batches). */
  readonly helpInThisThread?: boolean;
  /** Resolver for this thread, whose database the workers get too; default a new one. */
  readonly contexts?: ContextResolver;
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
  /** Worker threads started (0 = scanned in this thread only). */
  readonly workers: number;
  /** Threads that analysed files: the workers, plus this thread when it scanned or helped. */
  readonly threads: number;
}

export class ScanCancelledError extends Error {
  constructor() {
    super('report scan cancelled');
  }
}

export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(availableParallelism(), 4));
}

/** Most files per batch: at most 16 files between two progress reports and cancellation polls. */
const BATCH = 16;
/** A batch's byte budget: one large file is a batch of its own. */
const BATCH_BYTES = 128 * 1024;

export async function scanFiles(files: readonly string[], options: ScanOptions): Promise<ScanOutput> {
  const threads = options.workers ?? defaultWorkerCount();
  if (threads <= 1 || files.length < (options.parallelThreshold ?? 48)) return scanInThread(files, options);
  const batches = planBatches(files, options.overrides);
  const workers = Math.min(options.helpInThisThread ? threads - 1 : threads, batches.length);
  if (workers < 1) return scanInThread(files, options);
  return scanInWorkers(files, batches, options, workers);
}

async function scanInThread(files: readonly string[], options: ScanOptions): Promise<ScanOutput> {
  const parser = await loadRustParser();
  const resolver = resolverFor(options);
  const results: ScanResult[] = [];
  for (let i = 0; i < files.length; i++) {
    if (i % BATCH === 0) {
      if (options.isCancelled?.()) throw new ScanCancelledError();
      if (i > 0) {
        options.onProgress?.(i, files.length);
        // Let the event loop breathe so a server can still receive the cancellation.
        await yieldToEventLoop();
      }
    }
    const f = files[i]!;
    results.push(scanFile(f, parser, resolver, options.settings.maxFileSize, options.overrides?.get(f)));
  }
  options.onProgress?.(files.length, files.length);
  return { results, problems: resolver.takeProblems(), workers: 0, threads: 1 };
}

function resolverFor(options: ScanOptions): ContextResolver {
  return options.contexts ?? new ContextResolver(options);
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Starts a worker: the bundle beside dist/*.js, or, running from source (tests), the TypeScript
 * entry behind tsx's require hook (registered synchronously, unlike `--import tsx` in a worker).
 */
function startWorker(): Worker {
  if (path.basename(__dirname) === 'dist') return new Worker(path.join(__dirname, 'reportWorker.js'));
  const entry = JSON.stringify(path.join(__dirname, 'worker.ts'));
  return new Worker(`require('tsx/cjs'); require(${entry});`, { eval: true });
}

/**
 * Groups file indices into batches, largest files first, so the big files start early and the
 * many small ones at the end even out the threads (longest-processing-time-first scheduling).
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

async function scanInWorkers(files: readonly string[], batches: readonly number[][], options: ScanOptions, count: number): Promise<ScanOutput> {
  // Workers are taken first: a new one's start-up (bundle, parser wasm) overlaps this thread's own.
  const pool = takeWorkers(count, startWorker);
  const resolver = resolverFor(options);
  const queue = new WorkQueue(batches.length);
  const results: ScanResult[] = new Array<ScanResult>(files.length);
  const problems = new Set<string>();
  let done = 0;
  const record = (batch: number, scanned: readonly ScanResult[], found: readonly string[]): void => {
    batches[batch]!.forEach((fileIndex, k) => (results[fileIndex] = scanned[k]!));
    for (const p of found) problems.add(p);
    done += scanned.length;
    options.onProgress?.(done, files.length);
    // Polled per batch, by whichever thread did it: the threads stop claiming once it says so.
    if (options.isCancelled?.()) queue.cancel();
  };

  const overrides: [string, string][] = [];
  for (const f of files) {
    const text = options.overrides?.get(f);
    if (text !== undefined) overrides.push([f, text]);
  }
  const job: ScanJob = {
    setup: { settings: options.settings, trusted: options.trusted, databaseOverride: options.databaseOverride, defaultToolchain: options.defaultToolchain },
    database: snapshotDatabase(resolver.db),
    files,
    batches,
    overrides,
    queue: queue.buffer,
  };
  for (const p of resolver.takeProblems()) problems.add(p);

  let failed: Error | undefined;
  const finished = pool.map((w) => runJob(w, job, record, (e) => {
    failed ??= e;
    queue.cancel();
  }));
  if (options.isCancelled?.()) queue.cancel();

  let ownError: unknown;
  if (options.helpInThisThread) {
    try {
      await helpScan(job, queue, resolver, options, record);
    } catch (e) {
      ownError = e;
      queue.cancel();
    }
  }
  // Never rejects; once every worker said it is done, none is busy and all can go back to the pool.
  await Promise.all(finished);
  if (failed) await Promise.all(pool.map((w) => w.terminate()));
  else returnWorkers(pool);
  if (ownError !== undefined) throw ownError;
  if (failed) throw failed;
  // Cancelled after the last batch was claimed still means the caller no longer wants the result.
  if (queue.cancelled || done < files.length || options.isCancelled?.()) throw new ScanCancelledError();
  return { results, problems: [...problems], workers: count, threads: count + (options.helpInThisThread ? 1 : 0) };
}

/** Posts the job to one worker; resolves when it has no batch left or has failed (then `fail` is told). */
function runJob(
  w: Worker,
  job: ScanJob,
  record: (batch: number, results: readonly ScanResult[], problems: readonly string[]) => void,
  fail: (e: Error) => void,
): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = (error?: Error): void => {
      w.off('message', onMessage);
      w.off('error', onError);
      w.off('exit', onExit);
      if (error) fail(error);
      resolve();
    };
    const onMessage = (reply: WorkerReply): void => {
      if (reply.kind === 'batch') record(reply.batch, reply.results, reply.problems);
      else if (reply.kind === 'done') stop();
      else stop(new Error(`report worker: ${reply.message}`));
    };
    const onError = (e: Error): void => stop(e);
    const onExit = (code: number): void => stop(new Error(`report worker exited early (code ${code})`));
    w.on('message', onMessage);
    w.on('error', onError);
    w.on('exit', onExit);
    w.postMessage(job);
  });
}

/** This thread's share: claims batches like a worker, yielding in between for the workers' replies. */
async function helpScan(
  job: ScanJob,
  queue: WorkQueue,
  resolver: ContextResolver,
  options: ScanOptions,
  record: (batch: number, results: readonly ScanResult[], problems: readonly string[]) => void,
): Promise<void> {
  const parser: RustParser = await loadRustParser();
  const maxSize = options.settings.maxFileSize;
  for (;;) {
    const b = queue.claim();
    if (b < 0) return;
    record(b, scanBatch(job.files, job.batches[b]!, parser, resolver, maxSize, options.overrides), resolver.takeProblems());
    await yieldToEventLoop();
  }
}
