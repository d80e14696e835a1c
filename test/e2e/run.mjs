#!/usr/bin/env node
// Runs the extension inside a real VS Code: the VS Code server + web workbench bundled in
// code-server (installed by scripts/e2e-setup.sh into .cache/e2e), driven by headless Chromium.
//   1. in-host mocha tests (dist/test/e2e/index.js, loaded as extensionTestsPath);
//   2. UI checks through the page: the Problems panel lists a finding, a hover widget shows text.
// Writes {"passed","failed","skipped"} to $RFL_TEST_COUNTS for scripts/test.mjs. Builds nothing:
// `npm test` builds first (or run `node esbuild.mjs`). RFL_E2E_GREP filters the in-host tests.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { format } from 'node:util';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cache = process.env.RFL_E2E_CACHE ?? path.join(root, '.cache', 'e2e');
const node24 = path.join(cache, 'node24', 'bin', 'node');
const serverMain = path.join(cache, 'code-server', 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js');
const chromiumPath = process.env.RFL_E2E_CHROMIUM ?? '/usr/bin/chromium';
const artifacts = path.join(root, 'test-artifacts', 'e2e');
const fixtureWorkspace = path.join(root, 'test', 'fixtures', 'workspace');
const TEST_TIMEOUT_MS = 180_000;
const UI_TIMEOUT_MS = 60_000;
const started = Date.now();

const counts = { passed: 0, failed: 0, skipped: 0 };
function writeCounts() {
  if (process.env.RFL_TEST_COUNTS) writeFileSync(process.env.RFL_TEST_COUNTS, JSON.stringify(counts));
}
const log = (msg) => console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}`);

/** The in-host tests plus the UI checks, counted from the sources, for a skipped run. */
function plannedTests() {
  const dir = path.join(root, 'test', 'e2e', 'suite');
  const inHost = readdirSync(dir)
    .filter((f) => f.endsWith('.test.ts'))
    .reduce((n, f) => n + (readFileSync(path.join(dir, f), 'utf8').match(/^\s*it\(/gm) ?? []).length, 0);
  return inHost + UI_CHECKS.length;
}

function skipAll(reason) {
  console.log(`e2e: skipped: ${reason}`);
  counts.skipped = plannedTests();
  writeCounts();
  process.exit(0);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Starts the VS Code server in its own process group; resolves once it accepts connections. */
function startServer(port, dirs) {
  const args = [
    serverMain, '--host', '127.0.0.1', '--port', String(port),
    '--without-connection-token', '--accept-server-license-terms', '--enable-smoke-test-driver',
    '--disable-workspace-trust', '--telemetry-level', 'off',
    '--server-data-dir', dirs.server, '--user-data-dir', dirs.user, '--extensions-dir', dirs.exts,
  ];
  const proc = spawn(node24, args, {
    detached: true, // own process group: its file watcher, pty host and extension hosts die with it
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, HOME: dirs.home, TMPDIR: dirs.tmp, VSCODE_AGENT_FOLDER: dirs.server },
  });
  const serverLog = [];
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`VS Code server not ready after 60 s:\n${serverLog.join('')}`)), 60_000);
    const onData = (chunk) => {
      const text = chunk.toString();
      serverLog.push(text);
      if (process.env.RFL_E2E_VERBOSE) process.stdout.write(`[server] ${text}`);
      if (text.includes('Extension host agent listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`VS Code server exited (${code}) before it was ready:\n${serverLog.join('')}`));
    });
  });
  return { proc, ready, serverLog };
}

function stopServer(proc) {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      try { process.kill(-proc.pid, 'SIGKILL'); } catch { /* already gone */ }
      resolve();
    }, 5000);
    proc.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    try { process.kill(-proc.pid, 'SIGTERM'); } catch { resolve(); }
  });
}

function workbenchUrl(port, workspace, withTests) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [['extensionDevelopmentPath', remote(root)], ['skipWelcome', 'true']];
  if (withTests) payload.push(['extensionTestsPath', remote(path.join(root, 'dist', 'test', 'e2e', 'index.js'))]);
  return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Phase 1: the in-host mocha run; resolves with its counts. */
async function runInHostTests(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  let hostCounts;
  let onExit;
  const exited = new Promise((resolve) => (onExit = resolve));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    // console.log arguments from the extension host, printf-style like mocha's reporter uses them.
    const line = format(...(Array.isArray(args) ? args : [args]));
    const m = /RFL_E2E_COUNTS (\{.*\})/.exec(line);
    if (m) hostCounts = JSON.parse(m[1]);
    console.log(line);
  });
  await page.exposeFunction('codeAutomationExit', (code) => onExit(code));
  await page.goto(url);
  log('in-host tests: workbench loading');
  const code = await Promise.race([
    exited,
    new Promise((resolve) => setTimeout(() => resolve('timeout'), TEST_TIMEOUT_MS)),
  ]);
  await page.screenshot({ path: path.join(artifacts, 'in-host-tests.png') }).catch(() => undefined);
  await page.close();
  if (code === 'timeout') throw new Error(`in-host tests did not finish within ${TEST_TIMEOUT_MS / 1000} s`);
  if (!hostCounts) throw new Error(`in-host tests exited with ${code} without reporting counts (did the test entry load?)`);
  if (code !== 0 && hostCounts.failed === 0) hostCounts.failed = 1;
  return hostCounts;
}

/** Phase 2 checks: each gets the page with lib.rs open and the server's findings in. */
const UI_CHECKS = [
  {
    name: 'the Problems panel lists the unknown-feature finding',
    async run(page) {
      await page.keyboard.press('Control+Shift+M');
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'rfl_lens_no_such_feature' });
      await row.first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
      const text = await row.first().innerText();
      if (!/unknown-feature/.test(text)) throw new Error(`Problems row lacks the code: ${JSON.stringify(text)}`);
      await page.screenshot({ path: path.join(artifacts, 'problems-panel.png') });
    },
  },
  {
    name: 'hovering a feature gate shows its status in a hover widget',
    async run(page) {
      // The injection grammar makes each gate name its own token, so its own <span>.
      const gate = page.locator('.view-line span', { hasText: /^allocator_api$/ }).first();
      await gate.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
      await gate.hover();
      const hover = page.locator('.monaco-hover', { hasText: 'allocator_api' });
      await hover.first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
      const text = await hover.first().innerText();
      if (!/unstable/i.test(text)) throw new Error(`hover text lacks the status: ${JSON.stringify(text)}`);
      await page.screenshot({ path: path.join(artifacts, 'hover.png') });
    },
  },
];

/** Phase 2: the workbench as a user sees it. Opens src/lib.rs from the Explorer. */
async function runUiChecks(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const results = [];
  try {
    await page.goto(url);
    const explorer = page.locator('.explorer-folders-view');
    await explorer.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    log('UI: workbench loaded');
    await explorer.locator('.monaco-list-row', { hasText: /^src$/ }).first().click({ timeout: UI_TIMEOUT_MS });
    await explorer.locator('.monaco-list-row', { hasText: /^lib\.rs$/ }).first().click({ timeout: UI_TIMEOUT_MS });
    await page.locator('.editor-instance .view-line', { hasText: 'rfl_lens_no_such_feature' }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    log('UI: lib.rs open');
    // The findings are in once the editor shows the error squiggle.
    await page.locator('.editor-instance .squiggly-error').first().waitFor({ state: 'attached', timeout: UI_TIMEOUT_MS });
    log('UI: lib.rs open with the server\'s findings');
  } catch (e) {
    await page.screenshot({ path: path.join(artifacts, 'ui-setup-failed.png') }).catch(() => undefined);
    await page.close();
    return UI_CHECKS.map((c) => ({ name: c.name, error: `setup: ${e.message}` }));
  }
  for (const check of UI_CHECKS) {
    try {
      await check.run(page);
      results.push({ name: check.name });
    } catch (e) {
      await page.screenshot({ path: path.join(artifacts, `ui-failed-${results.length}.png`) }).catch(() => undefined);
      results.push({ name: check.name, error: e.message });
    }
  }
  await page.close();
  return results;
}

async function main() {
  const missing = [];
  if (!existsSync(node24)) missing.push(`Node 24 (${node24})`);
  if (!existsSync(serverMain)) missing.push(`code-server's VS Code (${serverMain})`);
  if (!existsSync(chromiumPath)) missing.push(`Chromium (${chromiumPath})`);
  if (missing.length) skipAll(`${missing.join(', ')} not installed; run scripts/e2e-setup.sh`);
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    skipAll('playwright-core is not installed (npm ci)');
  }
  for (const f of ['dist/extension.js', 'dist/server.js', 'dist/test/e2e/index.js']) {
    if (!existsSync(path.join(root, f))) {
      console.log(`e2e: ${f} is missing: run \`node esbuild.mjs\` first`);
      counts.failed = 1;
      writeCounts();
      process.exit(1);
    }
  }

  rmSync(artifacts, { recursive: true, force: true });
  mkdirSync(artifacts, { recursive: true });
  // A fresh folder per run: a reused data folder keeps a workspace lock, and tests edit files.
  const runDir = mkdtempSync(path.join(tmpdir(), 'rfl-e2e-'));
  const dirs = Object.fromEntries(['home', 'tmp', 'server', 'user', 'exts'].map((d) => [d, path.join(runDir, d)]));
  Object.values(dirs).forEach((d) => mkdirSync(d, { recursive: true }));
  const workspace = path.join(runDir, 'workspace');
  cpSync(fixtureWorkspace, workspace, { recursive: true });

  const port = await freePort();
  const server = startServer(port, dirs);
  let browser;
  let status = 1;
  const cleanup = async () => {
    await browser?.close().catch(() => undefined);
    await stopServer(server.proc);
    rmSync(runDir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
  try {
    await server.ready;
    log(`VS Code server ready on port ${port}`);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });

    const host = await runInHostTests(browser, workbenchUrl(port, workspace, true));
    log(`in-host tests: ${host.passed} passed, ${host.failed} failed, ${host.skipped} skipped`);
    counts.passed += host.passed;
    counts.failed += host.failed;
    counts.skipped += host.skipped;

    const ui = await runUiChecks(browser, workbenchUrl(port, workspace, false));
    for (const r of ui) {
      console.log(`  ${r.error ? '✗' : '✓'} UI: ${r.name}${r.error ? `\n      ${r.error}` : ''}`);
      if (r.error) counts.failed++;
      else counts.passed++;
    }
    status = counts.failed ? 1 : 0;
  } catch (e) {
    console.log(`e2e: ${e.stack ?? e}`);
    counts.failed++;
  } finally {
    await cleanup();
  }
  log(`done: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped; screenshots in ${path.relative(root, artifacts)}/`);
  writeCounts();
  process.exit(status);
}

await main();
