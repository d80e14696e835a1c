/**
 * Messages for the user that must appear once, not on every keystroke: settings problems, a broken
 * database, a file too large to analyse. Each goes to window/showMessage and to the log; problems
 * are also kept for the rflLens/status notification.
 */
import { MessageType, type Connection } from 'vscode-languageserver/node';

export class Notices {
  private readonly shown = new Set<string>();
  private readonly problemList: string[] = [];
  private readonly listeners: (() => void)[] = [];

  constructor(private readonly connection: Connection) {}

  /** A problem with settings, the database or a kernel tree: a warning, shown once per distinct text. */
  problem(message: string): void {
    if (!this.once(`problem:${message}`)) return;
    this.problemList.push(message);
    this.connection.console.warn(message);
    void this.connection.sendNotification('window/showMessage', { type: MessageType.Warning, message: `RFL Lens: ${message}` });
    for (const l of this.listeners) l();
  }

  /** Information shown once per key (e.g. one per skipped file). */
  info(key: string, message: string): void {
    if (!this.once(`info:${key}`)) return;
    this.connection.console.info(message);
    void this.connection.sendNotification('window/showMessage', { type: MessageType.Info, message: `RFL Lens: ${message}` });
  }

  /** Allows `info(key)` to show again (e.g. the document was closed). */
  forget(key: string): void {
    this.shown.delete(`info:${key}`);
  }

  get problems(): readonly string[] {
    return this.problemList;
  }

  onProblem(listener: () => void): void {
    this.listeners.push(listener);
  }

  private once(key: string): boolean {
    if (this.shown.has(key)) return false;
    this.shown.add(key);
    return true;
  }
}
