/**
 * Owns the LanguageClient and its lifecycle (start / stop / restart), after rust-analyzer's Ctx.
 * Two disposal lists: `clientDisposables` dies with each client (its notification handlers),
 * `commandDisposables` holds the registered commands, swapped between their enabled and disabled
 * variants whenever the server starts or stops. Everything that must outlive a restart (output
 * channel, status bar, decoration types) goes to the extension's own subscriptions.
 */
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { InitializationOptions } from '../shared/protocol';
import { serverNotRunning, type CommandFactory } from './commands';
import { readSettings, SECTION } from './config';
import { Decorations } from './decorations';
import { decorationsNotification, statusNotification } from './protocol';
import { StatusBar } from './statusBar';

/** Port for `--inspect` when the extension runs in debug mode (launch.json attaches to it). */
const DEBUG_PORT = 6012;

export class Ctx {
  readonly outputChannel: vscode.LogOutputChannel;
  readonly statusBar: StatusBar;
  readonly decorations: Decorations;
  private client: LanguageClient | undefined;
  /** How many clients have been created, for the e2e restart test. */
  private generation = 0;
  private clientDisposables: vscode.Disposable[] = [];
  private commandDisposables: vscode.Disposable[] = [];
  /** Serialises start/stop so a restart during a start cannot leave two clients. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly extensionContext: vscode.ExtensionContext,
    private readonly commands: Readonly<Record<string, CommandFactory>>,
  ) {
    this.outputChannel = vscode.window.createOutputChannel('RFL Lens', { log: true });
    this.statusBar = new StatusBar();
    this.decorations = new Decorations();
    extensionContext.subscriptions.push(this.outputChannel, this.statusBar, this.decorations, { dispose: () => this.disposeLists() });
    this.registerCommands('disabled');
  }

  /** The running client; commands that need the server are only registered while it runs. */
  runningClient(): LanguageClient {
    if (!this.client?.isRunning()) throw new Error('RFL Lens: the server is not running');
    return this.client;
  }

  /** The current client whether or not it runs (the report panel's serializer asks lazily). */
  currentClient(): LanguageClient | undefined {
    return this.client;
  }

  get clientGeneration(): number {
    return this.generation;
  }

  isRunning(): boolean {
    return this.client?.isRunning() ?? false;
  }

  start(): Promise<void> {
    return this.enqueue(() => this.doStart());
  }

  stop(): Promise<void> {
    return this.enqueue(() => this.doStop());
  }

  restart(): Promise<void> {
    return this.enqueue(async () => {
      await this.doStop();
      await this.doStart();
    });
  }

  private enqueue(op: () => Promise<void>): Promise<void> {
    const next = this.queue.then(op, op);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async doStart(): Promise<void> {
    if (this.client) return;
    this.statusBar.starting();
    const client = this.createClient();
    this.client = client;
    this.generation++;
    this.clientDisposables.push(
      client.onNotification(statusNotification, (p) => this.statusBar.update(p)),
      client.onNotification(decorationsNotification, (p) => this.decorations.update(p)),
      // The default error handler restarts a crashed server a few times, then gives up.
      client.onDidChangeState((e) => {
        if (e.newState === State.Running) this.registerCommands('enabled');
        else if (e.newState === State.Stopped && this.client === client) {
          this.registerCommands('disabled');
          this.decorations.clear();
          this.statusBar.stopped('It stopped; see the RFL Lens output for why.');
        }
      }),
    );
    try {
      await client.start();
      this.registerCommands('enabled');
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.outputChannel.error(`could not start the server: ${message}`);
      this.statusBar.stopped(message);
      void vscode.window.showErrorMessage(`RFL Lens: could not start the server: ${message}`, 'Show Output').then((c) => {
        if (c) this.outputChannel.show(true);
      });
    }
  }

  private async doStop(): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.client = undefined;
    disposeAll(this.clientDisposables);
    this.registerCommands('disabled');
    this.decorations.clear();
    try {
      await client.dispose(2000);
    } catch (e) {
      this.outputChannel.warn(`stopping the server: ${e instanceof Error ? e.message : String(e)}`);
    }
    this.statusBar.stopped();
  }

  private createClient(): LanguageClient {
    const module = this.extensionContext.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', `--inspect=${DEBUG_PORT}`] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: 'file', language: 'rust' },
        { scheme: 'untitled', language: 'rust' },
      ],
      outputChannel: this.outputChannel,
      traceOutputChannel: this.outputChannel,
      // Evaluated at each (re)start, so a restart after trust is granted passes `trusted: true`.
      initializationOptions: (): InitializationOptions => ({
        trusted: vscode.workspace.isTrusted,
        globalStoragePath: this.extensionContext.globalStorageUri.fsPath,
        settings: readSettings(),
      }),
      // No `synchronize`: the server registers for didChangeConfiguration itself and then pulls.
      middleware: {
        workspace: {
          // Answer the rflLens section with one object shaped like RflLensSettings.
          configuration: async (params, token, next) => {
            const fallback = await next(params, token);
            if (!Array.isArray(fallback)) return fallback;
            return params.items.map((item, i) =>
              item.section === SECTION ? readSettings(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined) : fallback[i],
            );
          },
        },
      },
    };
    return new LanguageClient('rflLens', 'RFL Lens', serverOptions, clientOptions);
  }

  /** The one loop that registers every command of the table, in its enabled or disabled variant. */
  private registerCommands(variant: 'enabled' | 'disabled'): void {
    disposeAll(this.commandDisposables);
    for (const [name, factory] of Object.entries(this.commands)) {
      const cmd = variant === 'enabled' ? factory.enabled(this) : (factory.disabled?.(this) ?? serverNotRunning(this));
      this.commandDisposables.push(vscode.commands.registerCommand(`rflLens.${name}`, cmd));
    }
  }

  private disposeLists(): void {
    disposeAll(this.clientDisposables);
    disposeAll(this.commandDisposables);
    void this.client?.dispose();
    this.client = undefined;
  }
}

function disposeAll(list: vscode.Disposable[]): void {
  for (const d of list.splice(0)) d.dispose();
}
