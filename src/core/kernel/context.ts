/**
 * A file's kernel context: the tree's facts, what kind of kernel code the file is, and its crate's
 * cfg set. Cached per tree and per file, since every analysis pass asks; the server calls
 * `invalidateKernelCache` when a watched file changes.
 */
import path from 'node:path';
import { classifyKernelFile } from './classify';
import { clearDetectCache, findKernelTree, findModuleDir, isInside, isKernelTreeRoot, moduleKernelTree } from './detect';
import { readKernelFacts } from './facts';
import { clearRustProjectCache, crateForFile, findRustProject, loadRustProject } from './rustProject';
import type { KernelFacts, KernelFileContext } from './types';

export interface KernelContextOptions {
  /** Kernel tree for out-of-tree modules (setting `rflLens.kernelTree`, CLI `--kernel-tree`). */
  readonly kernelTree?: string | null;
}

const factsCache = new Map<string, KernelFacts>();
const contextCache = new Map<string, KernelFileContext | undefined>();

/** Files whose change alters a tree's facts or which files are modules. */
const FACT_FILES = new Set(['Makefile.build', 'Makefile.rust', 'Makefile', 'Kbuild', 'min-tool-version.sh', '.clippy.toml', 'clippy.toml', 'rust-project.json']);

function factsFor(root: string): KernelFacts {
  let facts = factsCache.get(root);
  if (!facts) {
    facts = readKernelFacts(root);
    factsCache.set(root, facts);
  }
  return facts;
}

function resolveContext(file: string, kernelTree: string | undefined): KernelFileContext | undefined {
  let root = findKernelTree(file);
  let moduleDir: string | undefined;
  const extraProblems: string[] = [];
  if (root === undefined) {
    moduleDir = findModuleDir(file);
    if (kernelTree !== undefined) {
      root = path.resolve(kernelTree);
      if (!isKernelTreeRoot(root))
        extraProblems.push(`kernel tree ${root}: not a kernel tree (expected scripts/Makefile.build beside rust/kernel/)`);
    } else if (moduleDir !== undefined) {
      root = moduleKernelTree(moduleDir);
    }
  }
  if (root === undefined) return undefined;

  const treeFacts = factsFor(root);
  const projectFile = findRustProject(file, root);
  const project = projectFile ? loadRustProject(projectFile) : undefined;
  const crate = project ? crateForFile(project, file) : undefined;
  const problems = [...extraProblems, ...treeFacts.problems, ...(project?.problems ?? [])];
  const facts = problems.length === treeFacts.problems.length ? treeFacts : { ...treeFacts, problems };
  return {
    facts,
    fileClass: classifyKernelFile(file, isKernelTreeRoot(root) ? root : undefined, moduleDir),
    ...(crate && { cfg: crate.cfg }),
  };
}

/** The kernel context of `filePath`, or undefined when it is in no kernel tree and none is configured. */
export function kernelContextFor(filePath: string, options: KernelContextOptions = {}): KernelFileContext | undefined {
  const file = path.resolve(filePath);
  const tree = options.kernelTree ? options.kernelTree : undefined;
  const key = `${file}\0${tree ?? ''}`;
  if (contextCache.has(key)) return contextCache.get(key);
  const ctx = resolveContext(file, tree);
  contextCache.set(key, ctx);
  return ctx;
}

/**
 * Forgets cached answers. With a path: a fact file (Makefile.build, min-tool-version.sh,
 * .clippy.toml, Kbuild, rust-project.json, ...) drops its tree's facts and every context that used
 * them; any other file or folder drops the contexts of the files in it.
 */
export function invalidateKernelCache(changedPath?: string): void {
  if (changedPath === undefined) {
    factsCache.clear();
    contextCache.clear();
    clearDetectCache();
    clearRustProjectCache();
    return;
  }
  const abs = path.resolve(changedPath);
  clearDetectCache(abs);
  clearRustProjectCache(abs);
  const isFactFile = FACT_FILES.has(path.basename(abs));
  const scope = isFactFile ? path.dirname(abs) : abs;
  const staleRoots = new Set<string>();
  if (isFactFile)
    for (const root of factsCache.keys())
      if (isInside(abs, root)) {
        factsCache.delete(root);
        staleRoots.add(root);
      }
  for (const [key, ctx] of contextCache) {
    const file = key.slice(0, key.indexOf('\0'));
    if (isInside(file, scope) || (ctx && staleRoots.has(ctx.facts.root))) contextCache.delete(key);
  }
  // A new Kbuild or tree marker can turn files that had no context into module or tree files.
  if (isFactFile) for (const [key, ctx] of contextCache) if (ctx === undefined) contextCache.delete(key);
}

/** The toolchain gates are judged at in this tree: its minimum rustc, else clippy's msrv. */
export function minimumToolchain(facts: KernelFacts): string | undefined {
  return facts.minRustc ?? facts.msrv;
}

/** Why `minimumToolchain` chose its version, for messages. */
export function minimumToolchainOrigin(facts: KernelFacts): string | undefined {
  if (facts.minRustc) return 'minimum rustc in scripts/min-tool-version.sh';
  if (facts.msrv) return 'msrv in .clippy.toml';
  return undefined;
}
