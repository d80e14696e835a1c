/**
 * rflLens/workspaceReport: scans the requested folders (worker threads for large trees, so the
 * server keeps answering meanwhile), using open documents' unsaved text, and returns the report
 * model. Reports work-done progress with the file count and stops when the client cancels.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  LSPErrorCodes,
  RequestType,
  ResponseError,
  type CancellationToken,
  type ServerCapabilities,
} from 'vscode-languageserver/node';
import { collectRustFiles } from '../../core/files';
import { buildReport } from '../../core/report/build';
import type { ReportModel } from '../../core/report/model';
import { ScanCancelledError, scanFiles, type ScanOptions } from '../../core/report/scan';
import type { ScanResult } from '../../core/report/scanFile';
import type { RflLensSettings } from '../../core/settings';
import { WorkspaceReportRequest } from '../../shared/protocol';
import { describe } from '../analysis';
import { filePathOf } from '../contexts';
import type { Services } from '../services';

const request = new RequestType<WorkspaceReportRequest.Params, WorkspaceReportRequest.Result, void>(WorkspaceReportRequest.method);

declare const RFL_LENS_VERSION: string | undefined;
const TOOL = typeof RFL_LENS_VERSION === 'string' ? RFL_LENS_VERSION : 'dev';

/** The parts of the server's services the report uses (structural, so tests can pass small fakes). */
export interface ReportServices {
  readonly settings: { get(uri?: string): Promise<RflLensSettings> };
  readonly contexts: Pick<Services['contexts'], 'trusted' | 'database' | 'contextFor'>;
  readonly documents: Pick<Services['documents'], 'uris' | 'get'>;
}

export interface ReportProgress {
  begin(message: string): void;
  report(percentage: number, message: string): void;
}

/** The report of `params.folders`; pure apart from reading the files (tests call it directly). */
export async function provideWorkspaceReport(
  services: ReportServices,
  params: WorkspaceReportRequest.Params,
  token: Pick<CancellationToken, 'isCancellationRequested'>,
  progress?: ReportProgress,
  workers?: number,
): Promise<ReportModel> {
  const overrides = openDocumentTexts(services.documents);
  const plans: { files: string[]; options: ScanOptions }[] = [];
  const problems: string[] = [];
  progress?.begin('collecting files…');
  for (const folder of params.folders) {
    const settings = await services.settings.get(pathToFileURL(folder).toString());
    const collected = collectRustFiles([folder], { exclude: [...params.exclude, ...settings.report.exclude] });
    problems.push(...collected.problems.map((p) => `${p.path}: ${p.reason}`));
    plans.push({ files: collected.files, options: { ...scanSetup(services, settings), overrides, workers } });
  }
  const total = plans.reduce((n, p) => n + p.files.length, 0);
  progress?.report(0, `0/${total} files`);
  let before = 0;
  const results: ScanResult[] = [];
  for (const plan of plans) {
    const scan = await scanFiles(plan.files, {
      ...plan.options,
      isCancelled: () => token.isCancellationRequested,
      onProgress: (done) => progress?.report(total ? Math.floor(((before + done) * 100) / total) : 100, `${before + done}/${total} files`),
    });
    before += plan.files.length;
    results.push(...scan.results);
    problems.push(...scan.problems);
  }
  const first = plans[0]?.options.settings ?? (await services.settings.get());
  return buildReport({ roots: params.folders, results, db: services.contexts.database(first), problems, tool: TOOL });
}

/**
 * What the worker threads need to build the same contexts as the server: the settings, the
 * database in use (a rebuilt one included) and the toolchain the server judges at by default.
 */
function scanSetup(services: Pick<ReportServices, 'contexts'>, settings: RflLensSettings): Omit<ScanOptions, 'overrides' | 'workers'> {
  const db = services.contexts.database(settings);
  const base = services.contexts.contextFor(undefined, settings);
  return {
    settings,
    trusted: services.contexts.trusted,
    // `source` is a file path only for a database read from disk (a setting or a rebuilt one).
    ...(path.isAbsolute(db.source) && existsSync(db.source) ? { databaseOverride: db.source } : {}),
    // Without a setting or a kernel tree, the server's toolchain (e.g. the probed rustc) applies.
    ...(settings.toolchainVersion ? {} : { defaultToolchain: { version: base.toolchain, origin: base.toolchainOrigin } }),
  };
}

/** Unsaved editor text by file path, so the report matches what the user sees. */
function openDocumentTexts(documents: ReportServices['documents']): Map<string, string> {
  const texts = new Map<string, string>();
  for (const uri of documents.uris()) {
    const file = filePathOf(uri);
    const doc = documents.get(uri);
    if (file && doc) texts.set(file, doc.text);
  }
  return texts;
}

export function register(services: Services): ServerCapabilities {
  const { connection } = services;
  connection.onRequest(request, async (params, token): Promise<ReportModel | ResponseError<void>> => {
    // The client's token (params.workDoneToken); a no-op reporter when it sent none.
    const workDone = connection.window.attachWorkDoneProgress(params.workDoneToken);
    try {
      return await provideWorkspaceReport(services, params, token, {
        begin: (message) => workDone.begin('RFL Lens: workspace report', 0, message, true),
        report: (percentage, message) => workDone.report(percentage, message),
      });
    } catch (e) {
      if (e instanceof ScanCancelledError || token.isCancellationRequested) return new ResponseError<void>(LSPErrorCodes.RequestCancelled, 'workspace report cancelled');
      connection.console.error(`workspaceReport failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return new ResponseError<void>(LSPErrorCodes.RequestFailed, `RFL Lens: workspace report failed: ${describe(e)}`);
    } finally {
      workDone.done();
    }
  });
  // A custom request: nothing to advertise.
  return {};
}
