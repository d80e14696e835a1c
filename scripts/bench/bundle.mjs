// Bundles the in-process benchmark (scripts/bench/engine.ts) and the report worker with the same
// esbuild settings as esbuild.mjs, into OUT/dist/ beside copies of the wasm files and database.
// The directory is named dist/ on purpose: src/core/assets.ts and the report scan look for their
// files beside a bundle in a folder of that name, exactly as in the shipped extension.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** Builds into `${outRoot}/dist` and returns the path of the engine bundle. */
export async function bundleEngine(repo, outRoot) {
  const outdir = path.join(outRoot, 'dist');
  mkdirSync(outdir, { recursive: true });
  const version = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')).version;
  await esbuild.build({
    absWorkingDir: repo,
    entryPoints: { 'bench-engine': 'scripts/bench/engine.ts', reportWorker: 'src/core/report/worker.ts' },
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    logLevel: 'warning',
    define: { 'import.meta.url': 'importMetaUrl', RFL_LENS_VERSION: JSON.stringify(version) },
    banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  });
  const assets = [
    [require.resolve('web-tree-sitter/tree-sitter.wasm', { paths: [repo] }), 'tree-sitter.wasm'],
    [path.join(path.dirname(require.resolve('tree-sitter-rust/package.json', { paths: [repo] })), 'tree-sitter-rust.wasm'), 'tree-sitter-rust.wasm'],
    [path.join(repo, 'data', 'features.toml'), 'features.toml'],
  ];
  for (const [from, to] of assets) copyFileSync(from, path.join(outdir, to));
  return path.join(outdir, 'bench-engine.js');
}
