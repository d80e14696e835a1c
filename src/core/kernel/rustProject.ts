/**
 * rust-project.json (written by `make rust-analyzer`, in the tree or in an out-of-tree module's
 * directory): which crate a file belongs to and that crate's cfg set, so that
 * `#![cfg_attr(CONFIG_X, feature(y))]` can be evaluated instead of shown both ways.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isInside } from './detect';

export interface ProjectCrate {
  readonly name?: string;
  /** Absolute path of the crate root file. */
  readonly rootModule: string;
  /** Directories whose files belong to the crate: the root module's folder and `source.include_dirs`. */
  readonly dirs: readonly string[];
  /** Normalised cfg entries: `CONFIG_X`, `key="value"`. */
  readonly cfg: ReadonlySet<string>;
}

export interface RustProject {
  readonly file: string;
  readonly crates: readonly ProjectCrate[];
  readonly problems: readonly string[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const BARE_NAME = /^[A-Za-z_]\w*$/;

/** `key = "v"` / `key=v` → `key="v"`; a bare name stays as it is. */
export function normalizeCfgEntry(entry: string): string {
  const m = /^\s*([A-Za-z_][\w]*)\s*(?:=\s*"?(.*?)"?)?\s*$/.exec(entry);
  if (!m) return entry.trim();
  return m[2] === undefined ? m[1]! : `${m[1]}="${m[2]}"`;
}

/** Parses rust-project.json text; relative paths are resolved against the file's directory. */
export function parseRustProject(text: string, file: string): RustProject {
  const problems: string[] = [];
  const base = path.dirname(file);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    problems.push(`${file}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
    return { file, crates: [], problems };
  }
  if (!isRecord(doc) || !Array.isArray(doc.crates)) {
    problems.push(`${file}: expected an object with a "crates" array`);
    return { file, crates: [], problems };
  }
  const crates: ProjectCrate[] = [];
  // The kernel gives most crates the same few thousand CONFIG_ entries: build each distinct set once.
  const sets = new Map<string, ReadonlySet<string>>();
  doc.crates.forEach((c: unknown, i: number) => {
    if (!isRecord(c) || typeof c.root_module !== 'string') {
      problems.push(`${file}: crates[${i}] has no "root_module" string`);
      return;
    }
    const rootModule = path.resolve(base, c.root_module);
    const dirs = [path.dirname(rootModule)];
    if (isRecord(c.source) && Array.isArray(c.source.include_dirs))
      for (const d of c.source.include_dirs) if (typeof d === 'string') dirs.push(path.resolve(base, d));
    if (c.cfg !== undefined && !Array.isArray(c.cfg)) problems.push(`${file}: crates[${i}].cfg is not an array`);
    const entries: unknown[] = Array.isArray(c.cfg) ? c.cfg : [];
    const key = entries.join('\n');
    let cfg = sets.get(key);
    if (!cfg || entries.some((e) => typeof e !== 'string')) {
      const fresh = new Set<string>();
      for (const entry of entries) {
        if (typeof entry === 'string') fresh.add(BARE_NAME.test(entry) ? entry : normalizeCfgEntry(entry));
        else problems.push(`${file}: crates[${i}].cfg holds a non-string ${JSON.stringify(entry)}`);
      }
      sets.set(key, fresh);
      cfg = fresh;
    }
    crates.push({ ...(typeof c.display_name === 'string' && { name: c.display_name }), rootModule, dirs, cfg });
  });
  return { file, crates, problems };
}

const projectCache = new Map<string, { mtimeMs: number; project: RustProject }>();

/** Reads (cached by modification time) the rust-project.json at `file`; undefined when absent. */
export function loadRustProject(file: string): RustProject | undefined {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    projectCache.delete(file);
    return undefined;
  }
  const cached = projectCache.get(file);
  if (cached && cached.mtimeMs === mtimeMs) return cached.project;
  let project: RustProject;
  try {
    project = parseRustProject(readFileSync(file, 'utf8'), file);
  } catch (e) {
    project = { file, crates: [], problems: [`${file}: cannot read (${e instanceof Error ? e.message : String(e)})`] };
  }
  projectCache.set(file, { mtimeMs, project });
  return project;
}

export function clearRustProjectCache(file?: string): void {
  if (file === undefined) projectCache.clear();
  else projectCache.delete(path.resolve(file));
}

/**
 * The nearest rust-project.json at or above the file's directory. Inside a tree the walk stops
 * at the tree root; outside one (an out-of-tree module) it also falls back to the tree's own.
 */
export function findRustProject(filePath: string, treeRoot?: string): string | undefined {
  let dir = path.dirname(path.resolve(filePath));
  const inTree = treeRoot !== undefined && isInside(dir, treeRoot);
  for (;;) {
    const candidate = path.join(dir, 'rust-project.json');
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // keep walking up
    }
    if (inTree && dir === path.resolve(treeRoot)) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  if (treeRoot !== undefined && !inTree) {
    const own = path.join(treeRoot, 'rust-project.json');
    try {
      if (statSync(own).isFile()) return own;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * The crate `filePath` belongs to: the crate whose root module it is, else the crate with the
 * longest directory that contains it.
 */
export function crateForFile(project: RustProject, filePath: string): ProjectCrate | undefined {
  const abs = path.resolve(filePath);
  const exact = project.crates.find((c) => c.rootModule === abs);
  if (exact) return exact;
  let best: ProjectCrate | undefined;
  let bestLength = -1;
  for (const crate of project.crates)
    for (const dir of crate.dirs)
      if (dir.length > bestLength && isInside(abs, dir)) {
        best = crate;
        bestLength = dir.length;
      }
  return best;
}
