/**
 * Watches files by polling their stat, for clients that cannot watch files for the server (no
 * dynamic registration of workspace/didChangeWatchedFiles, e.g. Neovim on Linux by default).
 * Polling also notices files that do not exist yet, such as a clippy.toml about to be created.
 */
import { statSync, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';

/** Files in each ancestor folder of a source file that can change its analysis. */
const PER_FOLDER = ['clippy.toml', '.clippy.toml', 'Kbuild', 'Makefile', 'rust-project.json'] as const;
/** Kernel tree files read for the allow-list and minimum rustc. */
const KERNEL_FILES = ['scripts/Makefile.build', 'scripts/Makefile.rust', 'scripts/min-tool-version.sh', 'rust/Makefile'] as const;
const MAX_DEPTH = 32;

/** What to poll for one analysed file: its folders' config files, its kernel tree's and `extra`. */
export function pollPaths(file: string, kernelRoot: string | undefined, extra: readonly string[]): string[] {
  const out = new Set<string>(extra);
  let dir = path.dirname(file);
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    for (const name of PER_FOLDER) out.add(path.join(dir, name));
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  if (kernelRoot) for (const file of kernelPollPaths(kernelRoot)) out.add(file);
  return [...out];
}

/** The kernel tree files polled for any file in the tree rooted at `kernelRoot`. */
export function kernelPollPaths(kernelRoot: string): string[] {
  return KERNEL_FILES.map((rel) => path.join(kernelRoot, rel));
}

/** What identifies a file's content for polling; `missing` when it does not exist. */
type Fingerprint = string;

function fingerprintOf(stat: Stats | undefined): Fingerprint {
  return stat ? `${stat.ino}:${stat.size}:${stat.mtimeMs}` : 'missing';
}

export class FilePoller {
  private readonly watched = new Map<string, Fingerprint>();
  private timer: NodeJS.Timeout | undefined;
  private polling = false;

  constructor(
    private readonly intervalMs: number,
    private readonly onChange: (file: string) => void,
  ) {}

  /** Starts watching `files`; their current state is the baseline, so any later change is reported. */
  watch(files: Iterable<string>): void {
    for (const file of files) {
      if (this.watched.has(file)) continue;
      let stat: Stats | undefined;
      try {
        stat = statSync(file);
      } catch {
        stat = undefined;
      }
      this.watched.set(file, fingerprintOf(stat));
    }
    if (!this.timer && this.watched.size) {
      this.timer = setInterval(() => void this.poll(), this.intervalMs);
      // The open LSP connection is what keeps the server alive, not this timer.
      this.timer.unref();
    }
  }

  get size(): number {
    return this.watched.size;
  }

  dispose(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.watched.clear();
  }

  private async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      const files = [...this.watched.keys()];
      const stats = await Promise.all(files.map((f) => stat(f).catch(() => undefined)));
      files.forEach((file, i) => {
        const now = fingerprintOf(stats[i]);
        const before = this.watched.get(file);
        if (before === undefined || before === now) return;
        this.watched.set(file, now);
        this.onChange(file);
      });
    } finally {
      this.polling = false;
    }
  }
}
