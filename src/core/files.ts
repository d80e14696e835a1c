/**
 * Reading Rust sources from disk for the CLI and the workspace report: which files to look at,
 * and whether a file is text we can analyse (not binary, valid UTF-8, not too large).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';

export type SourceRead =
  | { readonly kind: 'ok'; readonly text: string; readonly bytes: number }
  | { readonly kind: 'skipped'; readonly reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Reads a source file, or says why it is skipped. Never throws. */
export function readSourceFile(file: string, maxSize: number): SourceRead {
  let data: Buffer;
  try {
    const st = statSync(file);
    if (!st.isFile()) return { kind: 'skipped', reason: 'not a regular file' };
    if (st.size > maxSize) return { kind: 'skipped', reason: `file is ${formatBytes(st.size)}, over the ${formatBytes(maxSize)} limit (rflLens.maxFileSize)` };
    data = readFileSync(file);
  } catch (e) {
    return { kind: 'skipped', reason: `cannot read: ${errorMessage(e)}` };
  }
  return decodeSource(data);
}

/** Decodes file bytes as Rust source text (UTF-8; a BOM is dropped as rustc does). */
export function decodeSource(data: Uint8Array): SourceRead {
  if (data.includes(0)) return { kind: 'skipped', reason: 'binary file (contains NUL bytes)' };
  let text: string;
  try {
    text = utf8.decode(data);
  } catch {
    return { kind: 'skipped', reason: `not valid UTF-8 (at byte ${firstInvalidUtf8(data)})` };
  }
  return { kind: 'ok', text, bytes: data.length };
}

export interface CollectOptions {
  /** Globs (picomatch, matched against paths relative to each root and to the cwd) to leave out. */
  readonly exclude?: readonly string[];
  /** Directory names never descended into. */
  readonly skipDirs?: readonly string[];
}

export interface Collected {
  readonly files: string[];
  /** Paths that do not exist or cannot be listed, with why. */
  readonly problems: { readonly path: string; readonly reason: string }[];
}

const DEFAULT_SKIP_DIRS = ['target', '.git', 'node_modules'];

/**
 * Expands files and directories (recursively, `*.rs`) into a sorted list of files.
 * Explicitly named files are kept whatever their extension.
 */
export function collectRustFiles(paths: readonly string[], options: CollectOptions = {}): Collected {
  const skip = new Set(options.skipDirs ?? DEFAULT_SKIP_DIRS);
  const isExcluded = options.exclude?.length ? picomatch([...options.exclude], { dot: true }) : () => false;
  const files = new Set<string>();
  const problems: { path: string; reason: string }[] = [];

  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      problems.push({ path: p, reason: errorMessage(e) });
      continue;
    }
    if (st.isFile()) {
      files.add(p);
      continue;
    }
    const root = p;
    const walk = (dir: string): void => {
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch (e) {
        problems.push({ path: dir, reason: errorMessage(e) });
        return;
      }
      for (const ent of entries) {
        const full = path.join(dir, ent.name);
        const rel = path.relative(root, full).split(path.sep).join('/');
        if (ent.isDirectory()) {
          if (skip.has(ent.name) || isExcluded(rel) || isExcluded(`${rel}/`)) continue;
          walk(full);
        } else if (ent.isFile() && ent.name.endsWith('.rs') && !isExcluded(rel) && !isExcluded(full)) {
          files.add(full);
        }
      }
    };
    walk(root);
  }
  return { files: [...files].sort(), problems };
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

function errorMessage(e: unknown): string {
  if (e && typeof e === 'object' && 'code' in e) {
    const code = (e as { code: unknown }).code;
    if (code === 'ENOENT') return 'no such file or directory';
    if (code === 'EACCES') return 'permission denied';
  }
  return e instanceof Error ? e.message : String(e);
}

function firstInvalidUtf8(data: Uint8Array): number {
  // Binary search is not possible for UTF-8 validity; scan sequences.
  let i = 0;
  while (i < data.length) {
    const b = data[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    try {
      utf8.decode(data.subarray(i, i + need + 1));
    } catch {
      return i;
    }
    i += need + 1;
  }
  return data.length;
}
