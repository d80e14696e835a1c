/**
 * rflLens/status: the toolchain gates are judged at, the database in use and the problems found,
 * sent once the client is ready and again whenever any of it changes (an analysis of a document
 * in another tree, a new problem, a rebuilt database).
 */
import type { ServerCapabilities } from 'vscode-languageserver/node';
import type { AnalysisContext } from '../../core/analyze';
import { StatusNotification } from '../../shared/protocol';
import type { Services } from '../services';

export function provideStatus(ctx: Pick<AnalysisContext, 'db' | 'toolchain' | 'toolchainOrigin'>, problems: readonly string[], userRustc?: string): StatusNotification.Params {
  return {
    toolchain: ctx.toolchain,
    toolchainOrigin: ctx.toolchainOrigin,
    databaseRustc: ctx.db.meta.rustc,
    databaseSource: ctx.db.source,
    ...(userRustc ? { userRustc } : {}),
    problems: [...problems],
    serverPid: process.pid,
  };
}

export function register(services: Services): ServerCapabilities {
  const { connection, analyses, contexts, settings, notices } = services;
  let last = '';
  let lastCtx: AnalysisContext | undefined;
  const send = (ctx: AnalysisContext): void => {
    lastCtx = ctx;
    const params = provideStatus(ctx, notices.problems, contexts.userRustc);
    const json = JSON.stringify(params);
    if (json === last) return;
    last = json;
    void connection.sendNotification(StatusNotification.method, params);
  };
  const refresh = async (): Promise<void> => {
    await contexts.ready();
    send(contexts.contextFor(undefined, await settings.get()));
  };
  services.onInitialized(refresh);
  contexts.onChange(() => void refresh().catch((e: unknown) => connection.console.error(`status failed: ${String(e)}`)));
  analyses.onAnalysis((result) => result.ctx && send(result.ctx));
  notices.onProblem(() => lastCtx && send(lastCtx));
  return {};
}
