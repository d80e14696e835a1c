/** src/client/commands.ts in a real VS Code: the status bar and the report command. */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, open, waitFor } from './helpers';

function webviewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview);
}

describe('commands (real VS Code)', () => {
  it('shows the judged toolchain in the status bar', async () => {
    const ctx = await api();
    await open('src/lib.rs');
    const text = await waitFor('the status bar to show a toolchain', () => ctx.statusBar.text, (t) => /RFL \d+\.\d+/.test(t), ctx.statusBar.onDidChange);
    // The fixture workspace sets rflLens.toolchainVersion to 1.90.0.
    assert.match(text, /RFL 1\.90\.0$/);
  });

  it('rflLens.showReport opens the report panel', async () => {
    await api();
    const before = webviewTabs().length;
    await vscode.commands.executeCommand('rflLens.showReport');
    const tabs = await waitFor('a report webview tab', webviewTabs, (t) => t.length > before, vscode.window.tabGroups.onDidChangeTabs);
    assert.match(tabs.map((t) => t.label).join(' | '), /RFL Lens|Report/);
  });

  it('rflLens.showOutput reveals the "RFL Lens" output channel', async () => {
    await api();
    const isOurs = (e: vscode.TextEditor): boolean => e.document.uri.scheme === 'output' && decodeURIComponent(e.document.uri.toString()).includes('RFL Lens');
    await vscode.commands.executeCommand('rflLens.showOutput');
    const editors = await waitFor('the RFL Lens output channel', () => vscode.window.visibleTextEditors.filter(isOurs), (e) => e.length === 1, vscode.window.onDidChangeVisibleTextEditors);
    assert.equal(editors.length, 1);
  });
});
