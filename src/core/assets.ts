/**
 * Finds the files RFL Lens opens at run time. In a build they sit next to the bundle
 * (esbuild.mjs copies them into dist/); when running from source (tests) they are found in
 * node_modules and data/.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

declare const __dirname: string;

const repoRoot = (): string => {
  // dist/x.js -> repo root; src/core/assets.ts -> repo root
  const here = __dirname;
  return path.basename(here) === 'dist' ? path.dirname(here) : path.resolve(here, '..', '..');
};

function firstExisting(candidates: string[]): string {
  for (const c of candidates) if (existsSync(c)) return c;
  throw new Error(`RFL Lens: cannot find ${path.basename(candidates[0]!)} (looked in ${candidates.join(', ')})`);
}

export function treeSitterWasmPath(): string {
  return firstExisting([
    path.join(__dirname, 'tree-sitter.wasm'),
    path.join(repoRoot(), 'node_modules', 'web-tree-sitter', 'tree-sitter.wasm'),
  ]);
}

export function rustGrammarWasmPath(): string {
  return firstExisting([
    path.join(__dirname, 'tree-sitter-rust.wasm'),
    path.join(repoRoot(), 'node_modules', 'tree-sitter-rust', 'tree-sitter-rust.wasm'),
  ]);
}

/** The bundled feature database (data/features.toml, copied to dist/features.toml). */
export function bundledDatabasePath(): string {
  return firstExisting([path.join(__dirname, 'features.toml'), path.join(repoRoot(), 'data', 'features.toml')]);
}

/** The hand-kept kernel notes the database generator merges (only needed when rebuilding). */
export function kernelNotesPath(): string {
  return firstExisting([path.join(__dirname, 'kernel-notes.toml'), path.join(repoRoot(), 'data', 'kernel-notes.toml')]);
}
