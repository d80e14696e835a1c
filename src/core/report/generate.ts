/**
 * The whole report pipeline shared by the CLI and the server: collect the Rust files under the
 * given paths, scan them (in parallel when worth it, this thread taking a share) and build the model.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { ContextResolver } from '../context';
import { collectRustFiles } from '../files';
import { buildReport } from './build';
import type { ReportModel } from './model';
import { scanFiles, type ScanOptions } from './scan';

export interface GenerateOptions extends ScanOptions {
  /** Globs to leave out (matched relative to each root). */
  readonly exclude?: readonly string[];
  /** rfl-lens version for the model. */
  readonly tool: string;
  /** Called once the file list is known (before scanning). */
  readonly onFiles?: (count: number) => void;
  /** Fixed time for reproducible output. */
  readonly generatedAt?: string;
}

export interface Generated {
  readonly model: ReportModel;
  /** Worker threads used (0 = this thread only). */
  readonly workers: number;
  /** Threads that analysed files (this thread included when it helped). */
  readonly threads: number;
  readonly elapsedMs: number;
}

/** A file root is its directory, so display paths are relative to something. */
function rootOf(p: string): string {
  const abs = path.resolve(p);
  try {
    return statSync(abs).isFile() ? path.dirname(abs) : abs;
  } catch {
    return abs;
  }
}

export async function generateReport(paths: readonly string[], options: GenerateOptions): Promise<Generated> {
  const started = performance.now();
  const absolute = paths.map((p) => path.resolve(p));
  const collected = collectRustFiles(absolute, { exclude: options.exclude });
  options.onFiles?.(collected.files.length);
  // One resolver for this thread: the database is parsed once, for the scans (workers get a copy)
  // and for the model's gate statuses alike.
  const contexts = options.contexts ?? new ContextResolver(options);
  const scan = await scanFiles(collected.files, { helpInThisThread: true, ...options, contexts });
  const db = contexts.db;
  const model = buildReport({
    roots: [...new Set(absolute.map(rootOf))],
    results: scan.results,
    db,
    problems: [...collected.problems.map((p) => `${p.path}: ${p.reason}`), ...scan.problems],
    tool: options.tool,
    generatedAt: options.generatedAt,
  });
  return { model, workers: scan.workers, threads: scan.threads, elapsedMs: performance.now() - started };
}
