/**
 * "RFL Lens: Show Workspace Report": asks the server for the report of the open folders (with a
 * cancellable progress notification), and shows it in one webview panel, revealed if it exists.
 * The panel survives reloads through a serializer (the model lives in the webview's state).
 * Clicking a finding or a gate use opens the file there; Export saves Markdown or JSON.
 */
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as vscode from 'vscode';
import { WorkDoneProgress, type LanguageClient, type WorkDoneProgressBegin, type WorkDoneProgressReport } from 'vscode-languageclient/node';
import type { ReportModel } from '../core/report/model';
// Rendering only, no analysis: the export must be byte-identical to `rfl-lens report`.
import { renderJson } from '../core/report/renderJson';
import { renderMarkdown } from '../core/report/renderMarkdown';
import { renderWebviewHtml } from '../core/report/webviewHtml';
import type { ExportFormat, HostToWebview, ReportWebviewState, WebviewToHost } from '../shared/webview';
import { workspaceReportRequest } from './protocol';

const VIEW_TYPE = 'rflLens.report';
const TITLE = 'RFL Lens Report';

let current: ReportPanel | undefined;
let serializerRegistered = false;
let latestClient: LanguageClient | undefined;

/** The command: reveal (or create) the panel and scan the workspace. */
export async function showWorkspaceReport(context: vscode.ExtensionContext, client: LanguageClient): Promise<void> {
  latestClient = client;
  registerReportSerializer(context, () => latestClient);
  if (current) current.reveal();
  else current = ReportPanel.create(context);
  await current.refresh();
}

/**
 * Restores the panel after a window reload. Call during activation (the serializer must exist
 * before VS Code restores panels); calling it again is harmless.
 */
export function registerReportSerializer(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  if (serializerRegistered) return;
  serializerRegistered = true;
  const clientBefore = client;
  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      deserializeWebviewPanel: async (panel: vscode.WebviewPanel, state: unknown) => {
        latestClient ??= clientBefore();
        current?.dispose();
        current = new ReportPanel(context, panel, modelOf(state));
      },
    }),
  );
}

function modelOf(state: unknown): ReportModel | undefined {
  const s = state as ReportWebviewState | null | undefined;
  return s && typeof s === 'object' && s.model && s.model.version === 1 ? s.model : undefined;
}

class ReportPanel {
  private model: ReportModel | undefined;
  private running: vscode.CancellationTokenSource | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  static create(context: vscode.ExtensionContext): ReportPanel {
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, TITLE, vscode.ViewColumn.Active, webviewOptions(context));
    return new ReportPanel(context, panel, undefined);
  }

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly panel: vscode.WebviewPanel,
    model: ReportModel | undefined,
  ) {
    this.model = model;
    panel.webview.options = webviewOptions(context);
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'icon.png');
    panel.webview.html = this.html();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: WebviewToHost) => void this.onMessage(m)),
    );
  }

  reveal(): void {
    this.panel.reveal(undefined, false);
  }

  dispose(): void {
    if (current === this) current = undefined;
    this.running?.cancel();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }

  private html(): string {
    const webview = this.panel.webview;
    const media = (file: string): string => webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'media', file)).toString();
    return renderWebviewHtml({
      cspSource: webview.cspSource,
      nonce: randomBytes(18).toString('base64'),
      styleUri: media('report.css'),
      scriptUri: media('report.js'),
    });
  }

  private post(message: HostToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  private async onMessage(m: WebviewToHost): Promise<void> {
    switch (m.type) {
      case 'ready':
        if (this.model) this.post({ type: 'report', model: this.model });
        return;
      case 'open':
        return this.open(m.file, m.line, m.character);
      case 'refresh':
        return this.refresh();
      case 'export':
        return this.export(m.format);
    }
  }

  /** Scans the workspace folders on the server and shows the result. */
  async refresh(): Promise<void> {
    const client = latestClient;
    if (!client) {
      this.post({ type: 'error', message: 'The RFL Lens server is not running.' });
      return;
    }
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    if (!folders.length) {
      this.post({ type: 'error', message: 'Open a folder to get a workspace report (only folders on disk can be scanned).' });
      return;
    }
    this.running?.cancel();
    const mine = new vscode.CancellationTokenSource();
    this.running = mine;
    this.post({ type: 'busy', message: 'Scanning the workspace…' });
    const token = `rflLens.report.${Date.now()}`;
    try {
      const model = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'RFL Lens: workspace report', cancellable: true },
        async (progress, cancel) => {
          const sub = cancel.onCancellationRequested(() => mine.cancel());
          const onProgress = client.onProgress(WorkDoneProgress.type, token, (p) => {
            if (p.kind === 'begin' || p.kind === 'report') {
              const r = p as WorkDoneProgressBegin | WorkDoneProgressReport;
              progress.report({ message: r.message });
            }
          });
          try {
            return await client.sendRequest(workspaceReportRequest, { folders: folders.map((f) => f.uri.fsPath), exclude: excludeGlobs(folders), workDoneToken: token }, mine.token);
          } finally {
            onProgress.dispose();
            sub.dispose();
          }
        },
      );
      if (this.running !== mine) return;
      this.model = model;
      this.post({ type: 'report', model });
    } catch (e) {
      if (this.running !== mine) return;
      if (mine.token.isCancellationRequested) {
        if (!this.model) this.post({ type: 'error', message: 'Report cancelled. Use Refresh to scan again.' });
        return;
      }
      this.post({ type: 'error', message: `The report failed: ${e instanceof Error ? e.message : String(e)}` });
    } finally {
      if (this.running === mine) this.running = undefined;
      mine.dispose();
    }
  }

  /** Opens a file named by its report path (relative to one of the model's roots). */
  private async open(file: string, line: number, character: number): Promise<void> {
    const model = this.model;
    const entry = model?.files.find((f) => f.path === file);
    if (!model || !entry) return;
    const root = model.roots[entry.root];
    if (root === undefined) return;
    // With several roots the display path starts with the root's name; drop it to get the relative path.
    const rel = model.roots.length > 1 ? file.slice(file.indexOf('/') + 1) : file;
    const uri = vscode.Uri.file(path.join(root, ...rel.split('/')));
    const pos = new vscode.Position(line, character);
    await vscode.window.showTextDocument(uri, { selection: new vscode.Range(pos, pos), viewColumn: vscode.ViewColumn.One, preview: true });
  }

  private async export(format: ExportFormat): Promise<void> {
    const model = this.model;
    if (!model) {
      void vscode.window.showInformationMessage('RFL Lens: there is no report to export yet.');
      return;
    }
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = format === 'markdown' ? 'rfl-lens-report.md' : 'rfl-lens-report.json';
    const target = await vscode.window.showSaveDialog({
      title: 'Export RFL Lens report',
      defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
      filters: format === 'markdown' ? { Markdown: ['md'] } : { JSON: ['json'] },
    });
    if (!target) return;
    const text = format === 'markdown' ? renderMarkdown(model) : renderJson(model);
    if (target.scheme === 'file') await writeFile(target.fsPath, text, 'utf8');
    else await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    void vscode.window.showInformationMessage(`RFL Lens: report saved to ${target.scheme === 'file' ? target.fsPath : target.toString()}`);
  }
}

function webviewOptions(context: vscode.ExtensionContext): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    retainContextWhenHidden: false,
    localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'media')],
  };
}

/** files.exclude (the globs set to true) plus rflLens.report.exclude, over every folder. */
function excludeGlobs(folders: readonly vscode.WorkspaceFolder[]): string[] {
  const globs = new Set<string>();
  for (const f of folders) {
    const filesExclude = vscode.workspace.getConfiguration('files', f.uri).get<Record<string, unknown>>('exclude') ?? {};
    for (const [glob, on] of Object.entries(filesExclude)) if (on === true) globs.add(glob);
    const own = vscode.workspace.getConfiguration('rflLens', f.uri).get<unknown>('report.exclude');
    if (Array.isArray(own)) for (const g of own) if (typeof g === 'string') globs.add(g);
  }
  return [...globs];
}
