/**
 * Every `rflLens.*` command as one table: name -> what it does while the server runs
 * (`enabled`) and, optionally, while it does not (`disabled`; default: say so and offer a
 * restart). Ctx registers the table in one loop and swaps the variants when the server starts
 * or stops. The keys must equal package.json's contributes.commands (test/core/packageJson.test.ts).
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, WorkDoneProgress, type WorkDoneProgressReport, type WorkDoneProgressBegin } from 'vscode-languageclient/node';
import { RebuildDatabaseCommand } from '../shared/protocol';
import type { Ctx } from './ctx';
import { showWorkspaceReport } from './reportPanel';

export type Cmd = (...args: unknown[]) => unknown;

export interface CommandFactory {
  enabled(ctx: Ctx): Cmd;
  disabled?(ctx: Ctx): Cmd;
}

export const COMMANDS = {
  restartServer: {
    enabled: (ctx) => () => ctx.restart(),
    disabled: (ctx) => () => ctx.restart(),
  },
  showReport: {
    enabled: (ctx) => () => showWorkspaceReport(ctx.extensionContext, ctx.runningClient()),
  },
  rebuildDatabase: {
    enabled: (ctx) => () => rebuildDatabase(ctx),
  },
  showOutput: {
    enabled: (ctx) => () => ctx.outputChannel.show(true),
    disabled: (ctx) => () => ctx.outputChannel.show(true),
  },
} satisfies Record<string, CommandFactory>;

export type CommandName = keyof typeof COMMANDS;

/** What a command does while the server is not running. */
export function serverNotRunning(ctx: Ctx): Cmd {
  return async () => {
    const choice = await vscode.window.showErrorMessage('RFL Lens: the server is not running.', 'Restart Server', 'Show Output');
    if (choice === 'Restart Server') await ctx.restart();
    else if (choice === 'Show Output') ctx.outputChannel.show(true);
  };
}

/** Runs the server's database generator, forwarding its progress to a notification. */
async function rebuildDatabase(ctx: Ctx): Promise<void> {
  // The generator runs rustc: not in a workspace whose settings could point it at any program.
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(
      'RFL Lens: rebuilding the feature database runs rustc, which RFL Lens does not do in an untrusted workspace. Trust the workspace to enable it.',
    );
    return;
  }
  const client = ctx.runningClient();
  // No rustcPath: the server falls back to the rflLens.rustcPath setting it pulls itself.
  const args: RebuildDatabaseCommand.Args = {};
  const token = `rflLens.rebuild.${Date.now()}`;
  try {
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'RFL Lens: rebuilding the feature database', cancellable: true },
      async (progress, cancel) => {
        const sub = client.onProgress(WorkDoneProgress.type, token, (p) => {
          if (p.kind === 'begin' || p.kind === 'report') progress.report({ message: (p as WorkDoneProgressBegin | WorkDoneProgressReport).message });
        });
        try {
          return (await client.sendRequest(
            ExecuteCommandRequest.type,
            { command: RebuildDatabaseCommand.command, arguments: [args], workDoneToken: token },
            cancel,
          )) as RebuildDatabaseCommand.Result | null;
        } finally {
          sub.dispose();
        }
      },
    );
    if (result) {
      void vscode.window.showInformationMessage(
        `RFL Lens: feature database rebuilt from rustc ${result.rustc} (${result.features} features), saved to ${result.path}.`,
      );
    }
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    ctx.outputChannel.error(`rebuilding the feature database failed: ${message}`);
    void vscode.window.showErrorMessage(`RFL Lens: rebuilding the feature database failed: ${message}`);
  }
}
