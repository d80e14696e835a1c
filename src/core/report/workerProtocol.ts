/** Messages between the report scan and its worker threads (structured-clone data only). */
import type { RflLensSettings } from '../settings';
import type { DatabaseSnapshot } from './databaseSnapshot';
import type { ScanResult } from './scanFile';

/** What each worker needs to build the same contexts as the main thread. */
export interface WorkerSetup {
  readonly settings: RflLensSettings;
  readonly trusted: boolean;
  readonly databaseOverride?: string;
  readonly defaultToolchain?: { readonly version: string; readonly origin: string };
}

/**
 * The one message a worker gets: the setup, the database already parsed by the main thread, and
 * the files, split into batches that the threads claim through the shared queue.
 */
export interface ScanJob {
  readonly setup: WorkerSetup;
  readonly database: DatabaseSnapshot;
  readonly files: readonly string[];
  /** File indices per batch, largest files first. */
  readonly batches: readonly (readonly number[])[];
  /** Unsaved editor text for some of the files, as [path, text] pairs. */
  readonly overrides: readonly (readonly [string, string])[];
  /** WorkQueue.buffer of the queue over `batches`. */
  readonly queue: SharedArrayBuffer;
}

export type WorkerReply =
  /** One claimed batch done: results in the batch's order, and context problems met so far. */
  | { readonly kind: 'batch'; readonly batch: number; readonly results: readonly ScanResult[]; readonly problems: readonly string[] }
  /** No batch left to claim: the worker exits after this. */
  | { readonly kind: 'done' }
  | { readonly kind: 'error'; readonly message: string };
