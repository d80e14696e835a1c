/**
 * The status bar item: which toolchain feature gates are judged at and which rustc the feature
 * database comes from (rflLens/status), or that the server is starting or stopped. Clicking it
 * opens the workspace report.
 */
import * as vscode from 'vscode';
import type { StatusNotification } from '../shared/protocol';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('rflLens.status', vscode.StatusBarAlignment.Left, 10);
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with the new text after each change (tests wait on it). */
  readonly onDidChange = this.changed.event;

  constructor() {
    this.item.name = 'RFL Lens';
    this.item.command = 'rflLens.showReport';
    this.starting();
    this.item.show();
  }

  starting(): void {
    this.set('$(loading~spin) RFL Lens', 'RFL Lens: starting the server…');
  }

  stopped(reason?: string): void {
    const tip = new vscode.MarkdownString(`**RFL Lens: the server is not running.**${reason ? `\n\n${reason}` : ''}\n\n[Restart](command:rflLens.restartServer)`);
    tip.isTrusted = { enabledCommands: ['rflLens.restartServer'] };
    this.set('$(error) RFL Lens', tip, new vscode.ThemeColor('statusBarItem.errorBackground'));
  }

  private _last: StatusNotification.Params | undefined;

  /** The last status the server sent (undefined until the first). */
  get last(): StatusNotification.Params | undefined {
    return this._last;
  }

  /** Handler for the rflLens/status notification. */
  update(status: StatusNotification.Params): void {
    this._last = status;
    const tip = new vscode.MarkdownString(undefined, true);
    tip.appendMarkdown('**RFL Lens**\n\n');
    tip.appendMarkdown(`Feature gates judged at **rustc ${status.toolchain}** (${escape(status.toolchainOrigin)})\n\n`);
    tip.appendMarkdown(`Feature database from rustc ${escape(status.databaseRustc)} (${escape(status.databaseSource)})\n\n`);
    if (status.userRustc) tip.appendMarkdown(`Your toolchain: ${escape(status.userRustc)}\n\n`);
    for (const p of status.problems) tip.appendMarkdown(`$(warning) ${escape(p)}\n\n`);
    if (status.serverPid) tip.appendMarkdown(`Server process ${status.serverPid}\n\n`);
    tip.appendMarkdown('Click for the workspace report.');
    const warn = status.problems.length > 0;
    this.set(
      `${warn ? '$(warning)' : '$(shield)'} RFL ${status.toolchain}`,
      tip,
      warn ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined,
    );
  }

  /** The item's text, for the e2e tests. */
  get text(): string {
    return this.item.text;
  }

  private set(text: string, tooltip: string | vscode.MarkdownString, background?: vscode.ThemeColor): void {
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.backgroundColor = background;
    this.changed.fire(text);
  }

  dispose(): void {
    this.item.dispose();
    this.changed.dispose();
  }
}

/** Markdown-escape text that comes from files and settings (paths, messages). */
function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
}
