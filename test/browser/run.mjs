#!/usr/bin/env node
// Real-browser test of the exported HTML report: renders the report of test/fixtures/report-tree
// with the CLI, opens the file in Debian's chromium through playwright-core, saves a screenshot to
// test-artifacts/browser/, and checks what a reader sees, that a filter works, and that the page
// logs no errors, violates no CSP directive and requests nothing from the network.
// Writes {"passed","failed","skipped"} to $RFL_TEST_COUNTS for scripts/test.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'report-tree');
const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'browser');
const CHROMIUM = process.env.RFL_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const counts = { passed: 0, failed: 0, skipped: 0 };
function writeCounts() {
  if (process.env.RFL_TEST_COUNTS) writeFileSync(process.env.RFL_TEST_COUNTS, JSON.stringify(counts));
}

async function test(name, fn) {
  try {
    await fn();
    counts.passed++;
    console.log(`  ✔ ${name}`);
  } catch (e) {
    counts.failed++;
    console.log(`  ✘ ${name}\n      ${String(e?.stack ?? e).split('\n').join('\n      ')}`);
  }
}

function assertEqual(actual, expected, what) {
  if (actual !== expected) throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

function skipAll(reason, n) {
  console.log(`  - skipped ${n} browser tests: ${reason}`);
  counts.skipped += n;
  writeCounts();
}

/** The CLI: the built bundle when there is one (what users run), else the TypeScript source. */
function renderReport(out) {
  const dist = path.join(ROOT, 'dist', 'cli.js');
  const cmd = existsSync(dist) ? [dist] : ['--import', 'tsx', path.join(ROOT, 'src', 'cli', 'main.ts')];
  const r = spawnSync(process.execPath, [...cmd, 'report', FIXTURE, '--format', 'html', '-o', out], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`rfl-lens report failed (exit ${r.status}): ${r.stderr}`);
  const json = spawnSync(process.execPath, [...cmd, 'report', FIXTURE, '--format', 'json'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (json.status !== 0) throw new Error(`rfl-lens report --format json failed (exit ${json.status}): ${json.stderr}`);
  return JSON.parse(json.stdout);
}

const TESTS = 8;

/**
 * The same script inside the webview shell (src/core/report/webviewHtml.ts) under the webview CSP,
 * with a stand-in for VS Code's acquireVsCodeApi: the model arrives by message and clicks become
 * typed messages to the extension host.
 */
async function webviewTests(context, model, work) {
  const { tsImport } = await import('tsx/esm/api');
  const { renderWebviewHtml } = await tsImport(path.join(ROOT, 'src', 'core', 'report', 'webviewHtml.ts'), import.meta.url);
  const media = (f) => pathToFileURL(path.join(ROOT, 'media', f)).href;
  const shell = path.join(work, 'webview.html');
  writeFileSync(shell, renderWebviewHtml({ cspSource: 'file:', nonce: 'dGVzdC1ub25jZS0xMjM0NTY3OA==', styleUri: media('report.css'), scriptUri: media('report.js') }));
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(() => {
    window.__sent = [];
    window.__csp = [];
    let state;
    window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__sent.push(m), getState: () => state, setState: (s) => (state = s) });
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(pathToFileURL(shell).href, { waitUntil: 'load' });

  await test('webview: says it is ready, then draws the report it is sent', async () => {
    await page.waitForFunction(() => window.__sent.some((m) => m.type === 'ready'));
    await page.evaluate((m) => window.postMessage({ type: 'report', model: m }, '*'), model);
    await page.waitForSelector('#summary');
    assertEqual(await page.textContent('#card-files .value'), String(model.summary.files), 'files card');
    const csp = await page.evaluate(() => window.__csp);
    if (csp.length) throw new Error(`CSP violations: ${csp.join('; ')}`);
    if (errors.length) throw new Error(errors.join('; '));
  });

  await test('webview: a finding click, a gate use click and the toolbar send typed messages', async () => {
    const f = model.findings[0];
    await page.click('#finding-table tbody tr >> nth=0');
    const g = model.gates[0];
    await page.click(`tr[data-gate="${g.name}"] ul.uses li >> nth=0`);
    await page.click('button:has-text("Refresh")');
    await page.click('button:has-text("Export Markdown")');
    const sent = (await page.evaluate(() => window.__sent)).filter((m) => m.type !== 'ready');
    assertEqual(
      JSON.stringify(sent),
      JSON.stringify([
        { type: 'open', file: f.file, line: f.lspLine, character: f.lspCharacter },
        { type: 'open', file: g.uses[0].file, line: g.uses[0].lspLine, character: g.uses[0].lspCharacter },
        { type: 'refresh' },
        { type: 'export', format: 'markdown' },
      ]),
      'messages to the host',
    );
  });
  await page.close();
}

async function main() {
  console.log('\n  browser: exported HTML report in chromium');
  if (!existsSync(CHROMIUM)) return skipAll(`${CHROMIUM} not found (install Debian's chromium package: apt-get install chromium)`, TESTS);
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch (e) {
    return skipAll(`playwright-core cannot be loaded: ${e}`, TESTS);
  }

  const work = mkdtempSync(path.join(tmpdir(), 'rfl-browser-'));
  const htmlFile = path.join(work, 'report.html');
  const model = renderReport(htmlFile);
  const url = pathToFileURL(htmlFile).href;

  const consoleErrors = [];
  const pageErrors = [];
  const requests = [];
  const context = await chromium.launchPersistentContext(path.join(work, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 900 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') consoleErrors.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.on('request', (r) => {
      if (r.url() !== url) requests.push(r.url());
    });
    // Runs outside the page's CSP (injected by the browser driver), so it sees every violation.
    await page.addInitScript(() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector('#summary');

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'report.png'), fullPage: true });

    await test('shows the summary numbers of the fixture tree', async () => {
      const s = model.summary;
      assertEqual(await page.textContent('#card-files .value'), String(s.files), 'files card');
      assertEqual(await page.textContent('#card-unsafe .value'), String(s.unsafe.sites), 'unsafe card');
      assertEqual(await page.textContent('#card-coverage .value'), `${s.unsafe.percent.toFixed(1)} %`, 'coverage card');
      assertEqual(await page.textContent('#card-placeholders .value'), String(s.placeholders), 'placeholder card');
      assertEqual(await page.textContent('#card-toolchain .value'), `${s.toolchain.minimum} – ${s.toolchain.database}`, 'toolchain card');
      if (!(await page.isVisible('#card-files'))) throw new Error('summary cards are not visible');
    });

    await test('shows a gate row with coloured status badges and the allow-list verdict', async () => {
      const gate = model.gates.find((g) => g.allowListed === false);
      if (!gate) throw new Error('fixture has no gate missing from the allow-list');
      const row = page.locator(`tr[data-gate="${gate.name}"]`);
      const text = (await row.innerText()).replace(/\s+/g, ' ');
      for (const part of [gate.name, 'not listed', gate.uses[0].file]) if (!text.includes(part)) throw new Error(`gate row "${text}" lacks "${part}"`);
      const colour = await row.locator('.badge.allow-no').evaluate((el) => window.getComputedStyle(el).backgroundColor);
      if (colour === 'rgba(0, 0, 0, 0)') throw new Error('the allow-list badge has no colour: the stylesheet was not applied');
    });

    await test('shows a finding row with location, rule and message', async () => {
      const f = model.findings[0];
      const rows = page.locator('#finding-table tbody tr');
      assertEqual(await rows.count(), model.findings.length, 'finding rows');
      const text = (await rows.first().innerText()).replace(/\s+/g, ' ');
      const location = `${f.file.slice(f.file.lastIndexOf('/') + 1)}:${f.line}:${f.column}`;
      for (const part of [f.directory, location, f.code, f.message]) if (!text.includes(part)) throw new Error(`finding row "${text}" lacks "${part}"`);
    });

    await test('filters findings by rule and by directory', async () => {
      const rule = 'missing-safety-comment';
      const byRule = model.findings.filter((f) => f.code === rule);
      await page.selectOption('#filter-rule', rule);
      assertEqual(await page.locator('#finding-table tbody tr:visible').count(), byRule.length, 'rows after the rule filter');
      assertEqual(await page.textContent('#finding-count'), `Showing ${byRule.length} of ${model.findings.length} findings`, 'count text');
      const dir = byRule[0].directory;
      await page.selectOption('#filter-dir', dir);
      const both = byRule.filter((f) => f.directory === dir);
      assertEqual(await page.locator('#finding-table tbody tr:visible').count(), both.length, 'rows after both filters');
      await page.screenshot({ path: path.join(ARTIFACTS, 'report-filtered.png'), fullPage: true });
      await page.selectOption('#filter-rule', '');
      await page.selectOption('#filter-dir', '');
      assertEqual(await page.locator('#finding-table tbody tr:visible').count(), model.findings.length, 'rows after clearing');
    });

    await test('draws the coverage chart as inline SVG, one bar per directory with unsafe code', async () => {
      const withUnsafe = model.directories.filter((d) => d.sites > 0);
      assertEqual(await page.locator('svg.chart g.row').count(), withUnsafe.length, 'chart rows');
      const widths = await page.locator('svg.chart rect.bar').evaluateAll((els) => els.map((e) => Number(e.getAttribute('width'))));
      assertEqual(JSON.stringify(widths), JSON.stringify(withUnsafe.map((d) => Math.round((320 * d.percent) / 100))), 'bar widths');
    });

    await test('logs no errors, violates no CSP directive and makes no network request', async () => {
      const csp = await page.evaluate(() => window.__csp);
      if (csp.length) throw new Error(`CSP violations: ${csp.join('; ')}`);
      if (consoleErrors.length) throw new Error(`console: ${consoleErrors.join('; ')}`);
      if (pageErrors.length) throw new Error(`page errors: ${pageErrors.join('; ')}`);
      if (requests.length) throw new Error(`requests: ${requests.join(', ')}`);
    });

    await webviewTests(context, model, work);
  } finally {
    await context.close();
    rmSync(work, { recursive: true, force: true });
  }
  console.log(`\n  ${counts.passed} passing, ${counts.failed} failing (screenshots in ${path.relative(ROOT, ARTIFACTS)}/)`);
  writeCounts();
}

main().then(
  () => process.exit(counts.failed ? 1 : 0),
  (e) => {
    console.log(`  ✘ browser suite could not run: ${e?.stack ?? e}`);
    counts.failed++;
    writeCounts();
    process.exit(1);
  },
);
