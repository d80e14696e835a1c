/**
 * workspace/executeCommand `rflLens.server.rebuildDatabase`: rebuilds the feature database from
 * the user's rustc (trusted workspaces only: it runs a program), stores it in the client's global
 * storage, switches every context to it and re-analyses open documents.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ErrorCodes, ResponseError, type ServerCapabilities, type WorkDoneProgressReporter } from 'vscode-languageserver/node';
import { kernelNotesPath } from '../../core/assets';
import { parseDatabase } from '../../core/features/database';
import { generateDatabase } from '../../core/features/generator';
import { probeRustc } from '../../core/toolchain';
import { RebuildDatabaseCommand, SERVER_COMMANDS } from '../../shared/protocol';
import { describe } from '../analysis';
import { guardRequest } from '../guard';
import type { Services } from '../services';

/** Where a rebuilt database goes when the client gives no storage folder (XDG cache). */
export function storageDir(globalStoragePath: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (globalStoragePath) return globalStoragePath;
  return path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'rfl-lens');
}

export function parseRebuildArgs(args: unknown[] | undefined): RebuildDatabaseCommand.Args {
  const a = args?.[0];
  if (a === undefined || a === null) return {};
  if (typeof a !== 'object' || Array.isArray(a)) throw new ResponseError(ErrorCodes.InvalidParams, `${RebuildDatabaseCommand.command}: expected [{ rustcPath?: string }]`);
  const rustcPath = (a as Record<string, unknown>).rustcPath;
  if (rustcPath !== undefined && typeof rustcPath !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, `${RebuildDatabaseCommand.command}: rustcPath must be a string`);
  return rustcPath ? { rustcPath } : {};
}

async function rebuild(services: Services, args: RebuildDatabaseCommand.Args, progress: WorkDoneProgressReporter | undefined): Promise<RebuildDatabaseCommand.Result> {
  if (!services.options.trusted) throw new ResponseError(ErrorCodes.InvalidRequest, 'RFL Lens: rebuilding the feature database runs rustc and is only available in trusted workspaces');
  const settings = await services.settings.get();
  const rustcPath = args.rustcPath ?? settings.rustcPath ?? 'rustc';
  progress?.begin('RFL Lens: rebuilding the feature database', undefined, `reading ${rustcPath}…`);
  try {
    const rustc = await probeRustc(rustcPath);
    const notesFile = kernelNotesPath();
    const built = await generateDatabase({
      rustc: rustcPath,
      kernelNotes: readFileSync(notesFile, 'utf8'),
      kernelNotesFile: notesFile,
      onProgress: (message) => progress?.report(message),
    });
    for (const p of built.problems) services.connection.console.warn(`database rebuild: ${p}`);
    const dir = storageDir(services.options.globalStoragePath);
    const file = path.join(dir, 'features.toml');
    // Switch only to a database that loads: a broken one would silently fall back to the bundled one.
    const check = parseDatabase(built.text, file);
    if (!check.db) throw new Error(`the rebuilt database does not load (${check.problems.slice(0, 3).join('; ')}); keeping ${services.contexts.database(settings).source}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, built.text);
    services.contexts.useDatabase(file);
    services.analyses.invalidateAll();
    return { path: file, features: built.records.length, rustc: rustc.version };
  } finally {
    progress?.done();
  }
}

export function register(services: Services): ServerCapabilities {
  const { connection, client } = services;
  connection.onExecuteCommand(
    guardRequest(connection, 'executeCommand', async (params, _token, workDone?: WorkDoneProgressReporter) => {
      if (params.command !== RebuildDatabaseCommand.command) throw new ResponseError(ErrorCodes.InvalidParams, `unknown command ${params.command}`);
      const args = parseRebuildArgs(params.arguments);
      // Progress through the client's token, else one the server creates, else none.
      const progress = params.workDoneToken !== undefined ? workDone : client.workDoneProgress ? await connection.window.createWorkDoneProgress() : undefined;
      try {
        return await rebuild(services, args, progress);
      } catch (e) {
        if (e instanceof ResponseError) throw e;
        throw new Error(`rebuilding the feature database failed: ${describe(e)}`);
      }
    }),
  );
  return { executeCommandProvider: { commands: [...SERVER_COMMANDS] } };
}
