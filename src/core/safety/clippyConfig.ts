/**
 * Reads the SAFETY options from clippy's configuration file, found as clippy finds it:
 * `$CLIPPY_CONF_DIR` when set, otherwise the nearest directory upwards (clippy starts at the
 * crate's manifest directory; for a single file we start at the file's directory) holding
 * `.clippy.toml` or `clippy.toml` (the dotted name wins when both exist). A broken file gives a
 * problem naming the file and line, and clippy's defaults are used. Results are cached per
 * directory until `invalidate()`.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse, TomlError } from 'smol-toml';
import { CLIPPY_DEFAULT_SAFETY_OPTIONS, type SafetyOptions } from './types';

export interface ClippyConfig {
  readonly options: SafetyOptions;
  /** The file read, if one was found. */
  readonly file?: string;
  /** One message per problem, e.g. "/k/.clippy.toml:3: check-private-items: expected true or false". */
  readonly problems: string[];
}

const FILE_NAMES = ['.clippy.toml', 'clippy.toml'] as const;

/** The clippy.toml keys RFL Lens reads and the option each sets. */
const KEYS = {
  'accept-comment-above-statement': 'acceptCommentAboveStatement',
  'accept-comment-above-attributes': 'acceptCommentAboveAttributes',
  'check-private-items': 'checkPrivateItems',
} as const satisfies Record<string, keyof SafetyOptions>;

const cache = new Map<string, ClippyConfig>();

/** Forgets every cached lookup (call when a clippy.toml changes). */
export function invalidate(): void {
  cache.clear();
}

/**
 * `invalidate()` for a watcher: `changed` is the file that changed (any path; a new clippy.toml
 * can shadow a farther one, so every lookup is dropped).
 */
export function invalidateClippyConfig(changed?: string): void {
  void changed;
  invalidate();
}

export function readClippyConfig(fileOrDir: string, env: Readonly<Record<string, string | undefined>> = process.env): ClippyConfig {
  const start = startDir(fileOrDir);
  const confDir = env.CLIPPY_CONF_DIR;
  const key = `${confDir ?? ''}\0${start}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const found = confDir ? findIn(path.resolve(confDir)) : findUpwards(start);
  const result = found ? load(found.file, found.ignored) : { options: CLIPPY_DEFAULT_SAFETY_OPTIONS, problems: [] };
  cache.set(key, result);
  return result;
}

function startDir(fileOrDir: string): string {
  const abs = path.resolve(fileOrDir);
  try {
    return statSync(abs).isDirectory() ? abs : path.dirname(abs);
  } catch {
    return path.dirname(abs);
  }
}

function findIn(dir: string): { file: string; ignored?: string } | undefined {
  const present = FILE_NAMES.map((n) => path.join(dir, n)).filter((f) => existsSync(f));
  if (present.length === 0) return undefined;
  return { file: present[0]!, ignored: present[1] };
}

function findUpwards(dir: string): { file: string; ignored?: string } | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    const found = findIn(d);
    if (found) return found;
    if (path.dirname(d) === d) return undefined;
  }
}

function load(file: string, ignored: string | undefined): ClippyConfig {
  const problems: string[] = [];
  if (ignored) problems.push(`${ignored}: ignored, ${path.basename(file)} in the same directory is used (as clippy does)`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    problems.push(`${file}: cannot read: ${e instanceof Error ? e.message : String(e)}`);
    return { options: CLIPPY_DEFAULT_SAFETY_OPTIONS, file, problems };
  }
  let doc: Record<string, unknown>;
  try {
    doc = parse(text) as Record<string, unknown>;
  } catch (e) {
    const line = e instanceof TomlError ? e.line : 1;
    const message = e instanceof Error ? e.message.split('\n')[0]!.replace(/^Invalid TOML document: /, '') : String(e);
    problems.push(`${file}:${line}: invalid TOML: ${message}; using clippy's defaults`);
    return { options: CLIPPY_DEFAULT_SAFETY_OPTIONS, file, problems };
  }
  const options: { -readonly [K in keyof SafetyOptions]: SafetyOptions[K] } = { ...CLIPPY_DEFAULT_SAFETY_OPTIONS };
  for (const [name, option] of Object.entries(KEYS)) {
    const value = doc[name];
    if (value === undefined) continue;
    if (typeof value === 'boolean') options[option] = value;
    else problems.push(`${file}:${lineOfKey(text, name)}: ${name}: expected true or false, got ${JSON.stringify(value)}; using ${CLIPPY_DEFAULT_SAFETY_OPTIONS[option]}`);
  }
  return { options, file, problems };
}

function lineOfKey(text: string, key: string): number {
  const lines = text.split(/\r?\n/);
  const i = lines.findIndex((l) => new RegExp(`^\\s*["']?${key}["']?\\s*=`).test(l));
  return i < 0 ? 1 : i + 1;
}
