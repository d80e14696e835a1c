/**
 * Draws what the server reports in rflLens/decorations: a tint over unsafe regions and a
 * highlight on SAFETY comments. The two decoration types live as long as the extension (not the
 * client), so restarting the server never stacks a second set of decorations.
 */
import * as vscode from 'vscode';
import type { DecorationsNotification, Range as LspRange } from '../shared/protocol';
import { safetyCommentsEnabled, unsafeRegionsEnabled } from './config';

interface DocumentDecorations {
  readonly version: number | null;
  readonly unsafeRegions: readonly vscode.Range[];
  readonly safetyComments: readonly vscode.Range[];
}

const toRange = (r: LspRange): vscode.Range => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

export class Decorations implements vscode.Disposable {
  private readonly unsafeType = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('rflLens.unsafeBackground'),
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private readonly safetyType = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('rflLens.safetyCommentBackground'),
    color: new vscode.ThemeColor('rflLens.safetyCommentForeground'),
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  /** Latest ranges per document URI (string form of vscode.Uri). */
  private readonly byUri = new Map<string, DocumentDecorations>();
  private readonly listeners: vscode.Disposable[];
  private readonly updated = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after a document's ranges changed (tests wait on it instead of sleeping). */
  readonly onDidUpdate = this.updated.event;

  constructor() {
    this.listeners = [
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.render(e))),
      vscode.workspace.onDidCloseTextDocument((doc) => this.byUri.delete(doc.uri.toString())),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('rflLens.decorations')) return;
        this.renderAll();
        for (const uri of this.byUri.keys()) this.updated.fire(vscode.Uri.parse(uri));
      }),
    ];
  }

  /** Handler for the rflLens/decorations notification. */
  update(params: DecorationsNotification.Params): void {
    const key = vscode.Uri.parse(params.uri).toString();
    this.byUri.set(key, {
      version: params.version,
      unsafeRegions: params.unsafeRegions.map(toRange),
      safetyComments: params.safetyComments.map(toRange),
    });
    for (const editor of vscode.window.visibleTextEditors) if (editor.document.uri.toString() === key) this.render(editor);
    this.updated.fire(vscode.Uri.parse(params.uri));
  }

  /** Forget everything (the server stopped: its ranges can no longer be kept current). */
  clear(): void {
    const uris = [...this.byUri.keys()];
    this.byUri.clear();
    this.renderAll();
    for (const uri of uris) this.updated.fire(vscode.Uri.parse(uri));
  }

  /** How many ranges of each kind are drawn for a document (for the e2e tests and diagnostics). */
  counts(uri: vscode.Uri): { unsafeRegions: number; safetyComments: number } {
    const d = this.byUri.get(uri.toString());
    return {
      unsafeRegions: d && unsafeRegionsEnabled(uri) ? d.unsafeRegions.length : 0,
      safetyComments: d && safetyCommentsEnabled(uri) ? d.safetyComments.length : 0,
    };
  }

  private renderAll(): void {
    for (const editor of vscode.window.visibleTextEditors) this.render(editor);
  }

  private render(editor: vscode.TextEditor): void {
    const doc = editor.document;
    const d = this.byUri.get(doc.uri.toString());
    // Ranges computed for another version would land on the wrong text; the next
    // notification (the server re-analyses after every change) brings current ones.
    if (d && d.version !== null && d.version !== doc.version) return;
    editor.setDecorations(this.unsafeType, d && unsafeRegionsEnabled(doc.uri) ? [...d.unsafeRegions] : []);
    editor.setDecorations(this.safetyType, d && safetyCommentsEnabled(doc.uri) ? [...d.safetyComments] : []);
  }

  dispose(): void {
    this.listeners.forEach((l) => l.dispose());
    this.updated.dispose();
    this.unsafeType.dispose();
    this.safetyType.dispose();
    this.byUri.clear();
  }
}
