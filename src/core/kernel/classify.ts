/**
 * What kind of kernel code a file is, which decides the feature-gate rules it builds under:
 * rust/ crates may enable any feature; code kbuild compiles through scripts/Makefile.build
 * (drivers, samples, other subsystems, out-of-tree modules) is limited to the allow-list;
 * host programs (scripts/, tools/) and anything else are built without kbuild's Rust flags.
 */
import path from 'node:path';
import { isInside } from './detect';
import type { KernelFileClass } from './types';

/** Top-level folders whose Rust files are not kernel objects. */
const HOST_DIRS = new Set(['scripts', 'tools', 'Documentation', 'usr']);

/**
 * @param treeRoot the kernel tree the file is inside, if any
 * @param moduleDir the out-of-tree module directory the file belongs to, if any
 */
export function classifyKernelFile(filePath: string, treeRoot: string | undefined, moduleDir?: string): KernelFileClass {
  const abs = path.resolve(filePath);
  if (treeRoot !== undefined && isInside(abs, treeRoot)) {
    const top = path.relative(treeRoot, abs).split(path.sep)[0] ?? '';
    if (top === 'rust') return 'kernel-crate';
    if (top === 'samples') return 'sample';
    // A top-level file, or one under a host-program folder, is not built by Makefile.build.
    if (top === path.basename(abs) || HOST_DIRS.has(top)) return 'other';
    // drivers/ and the other subsystems (fs/, net/, lib/, ...) build under the same rules.
    return 'driver';
  }
  if (moduleDir !== undefined && isInside(abs, moduleDir)) return 'out-of-tree-module';
  return 'other';
}
