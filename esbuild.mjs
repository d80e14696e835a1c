// Bundles the three entry points (client, server, CLI) and the e2e test entry into dist/,
// and copies what they load at run time (parser wasm, bundled feature database) beside them.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const watch = process.argv.includes('--watch');
const outdir = 'dist';

/** Files the bundles open at run time; src/core/assets.ts finds them next to the bundle. */
const assets = [
  [require.resolve('web-tree-sitter/tree-sitter.wasm'), 'tree-sitter.wasm'],
  [path.join(path.dirname(require.resolve('tree-sitter-rust/package.json')), 'tree-sitter-rust.wasm'), 'tree-sitter-rust.wasm'],
  ['data/features.toml', 'features.toml'],
  ['data/kernel-notes.toml', 'kernel-notes.toml'],
];

function copyAssets() {
  mkdirSync(outdir, { recursive: true });
  for (const [from, to] of assets) copyFileSync(from, path.join(outdir, to));
}

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external: ['vscode'],
  logLevel: 'warning',
  define: { 'import.meta.url': 'importMetaUrl', RFL_LENS_VERSION: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) },
  // web-tree-sitter's CJS build probes for these; they are never used under Node.
  banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

const entries = [
  { entryPoints: { extension: 'src/client/extension.ts' } },
  { entryPoints: { server: 'src/server/main.ts' } },
  { entryPoints: { cli: 'src/cli/main.ts' }, banner: { js: "#!/usr/bin/env node\nconst importMetaUrl = require('url').pathToFileURL(__filename).href;" } },
  // Worker threads of the parallel report scan (src/core/report/scan.ts loads it from beside the bundle).
  { entryPoints: { reportWorker: 'src/core/report/worker.ts' } },
  // In-host e2e tests (loaded by VS Code as extensionTestsPath); mocha is required from node_modules.
  { entryPoints: { 'test/e2e/index': 'test/e2e/suite/index.ts' }, external: ['vscode', 'mocha'] },
];

const plugin = {
  name: 'copy-assets',
  setup(build) {
    build.onEnd(() => copyAssets());
  },
};

const contexts = await Promise.all(
  entries.map((e) => esbuild.context({ ...common, ...e, banner: e.banner ?? common.banner, outdir, plugins: [plugin] })),
);
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
