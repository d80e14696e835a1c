/**
 * Where a file sits relative to Linux kernel trees: the tree root above it (recognised by
 * `scripts/Makefile.build` beside `rust/kernel/`), and the out-of-tree module directory it belongs
 * to (a directory whose Kbuild or Makefile builds a Rust object). Results are cached per
 * directory because every diagnostics pass asks again for the same folders.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const treeCache = new Map<string, string | undefined>();
const moduleCache = new Map<string, string | undefined>();

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Whether `dir` is the root of a kernel source tree. */
export function isKernelTreeRoot(dir: string): boolean {
  return isFile(path.join(dir, 'scripts', 'Makefile.build')) && isDirectory(path.join(dir, 'rust', 'kernel'));
}

/** The directory to start from: the path itself when it is a directory, else its parent. */
function startDir(fileOrDir: string): string {
  const abs = path.resolve(fileOrDir);
  return isDirectory(abs) ? abs : path.dirname(abs);
}

/** Walks up from `fileOrDir` and returns the first kernel tree root, caching every directory visited. */
export function findKernelTree(fileOrDir: string): string | undefined {
  const visited: string[] = [];
  let dir = startDir(fileOrDir);
  let found: string | undefined;
  for (;;) {
    if (treeCache.has(dir)) {
      found = treeCache.get(dir);
      break;
    }
    visited.push(dir);
    if (isKernelTreeRoot(dir)) {
      found = dir;
      break;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const v of visited) treeCache.set(v, found);
  return found;
}

/** Object names (without `.o`) a Kbuild/Makefile asks kbuild to build: `obj-m += foo.o`, `obj-$(CONFIG_X) := a.o b.o`, `foo-y += bar.o`. */
export function builtObjects(makefileText: string): string[] {
  const names: string[] = [];
  // Line continuations join a list written over several lines.
  const logical = makefileText.replace(/\\\r?\n/g, ' ').split(/\r?\n/);
  for (const line of logical) {
    const m = /^\s*[\w$()-]+-(?:m|y|objs|\$\([\w]+\))\s*(?:\+=|:=|=|\?=)\s*(.*)$/.exec(line.replace(/#.*$/, ''));
    if (!m) continue;
    for (const token of m[1]!.split(/\s+/)) if (token.endsWith('.o')) names.push(token.slice(0, -2));
  }
  return names;
}

/** Whether `dir` holds a Kbuild or Makefile that builds an object from a `.rs` file beside it. */
export function isRustModuleDir(dir: string): boolean {
  for (const name of ['Kbuild', 'Makefile']) {
    const file = path.join(dir, name);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    if (builtObjects(text).some((obj) => isFile(path.join(dir, `${obj}.rs`)))) return true;
  }
  return false;
}

/**
 * The out-of-tree module directory `fileOrDir` belongs to: the nearest directory at or above it
 * that builds a Rust object. The walk stops below `stopAt` (exclusive) and after a few levels,
 * because a module's sources sit at most a few folders below its Kbuild.
 */
export function findModuleDir(fileOrDir: string, stopAt?: string): string | undefined {
  const MAX_LEVELS = 4;
  let dir = startDir(fileOrDir);
  const stop = stopAt ? path.resolve(stopAt) : undefined;
  for (let level = 0; level < MAX_LEVELS; level++) {
    if (dir === stop) return undefined;
    const cached = moduleCache.get(dir);
    if (cached !== undefined || moduleCache.has(dir)) {
      if (cached) return cached;
    } else {
      const hit = isRustModuleDir(dir) ? dir : undefined;
      moduleCache.set(dir, hit);
      if (hit) return hit;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return undefined;
}

/**
 * The kernel tree an out-of-tree module's Makefile names with a literal path
 * (`KDIR ?= ../linux`); paths built from make functions (`$(shell uname -r)`) are not followed.
 */
export function moduleKernelTree(moduleDir: string): string | undefined {
  for (const name of ['Makefile', 'Kbuild']) {
    let text: string;
    try {
      text = readFileSync(path.join(moduleDir, name), 'utf8');
    } catch {
      continue;
    }
    for (const m of text.matchAll(/^\s*(?:KDIR|KERNELDIR|KERNEL_DIR|KERNEL_SRC|KSRC|KERNEL_TREE)\s*(?:\?=|:=|=)\s*(\S+)\s*$/gm)) {
      const value = m[1]!;
      if (value.includes('$')) continue;
      const dir = path.resolve(moduleDir, value);
      if (isKernelTreeRoot(dir)) return dir;
    }
  }
  return undefined;
}

/** Whether `child` is `parent` or inside it. */
export function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Forgets cached answers `p` may change, or all. A found root or module dir changes only when
 * something inside it changes; a "none found" may change when a marker file appears anywhere.
 */
export function clearDetectCache(p?: string): void {
  if (p === undefined) {
    treeCache.clear();
    moduleCache.clear();
    return;
  }
  const abs = path.resolve(p);
  for (const cache of [treeCache, moduleCache])
    for (const [dir, found] of [...cache])
      if (found === undefined || isInside(abs, found) || isInside(dir, abs)) cache.delete(dir);
}
