/**
 * Files whose change alters analysis: clippy.toml / .clippy.toml (SAFETY options), kernel build
 * files (allow-list, minimum rustc, crate layout) and the feature database file. The watchers are
 * registered dynamically when the client supports it, else the server polls the files it would
 * have asked for; on a change the affected contexts are invalidated and open documents re-analysed.
 */
import path from 'node:path';
import { DidChangeWatchedFilesNotification, type Disposable, type FileSystemWatcher, type ServerCapabilities } from 'vscode-languageserver/node';
import { filePathOf } from '../contexts';
import { FilePoller, kernelPollPaths, pollPaths } from '../filePoller';
import { guardNotification } from '../guard';
import type { Services } from '../services';

/** Names the core reads facts from, wherever they sit in a tree. */
export const WATCHED_NAMES = ['clippy.toml', '.clippy.toml', 'Makefile.build', 'Makefile.rust', 'Makefile', 'Kbuild', 'min-tool-version.sh', 'rust-project.json'] as const;

/** Watchers for the fixed names plus the basenames of extra files (the database in use). */
export function provideWatchers(extraFiles: readonly string[]): FileSystemWatcher[] {
  const names = new Set<string>([...WATCHED_NAMES, ...extraFiles.map((f) => path.basename(f))]);
  return [...names].sort().map((n) => ({ globPattern: `**/${n}` }));
}

/** How often the fallback poller looks at watched files; RFL_LENS_POLL_MS overrides it (tests). */
const DEFAULT_POLL_MS = 2000;

export function register(services: Services): ServerCapabilities {
  const { connection, client, contexts, analyses } = services;
  const changed = (files: readonly string[]): void => {
    for (const file of files) contexts.invalidate(file);
    analyses.invalidateAll();
  };
  connection.onDidChangeWatchedFiles(
    guardNotification(connection, 'didChangeWatchedFiles', ({ changes }) => {
      changed(changes.flatMap((c) => filePathOf(c.uri) ?? []));
    }),
  );
  if (client.watchedFilesDynamic) registerWithClient(services);
  else pollFallback(services, (file) => changed([file]));
  return {};
}

function registerWithClient(services: Services): void {
  const { connection, contexts, analyses } = services;
  let registered: Disposable | undefined;
  let registeredKey = '';
  const registerWatchers = async (): Promise<void> => {
    const watchers = provideWatchers(contexts.watchedFiles());
    const key = JSON.stringify(watchers);
    if (key === registeredKey) return;
    registeredKey = key;
    const previous = registered;
    registered = await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
    previous?.dispose();
  };
  services.onInitialized(registerWatchers);
  // The database file can change with settings or a rebuild; keep its watcher in step.
  analyses.onAnalysis(() => void registerWatchers().catch((e: unknown) => connection.console.error(`watcher registration failed: ${String(e)}`)));
}

function pollFallback(services: Services, onChange: (file: string) => void): void {
  const { contexts, analyses } = services;
  const env = Number(process.env.RFL_LENS_POLL_MS);
  const poller = new FilePoller(Number.isFinite(env) && env > 0 ? env : DEFAULT_POLL_MS, onChange);
  // The config files around a file are watched before its context reads them: a file created
  // just after the read is then a change (the baseline says it was missing), never the baseline.
  const seen = new Set<string>();
  contexts.onResolving((file) => {
    if (seen.has(file)) return;
    seen.add(file);
    poller.watch(pollPaths(file, undefined, []));
  });
  // Kernel build files and the database are known once the context is (the folders are
  // watched already: every analysed file's context was resolved first).
  analyses.onAnalysis((result) => {
    if (!filePathOf(result.uri)) return;
    const kernelRoot = result.ctx?.kernel?.facts.root;
    poller.watch([...(kernelRoot ? kernelPollPaths(kernelRoot) : []), ...contexts.watchedFiles()]);
  });
  services.onShutdown(() => poller.dispose());
}
