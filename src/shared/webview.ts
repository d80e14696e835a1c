/**
 * Messages between the report webview (media/report.js) and the extension host
 * (src/client/reportPanel.ts). Types only; the script is plain JS, so these are its contract.
 */
import type { ReportModel } from '../core/report/model';

/** Webview -> host. */
export type WebviewToHost =
  /** The script is listening: send the current report, if any. */
  | { readonly type: 'ready' }
  /** Open a file of the report at a position (0-based line, UTF-16 character). `file` is a ReportFile.path. */
  | { readonly type: 'open'; readonly file: string; readonly line: number; readonly character: number }
  /** Scan the workspace again. */
  | { readonly type: 'refresh' }
  /** Save the current report through a save dialog. */
  | { readonly type: 'export'; readonly format: ExportFormat };

export type ExportFormat = 'markdown' | 'json';

/** Host -> webview. */
export type HostToWebview =
  | { readonly type: 'report'; readonly model: ReportModel }
  /** A scan is running; shown only while there is no report to show. */
  | { readonly type: 'busy'; readonly message: string }
  | { readonly type: 'error'; readonly message: string };

/** What media/report.js keeps with vscode.setState, handed back to the panel serializer. */
export interface ReportWebviewState {
  readonly model?: ReportModel;
  readonly rule?: string;
  readonly directory?: string;
}
