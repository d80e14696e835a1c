#!/usr/bin/env node
// The same in-host tests in a desktop VS Code, for contributors whose machine can download one
// (@vscode/test-electron fetches it from Microsoft). CI uses test/e2e/run.mjs instead, which needs
// no download. Build first: `node esbuild.mjs && node test/e2e/desktop.mjs`.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// A copy, so that settings the tests change never touch the fixture in the repository.
const workspace = path.join(mkdtempSync(path.join(tmpdir(), 'rfl-e2e-desktop-')), 'workspace');
cpSync(path.join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });

try {
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'dist', 'test', 'e2e', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (e) {
  console.error(`e2e (desktop): ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}
