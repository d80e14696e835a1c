/** Messages between the report scan and its worker threads (structured-clone data only). */
import type { RflLensSettings } from '../settings';
import type { ScanResult } from './scanFile';

/** workerData: what each worker needs to build the same contexts as the main thread. */
export interface WorkerSetup {
  readonly settings: RflLensSettings;
  readonly trusted: boolean;
  readonly databaseOverride?: string;
  readonly defaultToolchain?: { readonly version: string; readonly origin: string };
}

export interface BatchRequest {
  readonly id: number;
  readonly files: readonly string[];
  /** Unsaved editor text for some of the files, as [path, text] pairs. */
  readonly overrides: readonly (readonly [string, string])[];
}

export type BatchReply =
  | { readonly id: number; readonly results: readonly ScanResult[]; readonly problems: readonly string[]; readonly error?: undefined }
  | { readonly id: number; readonly error: string };
