/**
 * RFL Lens extension entry: wiring only. The server does all analysis; Ctx owns its client,
 * commands.ts says what each command does.
 */
import * as vscode from 'vscode';
import { COMMANDS } from './commands';
import { requiresRestart } from './config';
import { Ctx } from './ctx';
import { registerReportSerializer } from './reportPanel';

let ctx: Ctx | undefined;

/** What activate() returns: the context, so the e2e tests can observe restarts and decorations. */
export type RflLensApi = Ctx;

export async function activate(extensionContext: vscode.ExtensionContext): Promise<RflLensApi> {
  const c = new Ctx(extensionContext, COMMANDS);
  ctx = c;
  // Shows the commands in the palette only where RFL Lens is active (Rust files or workspaces).
  void vscode.commands.executeCommand('setContext', 'rflLens.active', true);
  // Before any await: VS Code restores report panels from a reload as soon as we activate.
  registerReportSerializer(extensionContext, () => c.currentClient());

  extensionContext.subscriptions.push(
    // Untrusted, the server runs no programs; once trusted it may, and must start over to do so.
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      c.outputChannel.info('workspace trusted: restarting the server');
      void c.restart();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!requiresRestart(e)) return;
      c.outputChannel.info('a setting the server reads at start changed: restarting the server');
      void c.restart();
    }),
  );

  await c.start();
  return c;
}

export async function deactivate(): Promise<void> {
  await ctx?.stop();
  ctx = undefined;
}
